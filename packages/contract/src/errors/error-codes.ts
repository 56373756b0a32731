/**
 * The closed list of problem codes the API answers with. A code is stable: hosts may switch on it,
 * the React package maps each to a message in every catalog. Adding one is a minor change; renaming
 * or removing one is a breaking change.
 */
export const ERROR_CODES = {
  validation_failed: { status: 422, title: 'The request has invalid fields.' },
  invalid_json: { status: 400, title: 'The request body is not valid JSON.' },
  unsupported_media_type: { status: 415, title: 'The request body must be application/json.' },
  payload_too_large: { status: 413, title: 'The request body is larger than allowed.' },
  batch_too_large: { status: 413, title: 'The batch has more items than one request may carry.' },
  unauthenticated: { status: 401, title: 'A valid bearer token is required.' },
  token_expired: { status: 401, title: 'The bearer token has expired.' },
  forbidden: { status: 403, title: 'You do not have the permission this action needs.' },
  role_above_own: { status: 403, title: 'You cannot give a role above your own.' },
  not_found: { status: 404, title: 'No such resource in your organization.' },
  method_not_allowed: { status: 405, title: 'This method is not allowed on this resource.' },
  conflict: { status: 409, title: 'The request conflicts with the current state.' },
  status_not_allowed: { status: 409, title: "This action is not allowed in the user's current status." },
  email_taken: { status: 409, title: 'A user with this email already belongs to the organization.' },
  invitation_pending: { status: 409, title: 'An invitation to this email is already pending.' },
  seat_limit_reached: { status: 409, title: "The plan's seats are all taken." },
  last_owner: { status: 409, title: 'The organization must keep at least one owner.' },
  team_not_activated: { status: 409, title: 'The team must be activated before users can be managed.' },
  group_cycle: { status: 409, title: 'A group cannot be moved under itself or its descendants.' },
  group_not_empty: { status: 409, title: 'The group still has subgroups or members.' },
  idempotency_in_progress: { status: 409, title: 'A request with this idempotency key is still running.' },
  idempotency_key_reused: {
    status: 422,
    title: 'This idempotency key was already used with a different request.',
  },
  shared_mailbox_refused: {
    status: 422,
    title: 'Shared department mailboxes cannot hold an account; invite a person.',
  },
  password_too_weak: { status: 422, title: "The password does not meet the organization's policy." },
  version_mismatch: { status: 412, title: 'The resource changed since you read it; reload and retry.' },
  precondition_required: { status: 428, title: 'This update needs an If-Match header with the version.' },
  invitation_not_found: { status: 404, title: 'This invitation link is unknown.' },
  invitation_expired: { status: 410, title: 'This invitation has expired.' },
  invitation_revoked: { status: 410, title: 'This invitation was revoked.' },
  invitation_used: { status: 410, title: 'This invitation was already accepted.' },
  invitation_email_mismatch: {
    status: 409,
    title: 'You are signed in with another account than the one invited.',
  },
  invalid_credentials: { status: 401, title: 'The email or password is wrong.' },
  account_disabled: { status: 403, title: 'This account is disabled.' },
  account_not_activated: {
    status: 403,
    title: 'This account is not active yet: its invitation was never accepted.',
  },
  password_change_required: { status: 403, title: 'The password must be changed before going on.' },
  reset_token_invalid: { status: 400, title: 'This password reset link is invalid or has expired.' },
  builtin_auth_disabled: {
    status: 404,
    title: "Built-in sign-in is off: the host signs its users' tokens.",
  },
  import_row_limit: { status: 413, title: 'The import has more rows than the organization allows.' },
  import_finished: { status: 409, title: 'The import is already finished or cancelled.' },
  rate_limited: { status: 429, title: 'Too many requests; retry later.' },
  internal_error: { status: 500, title: 'Something went wrong on our side.' },
  service_unavailable: { status: 503, title: 'The service is unavailable; retry later.' },
} as const satisfies Record<string, { status: number; title: string }>

export type ErrorCode = keyof typeof ERROR_CODES

export const errorCodes = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]

/**
 * Codes that a field error (`errors[].code` in a problem) may carry. Closed too: the forms map each
 * to a message.
 */
export const FIELD_ERROR_CODES = [
  'required',
  'invalid_type',
  'invalid_format',
  'invalid_email',
  'invalid_phone',
  'invalid_name',
  'invalid_value',
  'too_short',
  'too_long',
  'too_small',
  'too_big',
  'too_few',
  'too_many',
  'unknown_field',
  'duplicate',
  'not_accepted',
  /** A control character (NUL, escape...) in a text, or a line break where a text has one line. */
  'control_character',
  'shared_mailbox_refused',
  'password_too_weak',
  'email_taken',
  'invitation_pending',
  'seat_limit_reached',
  'not_found',
  'role_above_own',
] as const

export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number]

/** The problem type URI of a code: stable, documented in the OpenAPI document. */
export function problemType(code: ErrorCode): string {
  return `https://usher.dev/problems/${code.replaceAll('_', '-')}`
}
