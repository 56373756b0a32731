import { CreateDirectoryTokenSchema, type DirectoryToken, type DirectoryTokenCreated } from '@usher/contract'
import { type FormEvent, useId, useRef, useState } from 'react'
import { errorMessage } from '../../lib/error-message'
import { fieldMessage } from '../../lib/form-codes'
import { formatDateTime } from '../../lib/format'
import { useUsherContext } from '../../provider/usher-context'
import { ConfirmDialog } from '../../ui/confirm-dialog'
import { TextField } from '../../ui/text-field'
import { CopyField } from './copy-field'
import type { useDirectorySync } from './use-directory-sync'

type Sync = ReturnType<typeof useDirectorySync>

/** The tokens: create one (its secret shown once), the live ones with their last use, revoke. */
export function DirectorySyncTokens({
  sync,
  tokens,
  onNotice,
}: {
  sync: Sync
  tokens: readonly DirectoryToken[]
  onNotice: (text: string) => void
}) {
  const { t, locale } = useUsherContext()
  const id = useId()
  const [name, setName] = useState('')
  const [nameError, setNameError] = useState<string | undefined>()
  const [formError, setFormError] = useState<string | null>(null)
  const [created, setCreated] = useState<DirectoryTokenCreated | null>(null)
  const [revoking, setRevoking] = useState<DirectoryToken | null>(null)
  const [revokeError, setRevokeError] = useState<string | null>(null)
  const revokeTriggers = useRef(new Map<string, HTMLButtonElement>())
  const nameInput = useRef<HTMLInputElement>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setFormError(null)
    const parsed = CreateDirectoryTokenSchema.safeParse({ name })
    if (!parsed.success) {
      // The one rule the contract states (a name, at most 80 characters): only its absence can be typed.
      setNameError(fieldMessage(t, 'required'))
      nameInput.current?.focus()
      return
    }
    setNameError(undefined)
    try {
      const token = await sync.createToken.mutateAsync(parsed.data)
      setCreated(token)
      setName('')
    } catch (error) {
      setFormError(errorMessage(t, error))
    }
  }

  return (
    <section
      data-slot="directory-sync-tokens"
      aria-labelledby={`${id}-title`}
      className="usher-directory-sync-section"
    >
      <h3 id={`${id}-title`}>{t('directorySync.tokens.title')}</h3>
      <p>{t('directorySync.tokens.intro')}</p>
      {created ? (
        <div data-slot="directory-sync-secret" className="usher-directory-sync-secret">
          <p role="status">{t('directorySync.tokens.created', { name: created.name })}</p>
          <CopyField
            slot="directory-sync-secret-field"
            label={t('directorySync.tokens.secretLabel', { name: created.name })}
            value={created.secret}
            copyLabel={t('directorySync.tokens.copySecret')}
          />
          <button
            type="button"
            className="usher-button"
            onClick={() => {
              setCreated(null)
              nameInput.current?.focus()
            }}
          >
            {t('directorySync.tokens.hideSecret')}
          </button>
        </div>
      ) : null}
      {tokens.length === 0 ? (
        <p data-slot="directory-sync-tokens-empty">{t('directorySync.tokens.empty')}</p>
      ) : (
        <ul data-slot="directory-sync-token-list" className="usher-directory-sync-tokens">
          {tokens.map((token) => (
            <li key={token.id} data-slot="directory-sync-token">
              <span className="usher-directory-sync-token-name">{token.name}</span>
              <code>{`${token.prefix}…`}</code>
              <span>
                {t('directorySync.tokens.createdAt', { date: formatDateTime(token.createdAt, locale) })}
              </span>
              <span>
                {token.lastUsedAt
                  ? t('directorySync.tokens.lastUsed', { date: formatDateTime(token.lastUsedAt, locale) })
                  : t('directorySync.tokens.neverUsed')}
              </span>
              <button
                type="button"
                className="usher-button"
                data-variant="danger"
                ref={(element) => {
                  if (element) revokeTriggers.current.set(token.id, element)
                  else revokeTriggers.current.delete(token.id)
                }}
                onClick={() => {
                  setRevokeError(null)
                  setRevoking(token)
                }}
              >
                {t('directorySync.tokens.revoke', { name: token.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form data-slot="directory-sync-token-form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          id={`${id}-name`}
          ref={nameInput}
          label={t('directorySync.tokens.name')}
          hint={t('directorySync.tokens.nameHint')}
          error={nameError}
          value={name}
          onChange={(event) => setName(event.target.value)}
          aria-required="true"
          maxLength={80}
        />
        {formError ? (
          <p role="alert" className="usher-alert">
            {formError}
          </p>
        ) : null}
        <button
          type="submit"
          className="usher-button"
          data-variant="primary"
          disabled={sync.createToken.isPending}
        >
          {sync.createToken.isPending ? t('directorySync.tokens.creating') : t('directorySync.tokens.create')}
        </button>
      </form>
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => {
          if (!open) setRevoking(null)
        }}
        title={t('directorySync.tokens.revokeTitle', { name: revoking?.name ?? '' })}
        description={t('directorySync.tokens.revokeDescription')}
        confirmLabel={t('directorySync.tokens.revokeConfirm')}
        pending={sync.revokeToken.isPending}
        error={revokeError}
        onCloseAutoFocus={(event) => {
          // Back to the trigger; once revoked it is gone, so to the name field instead.
          const trigger = revoking ? revokeTriggers.current.get(revoking.id) : undefined
          event.preventDefault()
          ;(trigger ?? nameInput.current)?.focus()
        }}
        onConfirm={() => {
          const token = revoking
          if (!token) return
          sync.revokeToken.mutate(token.id, {
            onSuccess: () => {
              setRevoking(null)
              onNotice(t('directorySync.tokens.revoked', { name: token.name }))
            },
            onError: (error) => setRevokeError(errorMessage(t, error)),
          })
        }}
      />
    </section>
  )
}
