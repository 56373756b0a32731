import { PageHeading } from '../chrome/page-heading'
import { useDemoI18n } from '../i18n'
import { useLocation } from '../router'

/** Where the password reset emails lead; the page itself comes with a later issue. */
export function ResetPasswordPage() {
  const { t } = useDemoI18n()
  const token = new URLSearchParams(useLocation().search).get('token')
  return (
    <>
      <PageHeading title={t('reset.title')} />
      <p className="relai-notice" role={token ? undefined : 'alert'} data-tone={token ? undefined : 'error'}>
        {token ? t('reset.later', { token: `${token.slice(0, 8)}…` }) : t('reset.missingToken')}
      </p>
    </>
  )
}
