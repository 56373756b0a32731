import { GroupsManager } from '@usher/react'
import { PageHeading } from '../chrome/page-heading'
import { useDemoI18n } from '../i18n'

/** Settings → Groups: the customer groups as a tree (seeds 002 and 003), from Usher's GroupsManager. */
export function GroupsPage() {
  const { t } = useDemoI18n()
  return (
    <>
      <PageHeading title={t('groups.title')}>{t('groups.intro')}</PageHeading>
      <GroupsManager className="relai-groups-manager" />
    </>
  )
}
