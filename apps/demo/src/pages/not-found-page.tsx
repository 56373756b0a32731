import { PageHeading } from '../chrome/page-heading'
import { useDemoI18n } from '../i18n'
import { Link } from '../router'

export function NotFoundPage() {
  const { t } = useDemoI18n()
  return (
    <>
      <PageHeading title={t('notFound.title')}>{t('notFound.body')}</PageHeading>
      <Link href="/settings/users" className="relai-back-link">
        {t('backToSettings')}
      </Link>
    </>
  )
}
