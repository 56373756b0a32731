import { zodResolver } from '@hookform/resolvers/zod'
import { type Group, UpdateUserSchema, type User } from '@usher/contract'
import { AGENT_STATUSES, agentRoles, coveredGroupIds, mayBeAssignedAgent } from '@usher/contract/rules'
import { isUsherApiError } from '@usher/sdk'
import { useMemo, useState } from 'react'
import { useForm } from 'react-hook-form'
import type * as z from 'zod'
import { useRoleCatalog } from '../../hooks/use-role-catalog'
import { useRoleName } from '../../hooks/use-role-name'
import { useUpdateUser } from '../../hooks/use-update-user'
import type { Viewer } from '../../hooks/use-viewer'
import { errorMessage } from '../../lib/error-message'
import { fieldMessage, withFieldCodes } from '../../lib/form-codes'
import { useUsherContext } from '../../provider/usher-context'
import {
  CHECKBOX_LABELS,
  type EditUserField,
  type EditUserFormValues,
  requestOf,
  SHOWN_ERRORS,
  valuesOf,
} from './edit-user-values'
import { changesOf } from './user-diff'

type Parsed = z.output<typeof UpdateUserSchema>

export interface UseEditUserFormOptions {
  viewer: Viewer
  /** The person as read when the form opened. */
  user: User
  groups: readonly Group[]
  onSaved: (user: User) => void
}

/**
 * The edit form's state: the viewer's scope and the choices it allows (roles, groups, topics),
 * the form validated with the contract's `UpdateUserSchema`, and the save that sends only what
 * changed, with `If-Match` on the version the form was filled from.
 */
export function useEditUserForm({ viewer, user: fresh, groups, onSaved }: UseEditUserFormOptions) {
  const { t } = useUsherContext()
  const roleName = useRoleName()
  const catalog = useRoleCatalog()
  const update = useUpdateUser()
  // The version the form was filled from: the differences and If-Match are against it, even when
  // the cache learns a newer one meanwhile (a refetch, or the answer to a stale save).
  const [user] = useState(fresh)
  const self = viewer.id === user.id
  const { me } = viewer
  // A group-scoped viewer (admin) places people in their own groups and subgroups only.
  const scope = useMemo<ReadonlySet<string> | null>(
    () => (viewer.scope === 'groups' ? coveredGroupIds(groups, me.user.groupIds) : null),
    [viewer.scope, groups, me.user.groupIds],
  )
  const [formError, setFormError] = useState<string | null>(null)
  const [stale, setStale] = useState(false)
  const [unchanged, setUnchanged] = useState(false)

  const roleOptions = useMemo(() => {
    const assignable = viewer.assignableRoles
    // The person's role stays shown even when the viewer may not give it.
    const shown = assignable.includes(user.role) ? assignable : [user.role, ...assignable]
    return {
      options: shown.map((key) => ({ value: key, label: roleName(key) })),
      canChange: assignable.includes(user.role),
    }
  }, [viewer.assignableRoles, user.role, roleName])
  // Who may be this person's agent: the contract's rule, narrowed on the server by role and status.
  const agents = useMemo(
    () => ({
      query: { role: agentRoles(catalog), status: [...AGENT_STATUSES] },
      accept: (candidate: User) => mayBeAssignedAgent(catalog, candidate, user.id),
      // The list of people to pick from is theirs to read only with users:read.
      canPick: viewer.can('users:read'),
    }),
    [catalog, user.id, viewer],
  )
  const scopedGroups = useMemo(() => groups.filter((group) => !scope || scope.has(group.id)), [groups, scope])
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
    // Validated whole (every field is checked as typed), sent as the difference.
    withFieldCodes<EditUserFormValues, Parsed>(UpdateUserSchema, (values) => requestOf(values, self)),
  )
  const form = useForm<EditUserFormValues, unknown, Parsed>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: valuesOf(user, scope),
  })

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
            form.setError(field as EditUserField, { message: fieldError.code }, { shouldFocus: !focused })
            focused = true
          } else {
            const label =
              field in CHECKBOX_LABELS
                ? t(`editUser.fields.${CHECKBOX_LABELS[field as keyof typeof CHECKBOX_LABELS]}`)
                : field
            elsewhere.push(`${label}: ${fieldMessage(t, fieldError.code)}`)
          }
        }
        if (elsewhere.length) setFormError(elsewhere.join(' '))
        if (focused || elsewhere.length) return
      }
      setFormError(errorMessage(t, error))
    }
  })

  return {
    form,
    user,
    self,
    scope,
    roleOptions,
    scopedGroups,
    topicOptions,
    agents,
    formError,
    stale,
    unchanged,
    onSubmit,
  }
}

export type EditUserFormState = ReturnType<typeof useEditUserForm>
