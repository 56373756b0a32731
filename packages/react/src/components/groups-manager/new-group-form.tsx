import type { Group } from '@usher/contract'
import { type FormEvent, useId, useState } from 'react'
import { useCreateGroup } from '../../hooks/use-group-mutations'
import { errorMessage } from '../../lib/error-message'
import { indentedGroupOptions } from '../../lib/group-options'
import { useUsherContext } from '../../provider/usher-context'
import type { OnGroupDone } from './groups-manager-types'

/** A new group's name and where it goes (at the top, or under a group). */
export function NewGroup({ groups, onDone }: { groups: readonly Group[]; onDone: OnGroupDone }) {
  const { t, locale } = useUsherContext()
  const id = useId()
  const create = useCreateGroup()
  const [name, setName] = useState('')
  const [parentId, setParentId] = useState('')
  const [error, setError] = useState<string | null>(null)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const trimmed = name.trim()
    if (!trimmed) return setError(t('errors.fields.required'))
    setError(null)
    create.mutate(
      { name: trimmed, parentId: parentId || null },
      {
        onSuccess: (group) => {
          setName('')
          onDone('ok', t('groupsManager.created', { name: group.name }))
        },
        onError: (failure) => onDone('error', errorMessage(t, failure)),
      },
    )
  }
  return (
    <form className="usher-groups-manager-new" aria-labelledby={`${id}-title`} noValidate onSubmit={submit}>
      <h3 id={`${id}-title`} className="usher-groups-manager-subtitle">
        {t('groupsManager.new')}
      </h3>
      <div className="usher-groups-manager-row">
        <div className="usher-text-field">
          <label htmlFor={`${id}-name`}>{t('groupsManager.name')}</label>
          <input
            id={`${id}-name`}
            className="usher-input"
            value={name}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(event) => setName(event.target.value)}
          />
          {error ? (
            <p id={`${id}-error`} className="usher-field-error">
              {error}
            </p>
          ) : null}
        </div>
        <div className="usher-text-field">
          <label htmlFor={`${id}-parent`}>{t('groupsManager.parent')}</label>
          <select
            id={`${id}-parent`}
            className="usher-input"
            value={parentId}
            onChange={(event) => setParentId(event.target.value)}
          >
            <option value="">{t('groupsManager.topLevel')}</option>
            {indentedGroupOptions(groups, { locale }).map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="usher-button" data-variant="primary" disabled={create.isPending}>
          {create.isPending ? t('groupsManager.adding') : t('groupsManager.add')}
        </button>
      </div>
    </form>
  )
}
