import { zodResolver } from '@hookform/resolvers/zod'
import { ActivateOrganizationSchema, type Organization } from '@usher/contract'
import { type ComponentProps, useId, useState } from 'react'
import { useForm } from 'react-hook-form'
import type * as z from 'zod'
import { useActivateOrganization } from '../../hooks/use-activate-organization'
import { useMe, usePermission } from '../../hooks/use-me'
import { cn } from '../../lib/cn'
import { errorMessage } from '../../lib/error-message'
import { fieldMessage, withFieldCodes } from '../../lib/form-codes'
import { useUsherContext } from '../../provider/usher-context'
import { AuthForm } from '../../ui/auth-form'
import { TextField } from '../../ui/text-field'

export interface TeamActivationProps extends Omit<ComponentProps<'section'>, 'children'> {
  /** After the team was activated, with the organization as the server answered. */
  onActivated?: (organization: Organization) => void
}

/**
 * A team is activated by naming it before its users can be managed. Shows only while
 * the caller's organization is not activated — to the owner, the name to confirm and "Activate";
 * to anyone else, who may do it. Renders nothing once the team is active, so a host can leave it
 * above its users page.
 * @example <TeamActivation onActivated={() => toast('Team activated')} />
 */
export function TeamActivation({ onActivated, className, ...props }: TeamActivationProps) {
  const { t } = useUsherContext()
  const me = useMe()
  const canActivate = usePermission('organization:manage')
  const titleId = useId()
  const [activated, setActivated] = useState(false)

  if (me.data?.organization.activatedAt && !activated) return null
  return (
    <section
      data-slot="team-activation"
      data-state={activated ? 'activated' : me.data ? 'pending' : me.isError ? 'error' : 'loading'}
      aria-labelledby={titleId}
      className={cn('usher-team-activation', className)}
      {...props}
    >
      <h2 id={titleId} className="usher-team-activation-title">
        {t('teamActivation.title')}
      </h2>
      {activated ? (
        <p role="status">{t('teamActivation.done')}</p>
      ) : me.isError ? (
        <div role="alert" className="usher-alert">
          <p>{errorMessage(t, me.error)}</p>
          <button type="button" className="usher-button" onClick={() => void me.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      ) : !me.data ? (
        <p role="status">{t('common.loading')}</p>
      ) : canActivate ? (
        <ActivationForm
          defaultName={me.data.organization.name}
          onActivated={(organization) => {
            setActivated(true)
            onActivated?.(organization)
          }}
        />
      ) : (
        <p role="note">{t('teamActivation.askOwner')}</p>
      )}
    </section>
  )
}

function ActivationForm({
  defaultName,
  onActivated,
}: {
  defaultName: string
  onActivated: (organization: Organization) => void
}) {
  const { t } = useUsherContext()
  const id = useId()
  const activate = useActivateOrganization()
  const [formError, setFormError] = useState<string | null>(null)
  const [schema] = useState(() =>
    withFieldCodes<{ name: string }, z.output<typeof ActivateOrganizationSchema>>(
      ActivateOrganizationSchema,
      (values) => values,
    ),
  )
  const form = useForm<{ name: string }, unknown, z.output<typeof ActivateOrganizationSchema>>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: { name: defaultName },
  })
  const onSubmit = form.handleSubmit(async (input) => {
    setFormError(null)
    try {
      onActivated(await activate.mutateAsync(input))
    } catch (error) {
      setFormError(errorMessage(t, error))
    }
  })
  return (
    <AuthForm
      slot="team-activation"
      submitting={form.formState.isSubmitting}
      onSubmit={(event) => void onSubmit(event)}
      error={formError}
      submitLabel={t('teamActivation.submit')}
      submittingLabel={t('teamActivation.submitting')}
    >
      <p className="usher-team-activation-intro">{t('teamActivation.intro')}</p>
      <TextField
        id={`${id}-name`}
        label={t('teamActivation.name')}
        hint={t('teamActivation.nameHint')}
        error={fieldMessage(t, form.formState.errors.name?.message)}
        autoComplete="organization"
        aria-required="true"
        {...form.register('name')}
      />
    </AuthForm>
  )
}
