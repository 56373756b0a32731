import { zodResolver } from '@hookform/resolvers/zod'
import {
  BUILT_IN_ROLES,
  buildGroupTree,
  type CreateInvitationsInput,
  type CreateInvitationsResult,
  canAssignRole,
  type FieldError,
  type GroupNode,
  INVITATIONS_PER_REQUEST_MAX,
  isBuiltInRole,
  type Me,
  normalizeEmail,
  ROLE_DEFINITIONS,
} from '@usher/contract'
import { isUsherApiError, isUsherNetworkError } from '@usher/sdk'
import { type ComponentProps, useEffect, useId, useMemo, useState } from 'react'
import {
  type Control,
  FormProvider,
  useFieldArray,
  useForm,
  useFormContext,
  useFormState,
  useWatch,
} from 'react-hook-form'
import { useGroups } from '../../hooks/use-groups'
import { useInviteUsers } from '../../hooks/use-invite-users'
import { useMe } from '../../hooks/use-me'
import type { Translate } from '../../i18n/translate'
import { cn } from '../../lib/cn'
import { useUsherContext } from '../../provider/usher-context'
import type { MultiSelectOption } from '../../ui/multi-select'
import { SeatUsage } from '../seat-usage'
import {
  blankRow,
  fieldErrorMessage,
  formPath,
  type InviteFormOutput,
  type InviteFormValues,
  type InviteRowValues,
  inviteFormSchema,
  isBlankRow,
  ROW_FIELDS,
  type RowField,
} from './invite-form-schema'
import { InviteRow } from './invite-row'
import { dedupeEntries, type PastedEntry } from './parse-address-list'
import { PasteAddresses } from './paste-addresses'

export interface InviteFormProps extends Omit<ComponentProps<'section'>, 'children' | 'onSubmit'> {
  /**
   * The role new rows start with. A role the viewer may not give falls back to the lowest one
   * they may.
   * @default 'technician'
   */
  defaultRole?: string
  /**
   * Called once the server answered a submit, with its per-row answer (rows created and rows
   * refused, by index in the submitted order).
   * @example onInvited={({ created }) => toast(`${created} invited`)}
   */
  onInvited?: (result: CreateInvitationsResult) => void
}

type ServerErrors = Record<string, Partial<Record<RowField, string>>>

const takesSeat = (role: string) => isBuiltInRole(role) && ROLE_DEFINITIONS[role].takesSeat

function flattenTree<G extends { id: string; parentId: string | null; name: string }>(
  nodes: GroupNode<G>[],
  out: MultiSelectOption[] = [],
): MultiSelectOption[] {
  for (const node of nodes) {
    out.push({ value: node.group.id, label: node.group.name, depth: node.depth })
    flattenTree(node.children, out)
  }
  return out
}

/** The server's field errors of one row, by field; an error with no field lands on the email. */
function rowErrorsOf(errors: readonly FieldError[], code: string): Partial<Record<RowField, string>> {
  const out: Partial<Record<RowField, string>> = {}
  for (const error of errors) {
    const target = formPath(error.path)
    if ('row' in target) out[target.field] ??= error.code
  }
  if (Object.keys(out).length === 0) out.email = code
  return out
}

/** A whole-request 422's field errors (`invitations.N.field`), on the rows they name. */
function errorsByRow(errors: readonly FieldError[], rowIds: readonly string[]): ServerErrors {
  const byRow: ServerErrors = {}
  for (const error of errors) {
    const target = formPath(error.path)
    const rowId = 'row' in target ? rowIds[target.row] : undefined
    if (!rowId || !('row' in target)) continue
    const row = byRow[rowId] ?? {}
    row[target.field] ??= error.code
    byRow[rowId] = row
  }
  return byRow
}

function requestErrorMessage(t: Translate, error: unknown): string {
  if (isUsherNetworkError(error)) return t('common.offline')
  if (isUsherApiError(error)) return t(`errors.codes.${error.code}`)
  return t('common.unknownError')
}

