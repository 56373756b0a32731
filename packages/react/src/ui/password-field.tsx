import {
  PASSWORD_MAX_LENGTH,
  type PasswordPolicy,
  type PasswordRule,
  passwordRulesBroken,
} from '@usher/contract'
import { type ComponentProps, useId, useState } from 'react'
import type { UseFormRegisterReturn } from 'react-hook-form'
import { type PasswordScore, usePasswordStrength } from '../hooks/use-password-strength'
import { cn } from '../lib/cn'
import { useUsherContext } from '../provider/usher-context'

const LEVELS = ['veryWeak', 'weak', 'fair', 'strong', 'veryStrong'] as const

export interface PasswordFieldProps extends Omit<ComponentProps<'div'>, 'children'> {
  label: string
  /** The input's registration (`register('password')`). */
  registration: UseFormRegisterReturn
  /** The value as typed (`watch('password')`), for the live policy and strength. */
  value: string
  /** The organization's policy; null when unknown (only the server's answer then). */
  policy: PasswordPolicy | null
  /** Who the password is for: the policy refuses their address and names inside it. */
  person?: { email?: string; names?: readonly string[] }
  /** The field's error message, already translated. */
  error?: string | undefined
  /** The server's explanations of a refused password (sent in English: shown as they are). */
  serverMessages?: readonly string[]
  autoComplete?: 'new-password' | 'current-password'
}

type RuleState = 'met' | 'unmet' | 'pending'

/**
 * A new password with the organization's policy ticked live under it (length, character classes,
 * not containing the person's name or address) and zxcvbn's strength meter. The checklist is the
 * input's description, so a screen reader reads the rules with the field; the strength is a
 * polite live region.
 */
export function PasswordField({
  label,
  registration,
  value,
  policy,
  person = {},
  error,
  serverMessages = [],
  autoComplete = 'new-password',
  className,
  ...props
}: PasswordFieldProps) {
  const { t } = useUsherContext()
  const id = useId()
  const [visible, setVisible] = useState(false)
  const score = usePasswordStrength(value, person)
  const broken = new Set<PasswordRule>(policy ? passwordRulesBroken(value, policy, person) : [])
  const rules: Array<{ key: string; text: string; state: RuleState }> = []
  if (policy) {
    const rule = (name: PasswordRule, text: string) =>
      rules.push({ key: name, text, state: value && !broken.has(name) ? 'met' : 'unmet' })
    rule('min_length', t('passwordField.rules.minLength', { count: policy.minLength }))
    if (policy.requireLowercase) rule('lowercase', t('passwordField.rules.lowercase'))
    if (policy.requireUppercase) rule('uppercase', t('passwordField.rules.uppercase'))
    if (policy.requireDigit) rule('digit', t('passwordField.rules.digit'))
    if (policy.requireSymbol) rule('symbol', t('passwordField.rules.symbol'))
    if (person.email) rule('contains_email', t('passwordField.rules.notEmail'))
    if (person.names?.some((n) => n.trim().length >= 3))
      rule('contains_name', t('passwordField.rules.notName'))
    if (broken.has('max_length'))
      rules.push({
        key: 'max_length',
        text: t('passwordField.rules.maxLength', { max: PASSWORD_MAX_LENGTH }),
        state: 'unmet',
      })
    if (policy.minStrength > 0) {
      rules.push({
        key: 'strength',
        text: t('passwordField.rules.strength', {
          level: t(`passwordField.levels.${LEVELS[policy.minStrength]}`),
        }),
        state: !value ? 'unmet' : score === null ? 'pending' : score >= policy.minStrength ? 'met' : 'unmet',
      })
    }
  }
  const rulesId = `${id}-rules`
  const strengthId = `${id}-strength`
  const errorId = `${id}-error`
  const invalid = Boolean(error) || serverMessages.length > 0
  const describedBy = [policy ? rulesId : null, strengthId, invalid ? errorId : null]
    .filter(Boolean)
    .join(' ')

  return (
    <div data-slot="password-field" className={cn('usher-password-field', className)} {...props}>
      <label htmlFor={id} data-slot="password-field-label" className="usher-password-field-label">
        {label}
      </label>
      <div data-slot="password-field-control" className="usher-password-field-control">
        <input
          id={id}
          data-slot="password-field-input"
          className="usher-input"
          type={visible ? 'text' : 'password'}
          autoComplete={autoComplete}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          {...registration}
        />
        <button
          type="button"
          data-slot="password-field-toggle"
          className="usher-button"
          aria-controls={id}
          aria-pressed={visible}
          onClick={() => setVisible((v) => !v)}
        >
          {t('passwordField.show')}
        </button>
      </div>
      {policy ? (
        <ul
          id={rulesId}
          data-slot="password-field-rules"
          className="usher-password-field-rules"
          aria-label={t('passwordField.rulesTitle')}
        >
          {rules.map((rule) => (
            <li key={rule.key} data-slot="password-field-rule" data-rule={rule.key} data-state={rule.state}>
              <span aria-hidden="true" data-slot="password-field-rule-mark">
                {rule.state === 'met' ? '✓' : rule.state === 'pending' ? '…' : '○'}
              </span>{' '}
              {rule.text}
              <span className="usher-visually-hidden">
                {` (${t(`passwordField.ruleState.${rule.state}`)})`}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <StrengthMeter id={strengthId} score={value ? score : null} />
      {invalid ? (
        <div
          id={errorId}
          data-slot="password-field-error"
          className="usher-field-error usher-password-field-error"
        >
          {error ? <p>{error}</p> : null}
          {serverMessages.length ? (
            <ul data-slot="password-field-server-messages">
              {serverMessages.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}

function StrengthMeter({ id, score }: { id: string; score: PasswordScore | null }) {
  const { t } = useUsherContext()
  const level = score === null ? null : LEVELS[score]
  return (
    <div
      id={id}
      data-slot="password-field-strength"
      data-score={score ?? undefined}
      className="usher-password-field-strength"
    >
      <span
        data-slot="password-field-strength-bar"
        className="usher-password-field-strength-bar"
        aria-hidden="true"
      >
        {LEVELS.slice(1).map((name, index) => (
          <span key={name} data-filled={score !== null && score > index ? '' : undefined} />
        ))}
      </span>
      <span aria-live="polite" data-slot="password-field-strength-text">
        {level
          ? t('passwordField.strength', { level: t(`passwordField.levels.${level}`) })
          : t('passwordField.strengthEmpty')}
      </span>
    </div>
  )
}
