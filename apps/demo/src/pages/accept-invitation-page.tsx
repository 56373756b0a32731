import { useQuery } from '@tanstack/react-query'
import { RoleBadge, useUsherClient } from '@usher/react'
import { PageHeading } from '../chrome/page-heading'
import { type DemoLocale, useDemoI18n } from '../i18n'
import { useLocation } from '../router'

/**
 * Where the invitation emails lead. The AcceptInvitation component comes with a later issue; until
 * then the page shows what the link is for, so the outbox's links can be followed end to end.
 */
export function AcceptInvitationPage({ locale }: { locale: DemoLocale }) {
  const { t } = useDemoI18n()
  const client = useUsherClient()
  const token = new URLSearchParams(useLocation().search).get('token')
  const lookup = useQuery({
    queryKey: ['demo', 'invitation-lookup', token],
    queryFn: () => client.invitations.lookup(token ?? ''),
    enabled: Boolean(token),
    retry: false,
  })
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' })

  return (
    <>
      <PageHeading title={t('accept.title')} />
      {!token ? (
        <p className="relai-notice" data-tone="error" role="alert">
          {t('accept.missingToken')}
        </p>
      ) : lookup.isPending ? (
        <p role="status">{t('accept.loading')}</p>
      ) : lookup.isError ? (
        <p className="relai-notice" data-tone="error" role="alert">
          {t('accept.invalid')}
        </p>
      ) : (
        <>
          <p className="relai-notice">{t('accept.later')}</p>
          <dl className="relai-details">
            <dt>{t('accept.organization')}</dt>
            <dd>{lookup.data.organization.name}</dd>
            <dt>{t('accept.invitedBy')}</dt>
            <dd>{lookup.data.invitedBy?.name ?? '—'}</dd>
            <dt>{t('accept.name')}</dt>
            <dd>{`${lookup.data.firstName} ${lookup.data.lastName}`.trim()}</dd>
            <dt>{t('accept.email')}</dt>
            <dd>{lookup.data.email}</dd>
            <dt>{t('accept.role')}</dt>
            <dd>
              <RoleBadge roleKey={lookup.data.role} />
            </dd>
            <dt>{t('accept.status')}</dt>
            <dd>{t(`accept.statuses.${lookup.data.status}`)}</dd>
            <dt>{t('accept.expires')}</dt>
            <dd>{date.format(new Date(lookup.data.expiresAt))}</dd>
          </dl>
          <details className="relai-raw">
            <summary>client.invitations.lookup(token)</summary>
            <pre>{JSON.stringify(lookup.data, null, 2)}</pre>
          </details>
        </>
      )}
    </>
  )
}
