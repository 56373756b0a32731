import type { ReactNode } from 'react'
import { useDemoI18n } from '../i18n'
import { Link } from '../router'

/** The pages an email link opens: the header, one card, a way back. */
export function PublicLayout({ header, children }: { header: ReactNode; children: ReactNode }) {
  const { t } = useDemoI18n()
  return (
    <div className="relai-app">
      {header}
      <main id="relai-main" className="relai-public">
        <div className="relai-card">{children}</div>
        <Link href="/settings/users" className="relai-back-link">
          {t('backToSettings')}
        </Link>
      </main>
    </div>
  )
}
