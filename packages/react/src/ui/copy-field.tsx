import { useId, useState } from 'react'
import { useUsherContext } from '../provider/usher-context'
import { FormField } from './form-field'

/** A read-only value with its Copy button; says "Copied." in a polite region once it is. */
export function CopyField({
  label,
  value,
  hint,
  copyLabel,
  slot,
}: {
  label: string
  value: string
  hint?: string
  copyLabel: string
  slot: string
}) {
  const { t } = useUsherContext()
  const id = useId()
  const [copied, setCopied] = useState(false)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value)
      setCopied(true)
    } catch {
      // No clipboard (an insecure page, a refusal): select the value for a copy by hand.
      const input = document.getElementById(id) as HTMLInputElement | null
      input?.focus()
      input?.select()
    }
  }
  return (
    <div data-slot={slot} className="usher-copy-field">
      <FormField id={id} label={label} hint={hint}>
        {(aria) => (
          <div className="usher-copy-field-row">
            <input
              className="usher-input"
              readOnly
              value={value}
              onFocus={(event) => event.currentTarget.select()}
              {...aria}
            />
            <button type="button" className="usher-button" onClick={() => void copy()}>
              {copyLabel}
            </button>
          </div>
        )}
      </FormField>
      <p role="status" className="usher-copy-field-copied">
        {copied ? t('common.copied') : ''}
      </p>
    </div>
  )
}
