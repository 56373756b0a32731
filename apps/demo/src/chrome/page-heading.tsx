import { type ReactNode, useEffect, useRef } from 'react'
import { useDemoI18n } from '../i18n'
import { takeNavigationFocus } from '../router'

/** The page's title: in the tab's title too, and focused after an in-app navigation. */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const { t } = useDemoI18n()
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    document.title = `${title} · ${t('product')}`
  }, [title, t])
  useEffect(() => {
    if (takeNavigationFocus()) ref.current?.focus()
  }, [])
  return (
    <div className="relai-page-heading">
      <h1 ref={ref} tabIndex={-1}>
        {title}
      </h1>
      {children ? <p className="relai-page-intro">{children}</p> : null}
    </div>
  )
}
