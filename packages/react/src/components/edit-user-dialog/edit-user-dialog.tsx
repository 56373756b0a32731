import { zodResolver } from '@hookform/resolvers/zod'
import {
  BUILT_IN_ROLES,
  canAssignRole,
  canManageAccountOf,
  type Group,
  isBuiltInRole,
  type Me,
  ROLE_DEFINITIONS,
  type Role,
  type RoleDefinition,
  type UpdateUserInput,
  UpdateUserSchema,
  type User,
} from '@usher/contract'
import { buildGroupTree, type GroupNode } from '@usher/contract/rules'
import { isUsherApiError } from '@usher/sdk'
import { Dialog } from 'radix-ui'
import { type ReactNode, useId, useMemo, useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import type * as z from 'zod'
import { useGroups } from '../../hooks/use-groups'
import { useMe } from '../../hooks/use-me'
import { useRoles } from '../../hooks/use-roles'
import { useUpdateUser } from '../../hooks/use-update-user'
import { useUser } from '../../hooks/use-users'
import { fieldMessage, requestErrorMessage, withFieldCodes } from '../../lib/form-codes'
import { useUsherContext } from '../../provider/usher-context'
import { AuthForm } from '../../ui/auth-form'
import { DialogFrame, DialogHeader } from '../../ui/dialog-frame'
import { FormField } from '../../ui/form-field'
import { MultiSelect, type MultiSelectOption } from '../../ui/multi-select'
import { TextField } from '../../ui/text-field'

export interface EditUserDialogProps {
  /** Whom to edit. */
  userId: string
  /** Controlled open state (with `onOpenChange`). */
  open?: boolean
  /**
   * Open state on first render, when uncontrolled.
   * @default false
   */
  defaultOpen?: boolean
  onOpenChange?(open: boolean): void
  /** After the change was saved (the dialog then closes), with the user as the server answered. */
  onSaved?(user: User): void
  /** The element that opens the dialog (rendered as the Radix trigger, `asChild`). */
  trigger?: ReactNode
  /** The dialog panel's class. */
  className?: string
}

/**
 * One person's record (seeds 003 and 004): name, nickname, contact details, job title, department,
 * description, SSO id, language, role, groups, "contact for" topics, primary contact, enabled and
 * "change the password at the next sign-in". Only what changed is sent, guarded by the version the
 * form was filled from: someone else's change in between is reported, not overwritten. Nobody
 * changes their own role, groups or enabled flag; roles above the viewer's are not offered.
 * @example
 * <EditUserDialog userId={user.id} open={open} onOpenChange={setOpen} />
 */
export function EditUserDialog({
  userId,
  open,
  defaultOpen = false,
  onOpenChange,
  onSaved,
  trigger,
  className,
}: EditUserDialogProps) {
  return (
    <DialogFrame
      slot="edit-user"
      panelClassName="usher-edit-user"
      className={className}
      open={open}
      defaultOpen={defaultOpen}
      onOpenChange={onOpenChange}
      trigger={trigger}
      // The title is read first; Tab then leads to the first field.
      focusPanel
    >
      {(close) => (
        <EditUserContent
          userId={userId}
          onSaved={(user) => {
            onSaved?.(user)
            close()
          }}
        />
      )}
    </DialogFrame>
  )
}

const name = (user: Pick<User, 'firstName' | 'lastName'>) => `${user.firstName} ${user.lastName}`.trim()

function customRoles(roles: readonly Role[]): Record<string, RoleDefinition> {
  const custom: Record<string, RoleDefinition> = {}
  for (const role of roles) if (!role.builtIn) custom[role.key] = role
  return custom
}

function EditUserContent({ userId, onSaved }: { userId: string; onSaved: (user: User) => void }) {
  const { t } = useUsherContext()
  const me = useMe()
  const user = useUser(userId)
  const roles = useRoles()
  // Loaded before the form: a group admin's scope (which groups to show and send) comes from it.
  const groups = useGroups()
  const [formKey, setFormKey] = useState(0)

  let body: ReactNode
  if (me.error || user.error || groups.error) {
    body = (
      <div data-slot="edit-user-load-error" role="alert" className="usher-alert">
        <p>
          {t('editUser.loadError')} {requestErrorMessage(t, user.error ?? me.error ?? groups.error)}
        </p>
        <button
          type="button"
          className="usher-button"
          onClick={() => {
            if (me.isError) void me.refetch()
            if (user.isError) void user.refetch()
            if (groups.isError) void groups.refetch()
          }}
        >
          {t('common.retry')}
        </button>
      </div>
    )
  } else if (!me.data || !user.data || !groups.data) {
    body = (
      <p data-slot="edit-user-loading" role="status" aria-busy="true">
        {t('editUser.loading')}
      </p>
    )
  } else if (!me.data.permissions.includes('users:update')) {
    body = (
      <p data-slot="edit-user-forbidden" role="alert" className="usher-alert">
        {t('editUser.forbidden')}
      </p>
    )
  } else if (
    me.data.user.id !== user.data.id &&
    !canManageAccountOf(me.data.user.role, user.data.role, customRoles(roles.data?.items ?? []))
  ) {
    // The server's rule (requireOutranks): not above one's own role, not a peer for a scoped admin.
    body = (
      <p data-slot="edit-user-forbidden" role="alert" className="usher-alert">
        {t('editUser.notYours', { name: name(user.data) })}
      </p>
    )
  } else {
    body = (
      <EditUserForm
        // A reload after someone else's change starts the form over from their version.
        key={`${user.data.id}:${formKey}`}
        me={me.data}
        user={user.data}
        roleDefinitions={roles.data?.items ?? []}
        groups={groups.data}
        onSaved={onSaved}
        onReload={async () => {
          await user.refetch()
          setFormKey((key) => key + 1)
        }}
      />
    )
  }
  return (
    <>
      <DialogHeader
        slot="edit-user"
        title={user.data ? t('editUser.title', { name: name(user.data) }) : t('editUser.titleGeneric')}
        description={user.data ? user.data.email : t('editUser.description')}
      />
      {body}
    </>
  )
}

/** What the form holds: inputs give strings, the lists and flags their own types. */
interface Values {
  salutation: string
  firstName: string
  lastName: string
  nickname: string
  phone: string
  mobile: string
  jobTitle: string
  department: string
  description: string
  externalId: string
  locale: 'en' | 'fr'
  role: string
  groupIds: string[]
  contactFor: string[]
  primaryContact: boolean
  enabled: boolean
  mustChangePassword: boolean
}

const TEXT_FIELDS = [
  'firstName',
  'lastName',
  'nickname',
  'phone',
  'mobile',
  'jobTitle',
  'department',
  'externalId',
] as const satisfies readonly (keyof Values)[]

/** The fields that show their own error message; a server error on another goes to the alert. */
const SHOWN_ERRORS = [
  ...TEXT_FIELDS,
  'salutation',
  'locale',
  'description',
  'role',
  'groupIds',
  'contactFor',
] as const
const LABELS = {
  primaryContact: 'primaryContact',
  enabled: 'enabled',
  mustChangePassword: 'mustChangePassword',
} as const

/** The groups shown and sent: for a group-scoped viewer only those in their scope (the server keeps the others). */
const inScope = (groupIds: readonly string[], scope: ReadonlySet<string> | null) =>
  scope ? groupIds.filter((id) => scope.has(id)) : [...groupIds]

const valuesOf = (user: User, scope: ReadonlySet<string> | null): Values => ({
  salutation: user.salutation ?? '',
  firstName: user.firstName,
  lastName: user.lastName,
  nickname: user.nickname ?? '',
  phone: user.phone ?? '',
  mobile: user.mobile ?? '',
  jobTitle: user.jobTitle ?? '',
  department: user.department ?? '',
  description: user.description ?? '',
  externalId: user.externalId ?? '',
  locale: user.locale,
  role: user.role,
  groupIds: inScope(user.groupIds, scope),
  contactFor: user.contactFor,
  primaryContact: user.primaryContact,
  enabled: user.status !== 'disabled',
  mustChangePassword: user.mustChangePassword,
})

/** Order-insensitive for the lists: ticking two groups in another order is no change. */
const same = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n')
    : a === b

/** The fields whose parsed value differs from the user's: all a PATCH needs to carry. */
function changesOf(
  user: User,
  scope: ReadonlySet<string> | null,
  parsed: Record<string, unknown>,
): UpdateUserInput {
  const current: Record<string, unknown> = {
    ...user,
    groupIds: inScope(user.groupIds, scope),
    enabled: user.status !== 'disabled',
  }
  // A backend that stores '' or CRLF must not see every save change those fields.
  for (const [key, value] of Object.entries(current)) {
    if (value === '') current[key] = null
    else if (typeof value === 'string' && value.includes('\r\n'))
      current[key] = value.replaceAll('\r\n', '\n')
  }
  const patch: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(parsed)) {
    if (value !== undefined && !same(value, current[key] ?? null)) patch[key] = value
  }
  return patch as UpdateUserInput
}

