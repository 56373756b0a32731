import { Controller } from 'react-hook-form'
import { fieldMessage } from '../../lib/form-codes'
import { useUsherContext } from '../../provider/usher-context'
import { FormField } from '../../ui/form-field'
import { GroupPicker } from '../../ui/group-picker'
import { MultiSelect } from '../../ui/multi-select'
import { PersonPicker } from '../../ui/person-picker'
import { isSelfLocked } from './edit-user-values'
import type { EditUserFormState } from './use-edit-user-form'

/**
 * Role, groups, "contact for" topics and the account's flags. On one's own account the
 * self-locked fields (role, groups, enabled) are shown but cannot be changed.
 */
export function AccessSection({
  state,
  fieldId,
}: {
  state: EditUserFormState
  fieldId: (field: string) => string
}) {
  const { t } = useUsherContext()
  const { form, user, self, scope, roleOptions, scopedGroups, topicOptions, agents } = state
  const { errors } = form.formState
  const locked = (field: 'role' | 'groupIds' | 'enabled') => self && isSelfLocked(field)
  return (
    <fieldset data-slot="edit-user-access" className="usher-edit-user-section">
      <legend>{t('editUser.sections.access')}</legend>
      {self ? (
        <p data-slot="edit-user-self" className="usher-text-field-hint">
          {t('editUser.hints.self')}
        </p>
      ) : null}
      <div className="usher-edit-user-grid">
        <FormField
          id={fieldId('role')}
          label={t('editUser.fields.role')}
          error={fieldMessage(t, errors.role?.message)}
        >
          {(aria) => (
            <select
              className="usher-input"
              disabled={locked('role') || !roleOptions.canChange}
              {...aria}
              {...form.register('role')}
            >
              {roleOptions.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <div className="usher-text-field">
          <span id={`${fieldId('groupIds')}-label`}>{t('editUser.fields.groups')}</span>
          <Controller
            control={form.control}
            name="groupIds"
            render={({ field }) => (
              <GroupPicker
                triggerRef={field.ref}
                id={fieldId('groupIds')}
                labelId={`${fieldId('groupIds')}-label`}
                contentLabel={t('editUser.fields.groups')}
                groups={scopedGroups}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                invalid={Boolean(errors.groupIds)}
                describedBy={
                  [
                    scope ? `${fieldId('groupIds')}-hint` : null,
                    errors.groupIds ? `${fieldId('groupIds')}-error` : null,
                  ]
                    .filter(Boolean)
                    .join(' ') || undefined
                }
                disabled={locked('groupIds')}
              />
            )}
          />
          {scope ? (
            <p id={`${fieldId('groupIds')}-hint`} className="usher-text-field-hint">
              {t('inviteForm.groups.scopedHint')}
            </p>
          ) : null}
          {errors.groupIds ? (
            <p id={`${fieldId('groupIds')}-error`} className="usher-field-error">
              {fieldMessage(t, errors.groupIds.message ?? errors.groupIds.root?.message)}
            </p>
          ) : null}
        </div>
        {topicOptions.length > 0 ? (
          <div className="usher-text-field">
            <span id={`${fieldId('contactFor')}-label`}>{t('editUser.fields.contactFor')}</span>
            <Controller
              control={form.control}
              name="contactFor"
              render={({ field }) => (
                <MultiSelect
                  triggerRef={field.ref}
                  id={fieldId('contactFor')}
                  labelId={`${fieldId('contactFor')}-label`}
                  contentLabel={t('editUser.fields.contactFor')}
                  options={topicOptions}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  placeholder={t('inviteForm.topics.none')}
                  summarize={(labels) => labels.join(', ')}
                  filterLabel={t('inviteForm.topics.filter')}
                  emptyText={t('inviteForm.topics.none')}
                  noMatchText={t('inviteForm.topics.noMatch')}
                  invalid={Boolean(errors.contactFor)}
                  describedBy={errors.contactFor ? `${fieldId('contactFor')}-error` : undefined}
                />
              )}
            />
            {errors.contactFor ? (
              <p id={`${fieldId('contactFor')}-error`} className="usher-field-error">
                {fieldMessage(t, errors.contactFor.message ?? errors.contactFor.root?.message)}
              </p>
            ) : null}
          </div>
        ) : null}
        {agents.canPick ? (
          <div className="usher-text-field">
            <span id={`${fieldId('assignedAgentId')}-label`}>{t('editUser.fields.assignedAgent')}</span>
            <Controller
              control={form.control}
              name="assignedAgentId"
              render={({ field }) => (
                <PersonPicker
                  triggerRef={field.ref}
                  id={fieldId('assignedAgentId')}
                  labelId={`${fieldId('assignedAgentId')}-label`}
                  contentLabel={t('editUser.fields.assignedAgent')}
                  value={field.value}
                  onChange={(id) => field.onChange(id)}
                  onBlur={field.onBlur}
                  noneLabel={t('editUser.hints.noAgent')}
                  query={agents.query}
                  accept={agents.accept}
                  invalid={Boolean(errors.assignedAgentId)}
                  describedBy={
                    errors.assignedAgentId
                      ? `${fieldId('assignedAgentId')}-error`
                      : `${fieldId('assignedAgentId')}-hint`
                  }
                />
              )}
            />
            {errors.assignedAgentId ? (
              <p id={`${fieldId('assignedAgentId')}-error`} className="usher-field-error">
                {fieldMessage(t, errors.assignedAgentId.message)}
              </p>
            ) : (
              <p id={`${fieldId('assignedAgentId')}-hint`} className="usher-text-field-hint">
                {t('editUser.hints.assignedAgent')}
              </p>
            )}
          </div>
        ) : null}
      </div>
      <div className="usher-edit-user-checks">
        <label className="usher-edit-user-check">
          <input type="checkbox" {...form.register('primaryContact')} />
          {t('editUser.fields.primaryContact')}
        </label>
        {user.status === 'active' || user.status === 'disabled' ? (
          <label className="usher-edit-user-check">
            <input type="checkbox" disabled={locked('enabled')} {...form.register('enabled')} />
            {t('editUser.fields.enabled')}
          </label>
        ) : null}
        {user.status === 'active' ? (
          <label className="usher-edit-user-check">
            <input type="checkbox" {...form.register('mustChangePassword')} />
            {t('editUser.fields.mustChangePassword')}
          </label>
        ) : null}
      </div>
    </fieldset>
  )
}
