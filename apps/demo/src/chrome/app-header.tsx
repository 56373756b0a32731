import { type ReactNode, useId, useState } from 'react'
import { type DemoLocale, useDemoI18n } from '../i18n'
import type { ThemeChoice } from '../preferences'
import { Link } from '../router'
import { SegmentedControl } from './segmented-control'

export interface AppHeaderProps {
  locale: DemoLocale
  onLocaleChange: (locale: DemoLocale) => void
  theme: ThemeChoice
  onThemeChange: (theme: ThemeChoice) => void
  /** The organization and account switches, where someone is signed in. */
  children?: ReactNode
}

const LANGUAGES: Array<{ value: DemoLocale; label: string; lang: string }> = [
  // Each language named in itself, as language pickers do.
  { value: 'en', label: 'English', lang: 'en' },
  { value: 'fr', label: 'Français', lang: 'fr' },
]

export function AppHeader({ locale, onLocaleChange, theme, onThemeChange, children }: AppHeaderProps) {
  const { t } = useDemoI18n()
  // On a phone the switches fold behind one button, so the page starts near the top; from a
  // tablet up they always show (the button is hidden by the stylesheet there).
  const [open, setOpen] = useState(false)
  const controlsId = useId()
  return (
    <header className="relai-header" data-open={open || undefined}>
      <Link href="/settings/users" className="relai-brand">
        <svg className="relai-brand-mark" viewBox="0 0 32 32" aria-hidden="true">
          <rect width="32" height="32" rx="8" />
          <path d="M9 22V10h8a4 4 0 0 1 0 8h-8m7 0 5 4" />
        </svg>
        <span className="relai-brand-text">
          <span className="relai-brand-name">{t('product')}</span>
          <span className="relai-brand-tagline">{t('productTagline')}</span>
        </span>
      </Link>
      <button
        type="button"
        className="relai-header-toggle"
        aria-expanded={open}
        aria-controls={controlsId}
        onClick={() => setOpen(!open)}
      >
        {t('header.menu')}
      </button>
      <div id={controlsId} className="relai-header-controls">
        {children}
        <SegmentedControl
          label={t('header.language')}
          value={locale}
          onChange={onLocaleChange}
          options={LANGUAGES.map(({ value, label, lang }) => ({
            value,
            label: value.toUpperCase(),
            title: label,
            lang,
          }))}
        />
        <SegmentedControl
          label={t('header.theme')}
          value={theme}
          onChange={onThemeChange}
          options={(['light', 'dark', 'system'] as const).map((value) => ({
            value,
            label: t(`header.themes.${value}`),
          }))}
        />
      </div>
    </header>
  )
}
