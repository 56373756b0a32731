import { PageHeading } from '../chrome/page-heading'
import { useDemoI18n } from '../i18n'

/** The host's terms and privacy pages, linked from AcceptInvitation's checkboxes. */
export function LegalPage({ page }: { page: 'terms' | 'privacy' }) {
  const { t } = useDemoI18n()
  return <PageHeading title={t(`legal.${page}Title`)}>{t(`legal.${page}Body`)}</PageHeading>
}
