import type { UseFormRegisterReturn } from 'react-hook-form'
import { useUsherContext } from '../../provider/usher-context'

/** A box to tick (consent, terms), with the host's page linked beside it and its error wired by id. */
export function ConsentCheckbox({
  id,
  label,
  error,
  link,
  registration,
}: {
  id: string
  label: string
  error?: string | undefined
  link: { href: string; text: string } | undefined
  registration: UseFormRegisterReturn
}) {
  const { t } = useUsherContext()
  return (
    <div data-slot="accept-invitation-checkbox" className="usher-accept-invitation-checkbox">
      <input
        id={id}
        type="checkbox"
        aria-required="true"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...registration}
      />
      <label htmlFor={id}>{label}</label>
      {link ? (
        <a href={link.href} target="_blank" rel="noreferrer" className="usher-accept-invitation-link">
          {link.text}
          <span className="usher-visually-hidden"> {t('acceptInvitation.newWindow')}</span>
        </a>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="usher-field-error">
          {error}
        </p>
      ) : null}
    </div>
  )
}
