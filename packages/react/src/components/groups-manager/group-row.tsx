import type { Group } from '@usher/contract'
import { descendantIds } from '@usher/contract/rules'
import { type ComponentType, type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react'
import { useDeleteGroup, useUpdateGroup } from '../../hooks/use-group-mutations'
import { errorMessage } from '../../lib/error-message'
import { indentedGroupOptions } from '../../lib/group-options'
import { useUsherContext } from '../../provider/usher-context'
import type { GroupsManagerShareDialogProps, OnGroupDone } from './groups-manager-types'

/** One group: its name and counts, and share, rename, move and delete for those who may. */
export function GroupRow({
  group,
  all,
  canManage,
  shareDialog: ShareDialog,
  onDone,
}: {
  group: Group
  all: readonly Group[]
  canManage: boolean
  shareDialog: ComponentType<GroupsManagerShareDialogProps> | undefined
  onDone: OnGroupDone
}) {
  const { t, locale } = useUsherContext()
  const id = useId()
  const update = useUpdateGroup()
  const remove = useDeleteGroup()
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view')
  const [name, setName] = useState(group.name)
  // Where the group goes: chosen in the select, sent only by "Move" (never on the select's change,
  // which arrow keys fire at every step).
  const current = group.parentId ?? ''
  const [target, setTarget] = useState(current)
  const moveSelect = useRef<HTMLSelectElement>(null)
  const renameButton = useRef<HTMLButtonElement>(null)
  // Back from renaming (saved or cancelled): focus returns to "Rename", which is back in view.
  const [returnToRename, setReturnToRename] = useState(false)
  useEffect(() => {
    if (!returnToRename || mode !== 'view') return
    renameButton.current?.focus()
    setReturnToRename(false)
  }, [returnToRename, mode])
  const leaveRename = () => {
    setMode('view')
    setReturnToRename(true)
  }
  const busy = update.isPending || remove.isPending
  // Not under itself or anything under it.
  const moveOptions = useMemo(
    () => indentedGroupOptions(all, { locale, exclude: descendantIds(all, group.id) }),
    [all, locale, group.id],
  )
  const fail = (failure: Error) => onDone('error', `${group.name}: ${errorMessage(t, failure)}`)

  const rename = (event: FormEvent) => {
    event.preventDefault()
    const trimmed = name.trim()
    if (!trimmed || trimmed === group.name) return leaveRename()
    update.mutate(
      { id: group.id, version: group.version, patch: { name: trimmed } },
      {
        onSuccess: (saved) => {
          leaveRename()
          onDone('ok', t('groupsManager.renamed', { name: saved.name }))
        },
        onError: fail,
      },
    )
  }

  return (
    <div className="usher-groups-manager-group" data-slot="groups-manager-group">
      {mode === 'rename' ? (
        <form className="usher-groups-manager-row" noValidate onSubmit={rename}>
          <label htmlFor={`${id}-rename`} className="usher-visually-hidden">
            {t('groupsManager.newName', { name: group.name })}
          </label>
          <input
            id={`${id}-rename`}
            className="usher-input"
            value={name}
            // biome-ignore lint/a11y/noAutofocus: the field the person just asked for
            autoFocus
            onChange={(event) => setName(event.target.value)}
          />
          <button type="submit" className="usher-button" data-variant="primary" disabled={busy}>
            {t('common.save')}
          </button>
          <button type="button" className="usher-button" onClick={leaveRename}>
            {t('common.cancel')}
          </button>
        </form>
      ) : (
        <span className="usher-groups-manager-name">
          {group.name}
          <span className="usher-groups-manager-counts">
            {`${t('groupsManager.members', { count: group.memberCount })} · ${t('groupsManager.shares', { count: group.shareCount })}`}
          </span>
        </span>
      )}
      {mode === 'delete' ? (
        <fieldset className="usher-groups-manager-row usher-groups-manager-confirm">
          <legend>{t('groupsManager.confirmDelete', { name: group.name })}</legend>
          <button
            type="button"
            className="usher-button"
            data-variant="danger"
            disabled={busy}
            onClick={() =>
              remove.mutate(group.id, {
                onSuccess: () =>
                  onDone('ok', t('groupsManager.deleted', { name: group.name }), { focus: true }),
                onError: (failure) => {
                  setMode('view')
                  onDone('error', `${group.name}: ${errorMessage(t, failure)}`, { focus: true })
                },
              })
            }
          >
            {t('groupsManager.delete')}
          </button>
          <button type="button" className="usher-button" onClick={() => setMode('view')}>
            {t('common.cancel')}
          </button>
        </fieldset>
      ) : mode === 'view' ? (
        <span className="usher-groups-manager-actions">
          {ShareDialog ? (
            <ShareDialog
              groupId={group.id}
              trigger={
                <button
                  type="button"
                  className="usher-button"
                  aria-label={t('groupsManager.shareFor', { name: group.name })}
                >
                  {t('groupsManager.share')}
                </button>
              }
            />
          ) : null}
          {canManage ? (
            <>
              <button
                ref={renameButton}
                type="button"
                className="usher-button"
                aria-label={t('groupsManager.renameFor', { name: group.name })}
                onClick={() => {
                  setName(group.name)
                  setMode('rename')
                }}
              >
                {t('groupsManager.rename')}
              </button>
              <select
                ref={moveSelect}
                className="usher-input"
                aria-label={t('groupsManager.moveFor', { name: group.name })}
                value={target}
                disabled={busy}
                onChange={(event) => setTarget(event.target.value)}
              >
                <option value="">{t('groupsManager.topLevel')}</option>
                {moveOptions.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
              {target !== current ? (
                <>
                  <button
                    type="button"
                    className="usher-button"
                    data-variant="primary"
                    disabled={busy}
                    aria-label={t('groupsManager.confirmMove', {
                      name: group.name,
                      parent:
                        target === ''
                          ? t('groupsManager.topLevel')
                          : (all.find((g) => g.id === target)?.name ?? ''),
                    })}
                    onClick={() =>
                      update.mutate(
                        { id: group.id, version: group.version, patch: { parentId: target || null } },
                        {
                          // The row moves in the tree (a new element): focus goes to the notice.
                          onSuccess: () =>
                            onDone('ok', t('groupsManager.moved', { name: group.name }), { focus: true }),
                          onError: (failure) => {
                            setTarget(current)
                            moveSelect.current?.focus()
                            fail(failure)
                          },
                        },
                      )
                    }
                  >
                    {t('groupsManager.move')}
                  </button>
                  <button
                    type="button"
                    className="usher-button"
                    onClick={() => {
                      setTarget(current)
                      moveSelect.current?.focus()
                    }}
                  >
                    {t('common.cancel')}
                  </button>
                </>
              ) : null}
              <button
                type="button"
                className="usher-button"
                aria-label={t('groupsManager.deleteFor', { name: group.name })}
                onClick={() => setMode('delete')}
              >
                {t('groupsManager.delete')}
              </button>
            </>
          ) : null}
        </span>
      ) : null}
    </div>
  )
}
