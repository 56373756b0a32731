import { useQuery } from '@tanstack/react-query'
import { Fragment, useState } from 'react'
import type { DemoOrganizationSummary, OutboxMessage } from '../../server/api-types'
import { PageHeading } from '../chrome/page-heading'
import { demoApi } from '../demo-api'
import { useDemoI18n } from '../i18n'
import { Link } from '../router'

/**
 * An email's link as a path of this app when it leads here (the port may have changed since the
 * email was written), so following it stays in the demo.
 */
function appPath(link: string): string | null {
  try {
    const url = new URL(link)
    return ['/accept-invitation', '/reset-password'].includes(url.pathname) ? url.pathname + url.search : null
  } catch {
    return null
  }
}

/** Settings → Outbox: the demo's stand-in for a mailbox; Usher writes every email to its outbox table. */
export function OutboxPage({ organization }: { organization: DemoOrganizationSummary }) {
  const { t, locale } = useDemoI18n()
  const outbox = useQuery({
    queryKey: ['demo', 'outbox', organization.id],
    queryFn: () => demoApi.outbox(organization.id),
    // Invitations sent a moment ago on the Invite page must show up on arrival.
    staleTime: 0,
  })
  const [open, setOpen] = useState<string | null>(null)
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })

  return (
    <>
      <PageHeading title={t('outbox.title')}>{t('outbox.intro', { org: organization.name })}</PageHeading>
      <div className="relai-toolbar">
        <p className="relai-muted" role="status">
          {outbox.isPending
            ? t('outbox.loading')
            : outbox.data
              ? t('outbox.count', { count: outbox.data.messages.length })
              : ''}
        </p>
        <button
          type="button"
          className="relai-button"
          onClick={() => outbox.refetch()}
          disabled={outbox.isFetching}
        >
          {t('outbox.refresh')}
        </button>
      </div>
      {outbox.isError ? (
        <p className="relai-notice" data-tone="error" role="alert">
          {t('outbox.error')}
        </p>
      ) : outbox.data && outbox.data.messages.length === 0 ? (
        <p className="relai-notice">{t('outbox.empty')}</p>
      ) : outbox.data ? (
        <div className="relai-table-wrap">
          <table className="relai-table">
            <thead>
              <tr>
                <th scope="col">{t('outbox.date')}</th>
                <th scope="col">{t('outbox.to')}</th>
                <th scope="col">{t('outbox.subject')}</th>
                <th scope="col">{t('outbox.link')}</th>
                <th scope="col">
                  <span className="relai-visually-hidden">{t('outbox.showEmail')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {outbox.data.messages.map((message) => (
                <Fragment key={message.id}>
                  <tr>
                    <td className="relai-nowrap">{dateFormat.format(new Date(message.createdAt))}</td>
                    <td>{message.to}</td>
                    <td>{message.subject}</td>
                    <td>
                      <MessageLink message={message} />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="relai-button"
                        data-variant="ghost"
                        aria-expanded={open === message.id}
                        aria-controls={`relai-email-${message.id}`}
                        aria-label={t(open === message.id ? 'outbox.hideEmailFor' : 'outbox.showEmailFor', {
                          to: message.to,
                        })}
                        onClick={() => setOpen(open === message.id ? null : message.id)}
                      >
                        {open === message.id ? t('outbox.hideEmail') : t('outbox.showEmail')}
                      </button>
                    </td>
                  </tr>
                  {open === message.id ? (
                    <tr id={`relai-email-${message.id}`} className="relai-email-row">
                      <td colSpan={5}>
                        {/* The email as its recipient would see it; sandboxed: no script, no navigation. */}
                        <iframe
                          className="relai-email-preview"
                          title={t('outbox.preview', { to: message.to })}
                          sandbox=""
                          srcDoc={message.html}
                        />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  )
}

function MessageLink({ message }: { message: OutboxMessage }) {
  const { t } = useDemoI18n()
  if (!message.link) return <span className="relai-muted">{t('outbox.noLink')}</span>
  const path = appPath(message.link)
  const label = t('outbox.openLinkFor', { to: message.to })
  return path ? (
    <Link href={path} aria-label={label}>
      {t('outbox.openLink')}
    </Link>
  ) : (
    <a href={message.link} target="_blank" rel="noreferrer" aria-label={label}>
      {t('outbox.openLink')}
    </a>
  )
}
