import { usePermission } from '@usher/react'
import { useDemoI18n } from '../i18n'
import { Link } from '../router'

type NavItem = { href: string; label: string; icon: keyof typeof PATHS }

/**
 * The product's menu: its own work pages, then the settings section. Each link shows only to
 * those who may use its page (a technician sees no Users, Invite or Groups), as the API would
 * refuse them.
 */
export function SettingsNav({ pathname }: { pathname: string }) {
  const { t } = useDemoI18n()
  const canReadUsers = usePermission('users:read')
  const canInvite = usePermission('users:invite')
  const canManageGroups = usePermission('groups:manage')
  const canReadAudit = usePermission('audit:read')
  const canSeeOrganization = usePermission('users:read')
  const canManageOrganization = usePermission('organization:manage')
  // Reviewers are those who change accounts or shares; the owner starts the review.
  const canUpdateUsers = usePermission('users:update')
  const canManageShares = usePermission('shares:manage')
  const canReviewAccess = canUpdateUsers || canManageShares
  const work: NavItem[] = [{ href: '/customers', label: t('nav.customers'), icon: 'customers' }]
  const settings: NavItem[] = [
    ...(canReadUsers ? [{ href: '/settings/users', label: t('nav.users'), icon: 'users' as const }] : []),
    ...(canInvite ? [{ href: '/settings/invite', label: t('nav.invite'), icon: 'invite' as const }] : []),
    ...(canManageGroups
      ? [{ href: '/settings/groups', label: t('nav.groups'), icon: 'customers' as const }]
      : []),
    ...(canManageOrganization
      ? [{ href: '/settings/directory-sync', label: t('nav.directorySync'), icon: 'users' as const }]
      : []),
    ...(canSeeOrganization
      ? [{ href: '/settings/organization', label: t('nav.organization'), icon: 'customers' as const }]
      : []),
    ...(canReadAudit
      ? [{ href: '/settings/activity', label: t('nav.activity'), icon: 'invite' as const }]
      : []),
    ...(canReviewAccess
      ? [{ href: '/settings/access-review', label: t('nav.accessReview'), icon: 'users' as const }]
      : []),
    { href: '/settings/outbox', label: t('nav.outbox'), icon: 'outbox' },
  ]
  return (
    <nav className="relai-nav" aria-label={t('nav.label')}>
      <NavSection id="relai-nav-work" heading={t('nav.work')} items={work} pathname={pathname} />
      <NavSection id="relai-nav-settings" heading={t('nav.settings')} items={settings} pathname={pathname} />
    </nav>
  )
}

function NavSection({
  id,
  heading,
  items,
  pathname,
}: {
  id: string
  heading: string
  items: NavItem[]
  pathname: string
}) {
  return (
    <>
      <h2 id={id} className="relai-nav-heading">
        {heading}
      </h2>
      <ul aria-labelledby={id}>
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              className="relai-nav-link"
              aria-current={pathname === item.href ? 'page' : undefined}
            >
              <NavIcon name={item.icon} />
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </>
  )
}

const PATHS = {
  customers: 'M3 21h18M5 21V7l7-4 7 4v14M9 21v-6h6v6M9 10h.01M15 10h.01',
  users:
    'M16 19v-1a4 4 0 0 0-4-4H7a4 4 0 0 0-4 4v1M9.5 10a3 3 0 1 0 0-6 3 3 0 0 0 0 6M21 19v-1a4 4 0 0 0-3-3.9M15 4.1a3 3 0 0 1 0 5.8',
  invite: 'M15 19v-1a4 4 0 0 0-4-4H7a4 4 0 0 0-4 4v1M9 10a3 3 0 1 0 0-6 3 3 0 0 0 0 6M19 8v6M22 11h-6',
  outbox: 'M4 6h16v12H4zM4 7l8 6 8-6',
}

function NavIcon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg className="relai-nav-icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d={PATHS[name]} />
    </svg>
  )
}
