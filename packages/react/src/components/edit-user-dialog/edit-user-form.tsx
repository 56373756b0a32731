import type { Group, User } from '@usher/contract'
import { Dialog } from 'radix-ui'
import { useId, useState } from 'react'
import type { Viewer } from '../../hooks/use-viewer'
import { useUsherContext } from '../../provider/usher-context'
import { AuthForm } from '../../ui/auth-form'
import { AccessSection } from './access-section'
import { ContactSection } from './contact-section'
import { IdentitySection } from './identity-section'
import { useEditUserForm } from './use-edit-user-form'

export interface EditUserFormProps {
  viewer: Viewer
  user: User
  groups: readonly Group[]
  onSaved: (user: User) => void
  /** Reads the person again and starts the form over from their version. */
  onReload: () => Promise<void>
}

/** The record's form: identity, contact and access sections, and the notice of someone else's change. */
export function EditUserForm({ viewer, user, groups, onSaved, onReload }: EditUserFormProps) {
  const { t } = useUsherContext()
  const id = useId()
  const state = useEditUserForm({ viewer, user, groups, onSaved })
  const [reloading, setReloading] = useState(false)
  const fieldId = (field: string) => `${id}-${field}`

  return (
    <AuthForm
      slot="edit-user"
      submitting={state.form.formState.isSubmitting}
      submitDisabled={state.stale}
      onSubmit={(event) => void state.onSubmit(event)}
      error={state.formError}
      submitLabel={t('common.save')}
      submittingLabel={t('editUser.saving')}
      actions={
        <Dialog.Close asChild>
          <button type="button" className="usher-button">
            {t('common.cancel')}
          </button>
        </Dialog.Close>
      }
    >
      {state.stale ? (
        <div data-slot="edit-user-stale" role="alert" className="usher-alert">
          <p>{t('editUser.stale')}</p>
          <button
            type="button"
            className="usher-button"
            disabled={reloading}
            onClick={() => {
              setReloading(true)
              void onReload().finally(() => setReloading(false))
            }}
          >
            {t('editUser.reload')}
          </button>
        </div>
      ) : null}
      <IdentitySection state={state} fieldId={fieldId} />
      <ContactSection state={state} fieldId={fieldId} />
      <AccessSection state={state} fieldId={fieldId} />
      <p data-slot="edit-user-status" role="status" className="usher-text-field-hint">
        {state.unchanged ? t('editUser.unchanged') : ''}
      </p>
    </AuthForm>
  )
}
