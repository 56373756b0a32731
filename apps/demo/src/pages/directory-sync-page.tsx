import { DirectorySync } from '@usher/react'
import { PageHeading } from '../chrome/page-heading'
import { useDemoI18n } from '../i18n'

/**
 * Settings → Directory sync: Usher's DirectorySync for the owner (seed 004's "synced from Azure
 * AD", today SCIM 2.0 from Microsoft Entra ID). The endpoint shown is this page's origin followed
 * by the API's mount, which is where a directory reaches the demo's server.
 */
export function DirectorySyncPage() {
  const { t } = useDemoI18n()
  return (
    <>
      <PageHeading title={t('nav.directorySync')} />
      <DirectorySync className="relai-directory-sync" apiUrl={`${window.location.origin}/api/usher`} />
    </>
  )
}
