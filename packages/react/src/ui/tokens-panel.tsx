import type { UseMutationResult } from '@tanstack/react-query'
import {
  type CreateDirectoryTokenInput,
  CreateDirectoryTokenSchema,
  DIRECTORY_TOKEN_NAME_MAX,
  type DirectoryToken,
  type DirectoryTokenCreated,
} from '@usher/contract'
import { type FormEvent, useId, useRef, useState } from 'react'
import { cn } from '../lib/cn'
import { errorMessage } from '../lib/error-message'
import { fieldMessage } from '../lib/form-codes'
import { formatDateTime } from '../lib/format'
import { useUsherContext } from '../provider/usher-context'
import { ConfirmDialog } from './confirm-dialog'
import { CopyField } from './copy-field'
import { TextField } from './text-field'

/**
 * The catalog sections that word a tokens panel, each with the same keys (`title`, `intro`,
 * `empty`, `name`, `nameHint`, `create`, `creating`, `created`, `secretLabel`, `copySecret`,
 * `hideSecret`, `createdAt`, `lastUsed`, `neverUsed`, `revoke`, `revokeTitle`,
 * `revokeDescription`, `revokeConfirm`, `revoked`).
 */
export type TokensMessages = 'directorySync.tokens' | 'organizationSettings.inboundEmail.tokens'

export interface TokensPanelProps {
  /** The live tokens (never their secrets). */
  tokens: readonly DirectoryToken[]
  /** Creates a token; its answer holds the secret, shown this once. */
  createToken: UseMutationResult<DirectoryTokenCreated, Error, CreateDirectoryTokenInput>
  /** Revokes a token by id. */
  revokeToken: UseMutationResult<void, Error, string>
  /** After a revocation, the sentence to announce (the caller's notice region says it). */
  onNotice: (text: string) => void
  /** Where the panel's words are in the catalog. */
  messages: TokensMessages
  /** Prefix of the `data-slot`s: `<slot>-tokens`, `<slot>-secret`, `<slot>-token`… */
  slot: string
  /** The section's class. */
  className?: string
}

/**
 * Bearer tokens of a machine that calls Usher (a directory, a mail pipeline): create one with a
 * name (its secret shown once, with a Copy button), the live ones with when they were created and
 * last used, revoke one after a confirmation that names it. Focus goes back to the Revoke button
 * when the confirmation is cancelled, to the name field once the token is gone.
 */
export function TokensPanel({
  tokens,
  createToken,
  revokeToken,
  onNotice,
  messages,
  slot,
  className,
}: TokensPanelProps) {
  const { t, locale } = useUsherContext()
  const id = useId()
  const [name, setName] = useState('')
  const [nameError, setNameError] = useState<string | undefined>()
  const [formError, setFormError] = useState<string | null>(null)
  const [created, setCreated] = useState<DirectoryTokenCreated | null>(null)
  const [revoking, setRevoking] = useState<DirectoryToken | null>(null)
  const [revokeError, setRevokeError] = useState<string | null>(null)
  const revokeTriggers = useRef(new Map<string, HTMLButtonElement>())
  // The token whose confirmation is open: `revoking` is already null when the dialog hands focus back.
  const revokedFrom = useRef<string | null>(null)
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
      const token = await createToken.mutateAsync(parsed.data)
      setCreated(token)
      setName('')
    } catch (error) {
      setFormError(errorMessage(t, error))
    }
  }

  return (
    <section
      data-slot={`${slot}-tokens`}
      aria-labelledby={`${id}-title`}
      className={cn('usher-tokens', className)}
    >
      <h3 id={`${id}-title`}>{t(`${messages}.title`)}</h3>
      <p>{t(`${messages}.intro`)}</p>
      {created ? (
        <div data-slot={`${slot}-secret`} className="usher-tokens-secret">
          <p role="status">{t(`${messages}.created`, { name: created.name })}</p>
          <CopyField
            slot={`${slot}-secret-field`}
            label={t(`${messages}.secretLabel`, { name: created.name })}
            value={created.secret}
            copyLabel={t(`${messages}.copySecret`)}
          />
          <button
            type="button"
            className="usher-button"
            onClick={() => {
              setCreated(null)
              nameInput.current?.focus()
            }}
          >
            {t(`${messages}.hideSecret`)}
          </button>
        </div>
      ) : null}
      {tokens.length === 0 ? (
        <p data-slot={`${slot}-tokens-empty`}>{t(`${messages}.empty`)}</p>
      ) : (
        <ul data-slot={`${slot}-token-list`} className="usher-tokens-list">
          {tokens.map((token) => (
            <li key={token.id} data-slot={`${slot}-token`}>
              <span className="usher-tokens-name">{token.name}</span>
              <code>{`${token.prefix}…`}</code>
              <span>{t(`${messages}.createdAt`, { date: formatDateTime(token.createdAt, locale) })}</span>
              <span>
                {token.lastUsedAt
                  ? t(`${messages}.lastUsed`, { date: formatDateTime(token.lastUsedAt, locale) })
                  : t(`${messages}.neverUsed`)}
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
                  revokedFrom.current = token.id
                  setRevoking(token)
                }}
              >
                {t(`${messages}.revoke`, { name: token.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        data-slot={`${slot}-token-form`}
        className="usher-tokens-form"
        noValidate
        onSubmit={(event) => void submit(event)}
      >
        <TextField
          id={`${id}-name`}
          ref={nameInput}
          label={t(`${messages}.name`)}
          hint={t(`${messages}.nameHint`)}
          error={nameError}
          value={name}
          onChange={(event) => setName(event.target.value)}
          aria-required="true"
          maxLength={DIRECTORY_TOKEN_NAME_MAX}
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
          disabled={createToken.isPending}
        >
          {createToken.isPending ? t(`${messages}.creating`) : t(`${messages}.create`)}
        </button>
      </form>
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => {
          if (!open) setRevoking(null)
        }}
        title={t(`${messages}.revokeTitle`, { name: revoking?.name ?? '' })}
        description={t(`${messages}.revokeDescription`)}
        confirmLabel={t(`${messages}.revokeConfirm`)}
        pending={revokeToken.isPending}
        error={revokeError}
        onCloseAutoFocus={(event) => {
          // Back to the trigger; once revoked it is gone, so to the name field instead.
          const from = revokedFrom.current
          const trigger = from === null ? undefined : revokeTriggers.current.get(from)
          revokedFrom.current = null
          event.preventDefault()
          ;(trigger ?? nameInput.current)?.focus()
        }}
        onConfirm={() => {
          const token = revoking
          if (!token) return
          revokeToken.mutate(token.id, {
            onSuccess: () => {
              setRevoking(null)
              onNotice(t(`${messages}.revoked`, { name: token.name }))
            },
            onError: (error) => setRevokeError(errorMessage(t, error)),
          })
        }}
      />
    </section>
  )
}