function flatten(
  nodes: GroupNode<{ id: string; parentId: string | null; name: string }>[],
  out: MultiSelectOption[] = [],
) {
  for (const node of nodes) {
    out.push({ value: node.group.id, label: node.group.name, depth: node.depth })
    flatten(node.children, out)
  }
  return out
}

function EditUserForm({
  me,
  user: fresh,
  roleDefinitions,
  groups,
  onSaved,
  onReload,
}: {
  me: Me
  user: User
  roleDefinitions: readonly Role[]
  groups: readonly Group[]
  onSaved: (user: User) => void
  onReload: () => Promise<void>
}) {
  const { t, locale } = useUsherContext()
  const id = useId()
  const update = useUpdateUser()
  // The version the form was filled from: the differences and If-Match are against it, even when
  // the cache learns a newer one meanwhile (a refetch, or the answer to a stale save).
  const [user] = useState(fresh)
  const self = me.user.id === user.id
  const custom = useMemo(() => customRoles(roleDefinitions), [roleDefinitions])
  const ownScope = (isBuiltInRole(me.user.role) ? ROLE_DEFINITIONS[me.user.role] : custom[me.user.role])
    ?.scope
  // A group-scoped viewer (admin) places people in their own groups and subgroups only.
  const scope = useMemo<ReadonlySet<string> | null>(() => {
    if (ownScope !== 'groups') return null
    const children = new Map<string, string[]>()
    for (const group of groups) {
      if (group.parentId) children.set(group.parentId, [...(children.get(group.parentId) ?? []), group.id])
    }
    const ids = new Set<string>()
    const add = (groupId: string) => {
      if (ids.has(groupId)) return
      ids.add(groupId)
      for (const child of children.get(groupId) ?? []) add(child)
    }
    for (const groupId of me.user.groupIds) add(groupId)
    return ids
  }, [ownScope, groups, me.user.groupIds])
  const [formError, setFormError] = useState<string | null>(null)
  const [stale, setStale] = useState(false)
  const [reloading, setReloading] = useState(false)
  const [unchanged, setUnchanged] = useState(false)

  const roleOptions = useMemo(() => {
    const keys = roleDefinitions.length > 0 ? roleDefinitions.map((role) => role.key) : [...BUILT_IN_ROLES]
    const label = (key: string) =>
      (BUILT_IN_ROLES as readonly string[]).includes(key)
        ? t(`roles.${key as (typeof BUILT_IN_ROLES)[number]}`)
        : key
    const assignable = keys.filter((key) => canAssignRole(me.user.role, key, custom))
    // The person's role stays shown even when the viewer may not give it.
    const shown = assignable.includes(user.role) ? assignable : [user.role, ...assignable]
    return {
      options: shown.map((key) => ({ value: key, label: label(key) })),
      canChange: assignable.includes(user.role),
    }
  }, [roleDefinitions, custom, me.user.role, user.role, t])
  const groupOptions = useMemo(
    () =>
      flatten(
        buildGroupTree(
          groups.filter((group) => !scope || scope.has(group.id)),
          locale,
        ),
      ),
    [groups, scope, locale],
  )
  const topicOptions = useMemo(() => {
    const known = me.organization.settings.contactTopics.map((topic) => ({
      value: topic.key,
      label: topic.label,
    }))
    // A topic the organization has since dropped stays on the person (the server keeps it): shown,
    // so ticking another one does not lose it.
    const dropped = user.contactFor
      .filter((key) => !known.some((topic) => topic.value === key))
      .map((key) => ({ value: key, label: key }))
    return [...known, ...dropped]
  }, [me.organization.settings.contactTopics, user.contactFor])

  const [schema] = useState(() =>
    withFieldCodes<Values, z.output<typeof UpdateUserSchema>>(UpdateUserSchema, (values) => {
      // Validated whole (every field is checked as typed), sent as the difference.
      const { enabled, mustChangePassword, role, groupIds, ...profile } = values
      return {
        ...profile,
        salutation: values.salutation,
        ...(self ? {} : { role, groupIds, enabled }),
        mustChangePassword,
      }
    }),
  )
  const form = useForm<Values, unknown, z.output<typeof UpdateUserSchema>>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: valuesOf(user, scope),
  })
  const { errors, isSubmitting } = form.formState
  const message = (field: keyof Values) => fieldMessage(t, errors[field]?.message)

  const onSubmit = form.handleSubmit(async (parsed) => {
    setFormError(null)
    setUnchanged(false)
    const patch = changesOf(user, scope, parsed as Record<string, unknown>)
    if (Object.keys(patch).length === 0) {
      setUnchanged(true)
      return
    }
    try {
      onSaved(await update.mutateAsync({ id: user.id, version: user.version, patch }))
    } catch (error) {
      if (isUsherApiError(error) && error.code === 'version_mismatch') {
        setStale(true)
        return
      }
      if (isUsherApiError(error) && error.fieldErrors.length) {
        // On the field when it shows messages; the others are said in the form's alert.
        let focused = false
        const elsewhere: string[] = []
        for (const fieldError of error.fieldErrors) {
          const field = fieldError.path.split('.')[0] ?? ''
          if ((SHOWN_ERRORS as readonly string[]).includes(field)) {
            form.setError(field as keyof Values, { message: fieldError.code }, { shouldFocus: !focused })
            focused = true
          } else {
            const label =
              field in LABELS ? t(`editUser.fields.${LABELS[field as keyof typeof LABELS]}`) : field
            elsewhere.push(`${label}: ${fieldMessage(t, fieldError.code)}`)
          }
        }
        if (elsewhere.length) setFormError(elsewhere.join(' '))
        if (focused || elsewhere.length) return
      }
      setFormError(requestErrorMessage(t, error))
    }
  })

  const fieldId = (field: string) => `${id}-${field}`
  const text = (
    field: (typeof TEXT_FIELDS)[number],
    extra: { hint?: string; type?: string; autoComplete?: string } = {},
  ) => (
    <TextField
      id={fieldId(field)}
      label={t(`editUser.fields.${field}`)}
      error={message(field)}
      {...extra}
      {...form.register(field)}
    />
  )

  return (
    <AuthForm
      slot="edit-user"
      submitting={isSubmitting}
      submitDisabled={stale}
      onSubmit={(event) => void onSubmit(event)}
      error={formError}
      submitLabel={t('common.save')}
      submittingLabel={t('editUser.saving')}
      actions={
        <Dialog.Close asChild>
          <button type="button" className="usher-button">
            {t('common.cancel')}
          </button>
        </Dialog.Close>
      }
    >
      {stale ? (
        <div data-slot="edit-user-stale" role="alert" className="usher-alert">
          <p>{t('editUser.stale')}</p>
          <button
            type="button"
            className="usher-button"
            disabled={reloading}
            onClick={() => {
              setReloading(true)
              void onReload().finally(() => setReloading(false))
            }}
          >
            {t('editUser.reload')}
          </button>
        </div>
      ) : null}
      <fieldset data-slot="edit-user-identity" className="usher-edit-user-section">
        <legend>{t('editUser.sections.identity')}</legend>
        <div className="usher-edit-user-grid">
          <FormField
            id={fieldId('salutation')}
            label={t('editUser.fields.salutation')}
            error={message('salutation')}
          >
            {(aria) => (
              <select className="usher-input" {...aria} {...form.register('salutation')}>
                <option value="">{t('acceptInvitation.salutations.none')}</option>
                {(['mr', 'ms', 'mx'] as const).map((key) => (
                  <option key={key} value={key}>
                    {t(`acceptInvitation.salutations.${key}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {text('firstName', { autoComplete: 'off' })}
          {text('lastName', { autoComplete: 'off' })}
          {text('nickname', { hint: t('editUser.hints.nickname') })}
        </div>
      </fieldset>
      <fieldset data-slot="edit-user-contact" className="usher-edit-user-section">
        <legend>{t('editUser.sections.contact')}</legend>
        <div className="usher-edit-user-grid">
          {text('phone', { type: 'tel' })}
          {text('mobile', { type: 'tel' })}
          {text('jobTitle')}
          {text('department')}
          <FormField id={fieldId('locale')} label={t('editUser.fields.locale')} error={message('locale')}>
            {(aria) => (
              <select className="usher-input" {...aria} {...form.register('locale')}>
                <option value="en" lang="en">
                  English
                </option>
                <option value="fr" lang="fr">
                  Français
                </option>
              </select>
            )}
          </FormField>
          {text('externalId', { hint: t('editUser.hints.externalId') })}
        </div>
        <FormField
          id={fieldId('description')}
          label={t('editUser.fields.description')}
          error={message('description')}
        >
          {(aria) => (
            <textarea className="usher-input" rows={2} {...aria} {...form.register('description')} />
          )}
        </FormField>
      </fieldset>
      <fieldset data-slot="edit-user-access" className="usher-edit-user-section">
        <legend>{t('editUser.sections.access')}</legend>
        {self ? (
          <p data-slot="edit-user-self" className="usher-text-field-hint">
            {t('editUser.hints.self')}
          </p>
        ) : null}
        <div className="usher-edit-user-grid">
          <FormField id={fieldId('role')} label={t('editUser.fields.role')} error={message('role')}>
            {(aria) => (
              <select
                className="usher-input"
                disabled={self || !roleOptions.canChange}
                {...aria}
                {...form.register('role')}
              >
                {roleOptions.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <div className="usher-text-field">
            <span id={`${fieldId('groupIds')}-label`}>{t('editUser.fields.groups')}</span>
            <Controller
              control={form.control}
              name="groupIds"
              render={({ field }) => (
                <MultiSelect
                  ref={field.ref}
                  id={fieldId('groupIds')}
                  labelId={`${fieldId('groupIds')}-label`}
                  contentLabel={t('editUser.fields.groups')}
                  options={groupOptions}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  placeholder={t('inviteForm.groups.none')}
                  summarize={(labels) =>
                    labels.length === 1
                      ? (labels[0] as string)
                      : t('inviteForm.groups.summary', {
                          first: labels[0] as string,
                          count: labels.length - 1,
                        })
                  }
                  filterLabel={t('inviteForm.groups.filter')}
                  emptyText={t('inviteForm.groups.empty')}
                  noMatchText={t('inviteForm.groups.noMatch')}
                  invalid={Boolean(errors.groupIds)}
                  describedBy={
                    [
                      scope ? `${fieldId('groupIds')}-hint` : null,
                      errors.groupIds ? `${fieldId('groupIds')}-error` : null,
                    ]
                      .filter(Boolean)
                      .join(' ') || undefined
                  }
                  disabled={self}
                />
              )}
            />
            {scope ? (
              <p id={`${fieldId('groupIds')}-hint`} className="usher-text-field-hint">
                {t('inviteForm.groups.scopedHint')}
              </p>
            ) : null}
            {errors.groupIds ? (
              <p id={`${fieldId('groupIds')}-error`} className="usher-field-error">
                {fieldMessage(t, errors.groupIds.message ?? errors.groupIds.root?.message)}
              </p>
            ) : null}
          </div>
          {topicOptions.length > 0 ? (
            <div className="usher-text-field">
              <span id={`${fieldId('contactFor')}-label`}>{t('editUser.fields.contactFor')}</span>
              <Controller
                control={form.control}
                name="contactFor"
                render={({ field }) => (
                  <MultiSelect
                    ref={field.ref}
                    id={fieldId('contactFor')}
                    labelId={`${fieldId('contactFor')}-label`}
                    contentLabel={t('editUser.fields.contactFor')}
                    options={topicOptions}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    placeholder={t('inviteForm.topics.none')}
                    summarize={(labels) => labels.join(', ')}
                    filterLabel={t('inviteForm.topics.filter')}
                    emptyText={t('inviteForm.topics.none')}
                    noMatchText={t('inviteForm.topics.noMatch')}
                    invalid={Boolean(errors.contactFor)}
                    describedBy={errors.contactFor ? `${fieldId('contactFor')}-error` : undefined}
                  />
                )}
              />
              {errors.contactFor ? (
                <p id={`${fieldId('contactFor')}-error`} className="usher-field-error">
                  {fieldMessage(t, errors.contactFor.message ?? errors.contactFor.root?.message)}
                </p>
              ) : null}
            </div>
          ) : null}
        </div>
        <div className="usher-edit-user-checks">
          <label className="usher-edit-user-check">
            <input type="checkbox" {...form.register('primaryContact')} />
            {t('editUser.fields.primaryContact')}
          </label>
          {user.status === 'active' || user.status === 'disabled' ? (
            <label className="usher-edit-user-check">
              <input type="checkbox" disabled={self} {...form.register('enabled')} />
              {t('editUser.fields.enabled')}
            </label>
          ) : null}
          {user.status === 'active' ? (
            <label className="usher-edit-user-check">
              <input type="checkbox" {...form.register('mustChangePassword')} />
              {t('editUser.fields.mustChangePassword')}
            </label>
          ) : null}
        </div>
      </fieldset>
      <p data-slot="edit-user-status" role="status" className="usher-text-field-hint">
        {unchanged ? t('editUser.unchanged') : ''}
      </p>
    </AuthForm>
  )
}
