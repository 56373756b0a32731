import { OrganizationSettings } from '@usher/react'
import { PageHeading } from '../chrome/page-heading'
import { useDemoI18n } from '../i18n'

/**
 * Settings → Organization: Usher's OrganizationSettings — the owner changes them, an admin reads
 * them.
 */
export function OrganizationPage() {
  const { t } = useDemoI18n()
  return (
    <>
      <PageHeading title={t('nav.organization')} />
      <OrganizationSettings className="relai-organization" title={t('organization.heading')} />
    </>
  )
}
