import type { ComponentProps } from 'react'
import { useId } from 'react'
import { cn } from '../../lib/cn'
import { errorMessage } from '../../lib/error-message'
import { useUsherContext } from '../../provider/usher-context'
import { useMailProblems } from './use-mail-problems'

/** How many of the problems are spelled out; the summary counts them all. */
const LISTED = 5

/**
 * The owner's "mail problems" notice: how many messages could not be delivered, how many Usher
 * gave up on, and the most recent ones with the relay's last answer. Renders nothing while there
 * are none (or for someone who may not manage the organization).
 * @example <MailProblemsNotice />
 */
export function MailProblemsNotice({ className, ...props }: Omit<ComponentProps<'section'>, 'children'>) {
  const { t, locale } = useUsherContext()
  const titleId = useId()
  const problems = useMailProblems()
  if (problems.isError) {
    return (
      <p role="alert" className="usher-field-error">
        {t('organizationSettings.mailProblems.error', { reason: errorMessage(t, problems.error) })}
      </p>
    )
  }
  const list = problems.data
  if (!list || list.total === 0) return null
  const when = (iso: string) =>
    new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date(iso))
  return (
    <section
      data-slot="mail-problems"
      data-state={list.gaveUp > 0 ? 'gave-up' : 'retrying'}
      aria-labelledby={titleId}
      className={cn('usher-alert usher-mail-problems', className)}
      {...props}
    >
      <h3 id={titleId} className="usher-mail-problems-title">
        {t('organizationSettings.mailProblems.title')}
      </h3>
      <p>
        {t('organizationSettings.mailProblems.summary', { count: list.total })}{' '}
        {list.gaveUp > 0
          ? t('organizationSettings.mailProblems.gaveUp', { count: list.gaveUp })
          : t('organizationSettings.mailProblems.retrying')}
      </p>
      <ul className="usher-mail-problems-list">
        {list.items.slice(0, LISTED).map((item) => (
          <li key={item.id}>
            <span className="usher-mail-problems-item">
              {t('organizationSettings.mailProblems.item', { to: item.to, subject: item.subject })}
            </span>{' '}
            <span>{t('organizationSettings.mailProblems.reason', { reason: item.lastError })}</span>{' '}
            <span>{t('organizationSettings.mailProblems.attempts', { count: item.attempts })}</span>{' '}
            <span>
              {item.gaveUpAt
                ? t('organizationSettings.mailProblems.gaveUpAt', { when: when(item.gaveUpAt) })
                : item.nextAttemptAt
                  ? t('organizationSettings.mailProblems.nextAttempt', { when: when(item.nextAttemptAt) })
                  : null}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