/**
 * Invite several people at once (seeds 000, 001, 002): rows of salutation, names, email, phone,
 * role, groups and "contact for" topics, validated as you type with the contract's schema and the
 * organization's shared-mailbox list; "paste a list" fills many rows at once. One request sends
 * them all; rows the server created leave the form, rows it refused stay with their error.
 * Viewers without `users:invite` see why they cannot invite.
 */
export function InviteForm({ defaultRole = 'technician', onInvited, className, ...props }: InviteFormProps) {
  const { t } = useUsherContext()
  const me = useMe()
  const titleId = useId()
  const canInvite = me.data?.permissions.includes('users:invite') ?? false
  const state = me.isPending ? 'loading' : me.isError ? 'error' : canInvite ? 'ready' : 'forbidden'

  return (
    <section
      data-slot="invite-form"
      data-state={state}
      aria-labelledby={titleId}
      className={cn('usher-invite-form', className)}
      {...props}
    >
      <h2 id={titleId} data-slot="invite-form-title" className="usher-invite-form-title">
        {t('inviteForm.title')}
      </h2>
      {state === 'loading' ? (
        <p role="status" data-slot="invite-form-loading">
          {t('common.loading')}
        </p>
      ) : state === 'error' ? (
        <div role="alert" data-slot="invite-form-load-error" className="usher-alert">
          {t('inviteForm.loadError')}{' '}
          <button type="button" className="usher-button" onClick={() => void me.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      ) : state === 'forbidden' ? (
        <p data-slot="invite-form-forbidden" className="usher-invite-form-forbidden">
          {t('inviteForm.forbidden')}
        </p>
      ) : (
        <InviteFormBody
          me={me.data as Me}
          defaultRole={defaultRole}
          onInvited={onInvited}
          titleId={titleId}
        />
      )}
    </section>
  )
}

interface InviteFormBodyProps {
  me: Me
  defaultRole: string
  onInvited: ((result: CreateInvitationsResult) => void) | undefined
  titleId: string
}

function InviteFormBody({ me, defaultRole, onInvited, titleId }: InviteFormBodyProps) {
  const { t, locale } = useUsherContext()
  const formId = useId()
  const groups = useGroups()
  const invite = useInviteUsers()
  const settings = me.organization.settings

  const roleOptions = useMemo(
    () =>
      BUILT_IN_ROLES.filter((key) => canAssignRole(me.user.role, key)).map((key) => ({
        value: key,
        label: t(`roles.${key}`),
      })),
    [me.user.role, t],
  )
  const initialRole = roleOptions.some((option) => option.value === defaultRole)
    ? defaultRole
    : (roleOptions.at(-1)?.value ?? defaultRole)
  const groupOptions = useMemo(
    () => flattenTree(buildGroupTree(groups.data ?? [], locale)),
    [groups.data, locale],
  )
  const topicOptions = useMemo(
    () => settings.contactTopics.map((topic) => ({ value: topic.key, label: topic.label })),
    [settings.contactTopics],
  )
  // Each refetch of `me` brings a new array: rebuild the schema only when the list itself changes.
  const refusedKey = settings.refusedMailboxes.join('\n')
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the list's content
  const resolver = useMemo(() => zodResolver(inviteFormSchema(settings.refusedMailboxes)), [refusedKey])

  const form = useForm<InviteFormValues, unknown, InviteFormOutput>({
    resolver,
    // Checked when a field is left, then on every keystroke: errors do not shout while typing.
    mode: 'onTouched',
    defaultValues: { invitations: [blankRow(initialRole)], message: '' },
  })
  const { control, handleSubmit, reset, getValues, getFieldState, setValue, trigger, formState } = form
  const { fields, append, remove } = useFieldArray({ control, name: 'invitations' })
  const [serverErrors, setServerErrors] = useState<ServerErrors>({})
  const [alert, setAlert] = useState<string | null>(null)
  const [status, setStatus] = useState('')
  const [focusTarget, setFocusTarget] = useState<string | null>(null)
  const busy = formState.isSubmitting
  const addId = `${formId}-add`
  const idBase = (rowId: string) => `${formId}-${rowId}`

  // Focus moves once the rows it targets are rendered (after an addition, removal or answer).
  useEffect(() => {
    if (!focusTarget) return
    document.getElementById(focusTarget)?.focus()
    setFocusTarget(null)
  }, [focusTarget])

  const dropServerErrors = (rowIds: readonly string[]) =>
    setServerErrors((previous) => {
      if (!rowIds.some((id) => previous[id])) return previous
      const next = { ...previous }
      for (const id of rowIds) delete next[id]
      return next
    })

  const clearServerError = (rowId: string, field: RowField) =>
    setServerErrors((previous) => {
      const row = previous[rowId]
      if (!row?.[field]) return previous
      const { [field]: _cleared, ...rest } = row
      return { ...previous, [rowId]: rest }
    })

  // A duplicate is a relation between rows: editing one address may clear the error on the row
  // that repeated its old value, or flag a row that repeats the new one. Only those rows are
  // checked again, so typing stays cheap with hundreds of rows.
  const revalidateOtherEmails = (index: number) => {
    const rows = getValues('invitations')
    const typed = normalizeEmail(rows[index]?.email ?? '')
    const names = rows.flatMap((row, i) => {
      if (i === index || row.email.trim() === '') return []
      const name = `invitations.${i}.email` as const
      const flagged = getFieldState(name).error?.message === 'duplicate'
      return flagged || normalizeEmail(row.email) === typed ? [name] : []
    })
    if (names.length > 0) void trigger(names)
  }

  const addRow = () =>
    append(blankRow(initialRole), { shouldFocus: true, focusName: `invitations.${fields.length}.salutation` })

  const removeRow = (index: number) => {
    const removed = fields[index]
    const next = fields[index + 1] ?? fields[index - 1]
    remove(index)
    if (removed) dropServerErrors([removed.id])
    setFocusTarget(next ? `${idBase(next.id)}-salutation` : addId)
  }

  const addPasted = (entries: PastedEntry[]) => {
    const current = getValues('invitations')
    const blanks = current.flatMap((row, i) => (isBlankRow(row) ? [i] : []))
    // Rows replace the empty ones, taking over their role and choices: set the groups once on the
    // empty row, paste 20 addresses, and all 20 are in those groups.
    const template: InviteRowValues = current[blanks[0] ?? -1] ?? blankRow(initialRole)
    const { entries: fresh, duplicates } = dedupeEntries(
      entries,
      current.map((row) => row.email),
    )
    const room = Math.max(INVITATIONS_PER_REQUEST_MAX - (current.length - blanks.length), 0)
    const taken = fresh.slice(0, room)
    const rows = taken.map(
      (entry): InviteRowValues => ({
        ...blankRow(template.role),
        groupIds: [...template.groupIds],
        contactFor: [...template.contactFor],
        ...(entry.kind === 'address'
          ? { email: entry.email, firstName: entry.firstName, lastName: entry.lastName }
          : { email: entry.source }),
      }),
    )
    if (rows.length > 0) {
      if (blanks.length > 0) {
        dropServerErrors(blanks.map((i) => fields[i]?.id ?? ''))
        remove(blanks)
      }
      append(rows, { shouldFocus: false })
      // Show what each pasted row lacks (a first name, a valid address) right away.
      const start = current.length - blanks.length
      const names = rows.flatMap((_, k) => [
        `invitations.${start + k}.firstName` as const,
        `invitations.${start + k}.email` as const,
      ])
      for (const name of names) setValue(name, getValues(name), { shouldTouch: true })
      void trigger(names)
    }
    const invalid = taken.filter((entry) => entry.kind === 'invalid').length
    setStatus(
      [
        t('inviteForm.paste.added', { count: rows.length }),
        duplicates > 0 ? t('inviteForm.paste.duplicates', { count: duplicates }) : '',
        invalid > 0 ? t('inviteForm.paste.invalid', { count: invalid }) : '',
        fresh.length > taken.length
          ? t('inviteForm.paste.tooMany', {
              count: fresh.length - taken.length,
              max: INVITATIONS_PER_REQUEST_MAX,
            })
          : '',
      ]
        .filter(Boolean)
        .join(' '),
    )
  }

  const onValid = async (data: InviteFormOutput) => {
    // Rows are locked while the request runs, so the answer's indexes are these rows.
    const rowIds = fields.map((field) => field.id)
    setAlert(null)
    setStatus('')
    setServerErrors({})
    const request: CreateInvitationsInput = {
      invitations: data.invitations,
      sendEmail: data.sendEmail,
      ...(data.message ? { message: data.message } : {}),
    }
    let result: CreateInvitationsResult
    try {
      result = await invite.mutateAsync(request)
    } catch (error) {
      setAlert(requestErrorMessage(t, error))
      // A whole-request 422 still says which rows are wrong.
      if (isUsherApiError(error)) setServerErrors(errorsByRow(error.fieldErrors, rowIds))
      return
    }

    const created = result.results.filter((row) => row.status === 'created').map((row) => row.index)
    const failed = result.results.flatMap((row) => (row.status === 'failed' ? [row] : []))
    if (failed.length === 0) {
      reset({ invitations: [blankRow(initialRole)], message: '' })
    } else {
      const byRow: ServerErrors = {}
      for (const row of failed) {
        const rowId = rowIds[row.index]
        if (rowId) byRow[rowId] = rowErrorsOf(row.error.errors ?? [], row.error.code)
      }
      remove(created)
      setServerErrors(byRow)
      const first = failed[0] && rowIds[failed[0].index]
      const field = first ? ROW_FIELDS.find((key) => byRow[first]?.[key]) : undefined
      if (first && field) setFocusTarget(`${idBase(first)}-${field}`)
    }
    const sent = t('inviteForm.summary.sent', { count: result.created })
    setStatus(
      result.failed > 0
        ? t('inviteForm.summary.combined', {
            sent,
            attention: t('inviteForm.summary.attention', { count: result.failed }),
          })
        : sent,
    )
    onInvited?.(result)
  }

  const scoped = isBuiltInRole(me.user.role) && ROLE_DEFINITIONS[me.user.role].scope === 'groups'

  return (
    <FormProvider {...form}>
      <form
        data-slot="invite-form-form"
        data-busy={busy ? '' : undefined}
        aria-labelledby={titleId}
        aria-busy={busy || undefined}
        noValidate
        className="usher-invite-form-form"
        onSubmit={handleSubmit(onValid)}
      >
        <p data-slot="invite-form-intro" className="usher-invite-form-intro">
          {t('inviteForm.intro', { days: settings.invitationLifetimeDays })}
        </p>
        {me.organization.activatedAt === null ? (
          <p data-slot="invite-form-notice" className="usher-alert">
            {t('errors.codes.team_not_activated')}
          </p>
        ) : null}
        {scoped ? (
          <p data-slot="invite-form-scope-hint" className="usher-invite-form-hint">
            {t('inviteForm.groups.scopedHint')}
          </p>
        ) : null}
        <InviteSeats control={control} seats={me.seats} />

        <ol data-slot="invite-form-rows" className="usher-invite-rows">
          {fields.map((item, index) => (
            <li key={item.id} data-slot="invite-form-row-item">
              <InviteRow
                index={index}
                idBase={idBase(item.id)}
                removable={fields.length > 1}
                roleOptions={roleOptions}
                groupOptions={groupOptions}
                groupsState={groups.isPending ? 'loading' : groups.isError ? 'error' : 'ready'}
                topicOptions={topicOptions}
                serverErrors={serverErrors[item.id]}
                onFieldEdited={(field) => clearServerError(item.id, field)}
                onEmailChange={revalidateOtherEmails}
                onRemove={removeRow}
                disabled={busy}
              />
            </li>
          ))}
        </ol>

        <div data-slot="invite-form-row-actions" className="usher-invite-form-actions">
          <button
            id={addId}
            type="button"
            data-slot="invite-form-add"
            className="usher-button"
            disabled={busy || fields.length >= INVITATIONS_PER_REQUEST_MAX}
            onClick={addRow}
          >
            {t('inviteForm.addRow')}
          </button>
          <PasteAddresses onPaste={addPasted} disabled={busy} />
        </div>

        <MessageField id={`${formId}-message`} disabled={busy} />
        <RequestAlert message={alert} />

        <div data-slot="invite-form-submit" className="usher-invite-form-submit">
          <button type="submit" className="usher-button" data-variant="primary" disabled={busy}>
            {busy ? t('inviteForm.submitting') : t('inviteForm.submit')}
          </button>
          <p role="status" data-slot="invite-form-status" className="usher-invite-form-status">
            {status}
          </p>
        </div>
      </form>
    </FormProvider>
  )
}

/**
 * The personal message. Its own subscriber to the form state, so that an error on any row does
 * not re-render the whole form.
 */
function MessageField({ id, disabled }: { id: string; disabled: boolean }) {
  const { t } = useUsherContext()
  const { register, control } = useFormContext<InviteFormValues>()
  const { errors, touchedFields, isSubmitted, isSubmitSuccessful } = useFormState({
    control,
    name: 'message',
  })
  const code = errors.message?.message
  const shown = code && (touchedFields.message || (isSubmitted && !isSubmitSuccessful)) ? code : undefined
  return (
    <div data-slot="invite-form-message" className="usher-invite-field usher-invite-message">
      <label htmlFor={id} className="usher-invite-label">
        {t('inviteForm.optionalLabel', { label: t('inviteForm.fields.message') })}
      </label>
      <textarea
        id={id}
        className="usher-input"
        rows={3}
        disabled={disabled}
        aria-invalid={shown ? true : undefined}
        aria-describedby={`${id}-hint${shown ? ` ${id}-error` : ''}`}
        {...register('message')}
      />
      <p id={`${id}-hint`} className="usher-invite-form-hint">
        {t('inviteForm.messageHint')}
      </p>
      {shown ? (
        <p id={`${id}-error`} className="usher-field-error">
          {fieldErrorMessage(t, shown, { field: 'message' })}
        </p>
      ) : null}
    </div>
  )
}

/**
 * A refused request (network, 403, team not activated...), or a problem with the list itself
 * (none left, too many) once a submit was tried.
 */
function RequestAlert({ message }: { message: string | null }) {
  const { t } = useUsherContext()
  const { control } = useFormContext<InviteFormValues>()
  const { errors, isSubmitted } = useFormState({ control, name: 'invitations' })
  const listError = errors.invitations?.root?.message ?? errors.invitations?.message
  if (!message && !(listError && isSubmitted)) return null
  return (
    <div role="alert" data-slot="invite-form-alert" className="usher-alert">
      {message ?? t('errors.codes.validation_failed')}
    </div>
  )
}

/** The seat counter with the rows being added; warns when they need more seats than are left. */
function InviteSeats({
  control,
  seats,
}: {
  control: Control<InviteFormValues, unknown, InviteFormOutput>
  seats: Me['seats']
}) {
  const { t } = useUsherContext()
  const rows = useWatch({ control, name: 'invitations' })
  const pending = rows.filter((row) => takesSeat(row.role) && row.email.trim() !== '').length
  const left = seats.allowed === null ? null : Math.max(seats.allowed - seats.used, 0)
  const over = left !== null && pending > left
  return (
    <div data-slot="invite-form-seats" data-state={over ? 'over' : 'ok'} className="usher-invite-seats">
      <SeatUsage pending={pending} />
      <p role="status" data-slot="invite-form-seat-warning" className="usher-invite-seat-warning">
        {over ? t('inviteForm.seatWarning', { count: pending, left: left ?? 0 }) : null}
      </p>
    </div>
  )
}
