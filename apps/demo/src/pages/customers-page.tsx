import type { Group, SharePermission } from '@usher/contract'
import { buildGroupTree, type GroupNode } from '@usher/contract/rules'
import { GroupSharesDialog, useGroups, useMe, usePermission, useUserShares } from '@usher/react'
import { type ReactNode, useMemo, useState } from 'react'
import { PageHeading } from '../chrome/page-heading'
import { useDemoI18n } from '../i18n'

/**
 * The product's own page: the customer groups the signed-in person can reach. Usher answers which
 * ones (GET /groups: everything in an admin's scope; for a technician only what is shared with
 * them, with its subgroups), the host draws them. Seed 000: a technician sees nothing here until an
 * administrator shares customer groups with them.
 */
export function CustomersPage() {
  const { t, locale } = useDemoI18n()
  const me = useMe()
  // Managers see the groups they govern; a technician sees shares, so their access is worth showing.
  const managesShares = usePermission('shares:manage')
  const groups = useGroups()
  // Seed 002's Groups tab: a manager shares a group with people from here.
  const [sharing, setSharing] = useState<string | null>(null)
  const shares = useUserShares(me.data && !managesShares ? me.data.user.id : undefined)
  const roots = useMemo(
    () => (groups.data ? buildGroupTree(groups.data, locale) : null),
    [groups.data, locale],
  )
  const access = useMemo(() => {
    const direct = new Map(shares.data?.items.map((share) => [share.groupId, share.permission]))
    const parentOf = new Map(groups.data?.map((group) => [group.id, group.parentId]))
    // A share covers the group's subgroups: the nearest shared ancestor gives the access.
    return (groupId: string): SharePermission | null => {
      for (let id: string | null | undefined = groupId; id; id = parentOf.get(id)) {
        const permission = direct.get(id)
        if (permission) return permission
      }
      return null
    }
  }, [shares.data, groups.data])

  const error = groups.error ?? shares.error
  let body: ReactNode
  if (error) {
    body = (
      <div className="relai-notice" data-tone="error" role="alert">
        <p>{t('customers.error')}</p>
        <button
          type="button"
          className="relai-button"
          onClick={() => {
            if (groups.isError) void groups.refetch()
            if (shares.isError) void shares.refetch()
          }}
        >
          {t('boot.retry')}
        </button>
      </div>
    )
  } else if (!roots || !me.data || (!managesShares && !shares.data)) {
    body = (
      <p className="relai-muted" role="status">
        {t('customers.loading')}
      </p>
    )
  } else if (roots.length === 0) {
    body = (
      <p className="relai-notice" role="status">
        {managesShares ? t('customers.emptyManager') : t('customers.emptyTechnician')}
      </p>
    )
  } else {
    body = (
      <GroupList
        label={t('customers.listLabel')}
        nodes={roots}
        describe={(group) => {
          if (managesShares) return t('customers.members', { count: group.memberCount })
          const permission = access(group.id)
          return permission ? t(permission === 'manage' ? 'customers.manage' : 'customers.view') : ''
        }}
        describeLabel={managesShares ? undefined : t('customers.access')}
        action={
          managesShares
            ? (group) => (
                <button
                  type="button"
                  className="relai-button"
                  data-variant="ghost"
                  aria-label={t('customers.shareFor', { group: group.name })}
                  onClick={() => setSharing(group.id)}
                >
                  {t('customers.share')}
                </button>
              )
            : undefined
        }
      />
    )
  }

  return (
    <>
      <PageHeading title={t('customers.title')}>
        {/* Who is reading decides the words: none until `me` says. */}
        {me.data ? (managesShares ? t('customers.introManager') : t('customers.introTechnician')) : null}
      </PageHeading>
      {body}
      {sharing ? (
        <GroupSharesDialog
          groupId={sharing}
          open
          onOpenChange={(open) => {
            if (!open) setSharing(null)
          }}
        />
      ) : null}
    </>
  )
}

function GroupList({
  nodes,
  label,
  describe,
  describeLabel,
  action,
}: {
  nodes: GroupNode<Group>[]
  label?: string
  describe: (group: Group) => string
  /** Read before the description by screen readers ("Access: View"). */
  describeLabel?: string | undefined
  /** A control at the end of each row (a manager's "Share…"). */
  action?: ((group: Group) => ReactNode) | undefined
}) {
  return (
    <ul className="relai-customer-list" aria-label={label}>
      {nodes.map((node) => {
        const description = describe(node.group)
        return (
          <li key={node.group.id}>
            <span className="relai-customer">
              <span className="relai-customer-name">{node.group.name}</span>
              {description ? (
                <span className="relai-muted">
                  {describeLabel ? <span className="relai-visually-hidden">{describeLabel} </span> : null}
                  {description}
                </span>
              ) : null}
              {action?.(node.group)}
            </span>
            {node.children.length ? (
              <GroupList
                nodes={node.children}
                describe={describe}
                describeLabel={describeLabel}
                action={action}
              />
            ) : null}
          </li>
        )
      })}
    </ul>
  )
}
