import { Dialog } from 'radix-ui'
import { useId, useState } from 'react'
import { cn } from '../../lib/cn'
import { useUsherContext } from '../../provider/usher-context'
import { type PastedEntry, parseAddressList } from './parse-address-list'

export interface PasteAddressesProps {
  /** Receives every entry read from the text, invalid ones included, in order. */
  onPaste: (entries: PastedEntry[]) => void
  disabled?: boolean
  className?: string
}

/**
 * "Paste a list": a dialog with a text area that takes addresses one per line, or separated by
 * commas or semicolons, or as `Name <address>`, and hands the parsed entries to the form.
 */
export function PasteAddresses({ onPaste, disabled, className }: PasteAddressesProps) {
  const { t, portalContainer } = useUsherContext()
  const [open, setOpen] = useState(false)
  const [text, setText] = useState('')
  const [empty, setEmpty] = useState(false)
  const textId = useId()
  const hintId = useId()
  const errorId = useId()

  const add = () => {
    const entries = parseAddressList(text)
    if (entries.length === 0) {
      setEmpty(true)
      return
    }
    onPaste(entries)
    setText('')
    setEmpty(false)
    setOpen(false)
  }

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next)
        if (!next) setEmpty(false)
      }}
    >
      <Dialog.Trigger
        type="button"
        disabled={disabled}
        data-slot="paste-addresses-trigger"
        className={cn('usher-button', className)}
      >
        {t('inviteForm.paste.open')}
      </Dialog.Trigger>
      <Dialog.Portal container={portalContainer}>
        <Dialog.Overlay data-slot="paste-addresses-overlay" className="usher-paste-overlay" />
        <Dialog.Content data-slot="paste-addresses" className="usher-paste-dialog" aria-describedby={hintId}>
          <Dialog.Title data-slot="paste-addresses-title" className="usher-paste-title">
            {t('inviteForm.paste.title')}
          </Dialog.Title>
          <Dialog.Description id={hintId} data-slot="paste-addresses-hint">
            {t('inviteForm.paste.description')}
          </Dialog.Description>
          {/* No <form>: React would bubble its submit through the portal into the invite form. */}
          <div data-slot="paste-addresses-field" className="usher-paste-addresses-field">
            <label htmlFor={textId}>{t('inviteForm.paste.label')}</label>
            <textarea
              id={textId}
              className="usher-input"
              rows={10}
              value={text}
              spellCheck={false}
              aria-invalid={empty || undefined}
              aria-describedby={empty ? errorId : undefined}
              placeholder={t('inviteForm.paste.placeholder')}
              onChange={(event) => {
                setText(event.target.value)
                setEmpty(false)
              }}
            />
            {empty ? (
              <p id={errorId} role="alert" className="usher-field-error">
                {t('inviteForm.paste.nothing')}
              </p>
            ) : null}
          </div>
          <div data-slot="paste-addresses-actions" className="usher-paste-actions">
            <Dialog.Close type="button" className="usher-button">
              {t('common.cancel')}
            </Dialog.Close>
            <button type="button" className="usher-button" data-variant="primary" onClick={add}>
              {t('inviteForm.paste.submit')}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
