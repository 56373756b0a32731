import { AuditLog } from '@usher/react'
import { PageHeading } from '../chrome/page-heading'
import { useDemoI18n } from '../i18n'

/**
 * Settings → Activity: Usher's AuditLog — who did what to whom, as sentences, for those who may
 * read the audit log (the owner everywhere, an admin within their groups).
 */
export function ActivityPage() {
  const { t } = useDemoI18n()
  return (
    <>
      <PageHeading title={t('nav.activity')} />
      <AuditLog className="relai-activity" title={t('activity.heading')} />
    </>
  )
}
