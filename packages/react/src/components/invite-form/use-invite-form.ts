import { zodResolver } from '@hookform/resolvers/zod'
import {
  type CreateInvitationsInput,
  type CreateInvitationsResult,
  INVITATIONS_PER_REQUEST_MAX,
  normalizeEmail,
} from '@usher/contract'
import { isUsherApiError } from '@usher/sdk'
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { useFieldArray, useForm } from 'react-hook-form'
import { useInviteUsers } from '../../hooks/use-invite-users'
import { errorMessage } from '../../lib/error-message'
import { useUsherContext } from '../../provider/usher-context'
import {
  blankRow,
  type InviteFormOutput,
  type InviteFormValues,
  type InviteRowValues,
  inviteFormSchema,
  isBlankRow,
  ROW_FIELDS,
  type RowField,
} from './invite-form-schema'
import { dedupeEntries, type PastedEntry } from './parse-address-list'
import { errorsByRow, rowErrorsOf, type ServerErrors } from './server-errors'

export interface UseInviteFormOptions {
  /** The organization's shared-mailbox list, checked as the person types. */
  refusedMailboxes: readonly string[]
  /** The role new rows start with (one the viewer may give). */
  initialRole: string
  onInvited: ((result: CreateInvitationsResult) => void) | undefined
}

/**
 * The invite form's state and actions: the rows (react-hook-form's field array, validated with the
 * contract's schema), the server's errors per row, focus after additions and removals, "paste a
 * list", and the submit that keeps the refused rows with their errors.
 */
export function useInviteForm({ refusedMailboxes, initialRole, onInvited }: UseInviteFormOptions) {
  const { t } = useUsherContext()
  const formId = useId()
  const invite = useInviteUsers()
  // Each refetch of `me` brings a new array: rebuild the schema only when the list itself changes.
  const refusedKey = refusedMailboxes.join('\n')
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the list's content
  const resolver = useMemo(() => zodResolver(inviteFormSchema(refusedMailboxes)), [refusedKey])

  const form = useForm<InviteFormValues, unknown, InviteFormOutput>({
    resolver,
    // Checked when a field is left, then on every keystroke: errors do not shout while typing.
    mode: 'onTouched',
    defaultValues: { invitations: [blankRow(initialRole)], message: '' },
  })
  const { control, reset, getValues, getFieldState, setValue, trigger, formState } = form
  const { fields, append, remove } = useFieldArray({ control, name: 'invitations' })
  const [serverErrors, setServerErrors] = useState<ServerErrors>({})
  const [alert, setAlert] = useState<string | null>(null)
  const [status, setStatus] = useState('')
  const [focusTarget, setFocusTarget] = useState<string | null>(null)
  const addId = `${formId}-add`
  const statusId = `${formId}-status`
  const idBase = (rowId: string) => `${formId}-${rowId}`

  // Focus moves once the rows it targets are rendered (after an addition, removal or answer) and
  // enabled again: React 18 commits the answer's rows while the form still counts as submitting,
  // and a disabled field takes no focus.
  const { isSubmitting } = formState
  useEffect(() => {
    if (!focusTarget || isSubmitting) return
    document.getElementById(focusTarget)?.focus()
    setFocusTarget(null)
  }, [focusTarget, isSubmitting])

  // The paste notice ("1 entry is not an address: fix it in its row") goes once the rows it
  // points at are fixed: after the rows had errors, none is left.
  const pasteNotice = useRef<'shown' | 'awaiting-fix' | null>(null)
  const rowErrors = formState.errors.invitations
  const hasRowErrors = Array.isArray(rowErrors) ? rowErrors.some(Boolean) : Boolean(rowErrors)
  useEffect(() => {
    if (pasteNotice.current === null) return
    if (hasRowErrors) pasteNotice.current = 'awaiting-fix'
    else if (pasteNotice.current === 'awaiting-fix') {
      pasteNotice.current = null
      setStatus('')
    }
  }, [hasRowErrors])

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
    pasteNotice.current = 'shown'
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
    pasteNotice.current = null
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
      setAlert(errorMessage(t, error))
      // A whole-request 422 still says which rows are wrong.
      if (isUsherApiError(error)) setServerErrors(errorsByRow(error.fieldErrors, rowIds))
      return
    }

    // Rows that joined at once (existing accounts) left the form as invited ones do.
    const created = result.results
      .filter((row) => row.status === 'created' || row.status === 'joined')
      .map((row) => row.index)
    const failed = result.results.flatMap((row) => (row.status === 'failed' ? [row] : []))
    if (failed.length === 0) {
      reset({ invitations: [blankRow(initialRole)], message: '' })
      // The button was disabled while sending (focus fell to the page): land on the result.
      setFocusTarget(statusId)
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
    const joined = result.joined ?? result.results.filter((row) => row.status === 'joined').length
    const invited = t('inviteForm.summary.sent', { count: result.created - joined })
    const sent = joined
      ? t('inviteForm.summary.combined', {
          sent: invited,
          attention: t('inviteForm.summary.joined', { count: joined }),
        })
      : invited
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

  return {
    form,
    fields,
    serverErrors,
    alert,
    status,
    busy: formState.isSubmitting,
    addId,
    statusId,
    idBase,
    addRow,
    removeRow,
    addPasted,
    clearServerError,
    revalidateOtherEmails,
    onSubmit: form.handleSubmit(onValid),
  }
}
