import type { Group } from '@usher/contract'
import { buildGroupTree, descendantIds, type GroupNode } from '@usher/contract/rules'
import {
  type ComponentProps,
  type ComponentType,
  type FormEvent,
  type ReactNode,
  useId,
  useMemo,
  useState,
} from 'react'
import { useCreateGroup, useDeleteGroup, useUpdateGroup } from '../../hooks/use-group-mutations'
import { useGroups } from '../../hooks/use-groups'
import { usePermission } from '../../hooks/use-me'
import { cn } from '../../lib/cn'
import { errorMessage } from '../../lib/error-message'
import { indentedGroupOptions } from '../../lib/group-options'
import { useUsherContext } from '../../provider/usher-context'

/** What the manager hands the dialog its "Share" opens (Usher's `GroupSharesDialog` fits). */
export interface GroupsManagerShareDialogProps {
  /** The group to share. */
  groupId: string
  /** The group's "Share" button: the dialog's trigger. */
  trigger: ReactNode
}

export interface GroupsManagerProps extends Omit<ComponentProps<'section'>, 'children'> {
  /**
   * The dialog a group's "Share" opens, for viewers holding `shares:manage`; without one, no
   * "Share" button shows.
   * @default GroupSharesDialog
   */
  shareDialog?: ComponentType<GroupsManagerShareDialogProps>
}

type Notice = { tone: 'ok' | 'error'; text: string }

/**
 * The organization's groups as a tree: add a group (at the top or under another), rename, move
 * under another group, delete an empty one, and share one with people (`shareDialog`). Viewers
 * without `groups:manage` see the tree without controls.
 * @example <GroupsManager />
 */
export function GroupsManager({ shareDialog, className, ...props }: GroupsManagerProps) {
  const { t, locale } = useUsherContext()
  const titleId = useId()
  const groups = useGroups()
  const canManage = usePermission('groups:manage')
  const canShare = usePermission('shares:manage')
  const shareWith = canShare ? shareDialog : undefined
  const [notice, setNotice] = useState<Notice | null>(null)
  const roots = useMemo(
    () => (groups.data ? buildGroupTree(groups.data, locale) : null),
    [groups.data, locale],
  )
  const say = (tone: Notice['tone'], text: string) => setNotice({ tone, text })

  return (
    <section
      data-slot="groups-manager"
      aria-labelledby={titleId}
      className={cn('usher-groups-manager', className)}
      {...props}
    >
      <h2 id={titleId} className="usher-groups-manager-title">
        {t('groupsManager.title')}
      </h2>
      {groups.isError ? (
        <div role="alert" className="usher-alert">
          <p>
            {t('groupsManager.loadError')} {errorMessage(t, groups.error)}
          </p>
          <button type="button" className="usher-button" onClick={() => void groups.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      ) : !roots || !groups.data ? (
        <p role="status">{t('common.loading')}</p>
      ) : (
        <>
          {canManage ? <NewGroup groups={groups.data} onDone={say} /> : null}
          <p role={notice?.tone === 'error' ? 'alert' : 'status'} className="usher-groups-manager-notice">
            {notice?.text ?? ''}
          </p>
          {roots.length === 0 ? (
            <p data-slot="groups-manager-empty">
              {canManage ? t('groupsManager.empty') : t('groupsManager.emptyReadOnly')}
            </p>
          ) : (
            <Tree
              nodes={roots}
              all={groups.data}
              label={t('groupsManager.title')}
              canManage={canManage}
              shareDialog={shareWith}
              onDone={say}
            />
          )}
        </>
      )}
    </section>
  )
}

function NewGroup({
  groups,
  onDone,
}: {
  groups: readonly Group[]
  onDone: (tone: Notice['tone'], text: string) => void
}) {
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

function Tree({
  nodes,
  all,
  label,
  canManage,
  shareDialog,
  onDone,
}: {
  nodes: GroupNode<Group>[]
  all: readonly Group[]
  label?: string
  canManage: boolean
  shareDialog: ComponentType<GroupsManagerShareDialogProps> | undefined
  onDone: (tone: Notice['tone'], text: string) => void
}) {
  return (
    <ul className="usher-groups-manager-tree" aria-label={label}>
      {nodes.map((node) => (
        <li key={node.group.id}>
          <GroupRow
            group={node.group}
            all={all}
            canManage={canManage}
            shareDialog={shareDialog}
            onDone={onDone}
          />
          {node.children.length ? (
            <Tree
              nodes={node.children}
              all={all}
              canManage={canManage}
              shareDialog={shareDialog}
              onDone={onDone}
            />
          ) : null}
        </li>
      ))}
    </ul>
  )
}

function GroupRow({
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
  onDone: (tone: Notice['tone'], text: string) => void
}) {
  const { t, locale } = useUsherContext()
  const id = useId()
  const update = useUpdateGroup()
  const remove = useDeleteGroup()
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view')
  const [name, setName] = useState(group.name)
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
    if (!trimmed || trimmed === group.name) return setMode('view')
    update.mutate(
      { id: group.id, version: group.version, patch: { name: trimmed } },
      {
        onSuccess: (saved) => {
          setMode('view')
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
          <button type="button" className="usher-button" onClick={() => setMode('view')}>
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
                onSuccess: () => onDone('ok', t('groupsManager.deleted', { name: group.name })),
                onError: (failure) => {
                  setMode('view')
                  fail(failure)
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
                className="usher-input"
                aria-label={t('groupsManager.moveFor', { name: group.name })}
                value={group.parentId ?? ''}
                disabled={busy}
                onChange={(event) =>
                  update.mutate(
                    { id: group.id, version: group.version, patch: { parentId: event.target.value || null } },
                    {
                      onSuccess: () => onDone('ok', t('groupsManager.moved', { name: group.name })),
                      onError: fail,
                    },
                  )
                }
              >
                <option value="">{t('groupsManager.topLevel')}</option>
                {moveOptions.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
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
