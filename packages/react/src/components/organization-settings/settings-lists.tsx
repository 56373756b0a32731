import type { OrganizationSettings } from '@usher/contract'
import { DEFAULT_REFUSED_MAILBOXES, isRefusedMailbox } from '@usher/contract/rules'
import { useId, useState } from 'react'
import { useUsherContext } from '../../provider/usher-context'
import { topicKey } from './settings-draft'
import { contactsFor } from './use-organization-settings'

/** The refused mailbox names: remove, add, restore the defaults, and try an address against the list. */
export function MailboxEditor({
  value,
  onChange,
  disabled,
}: {
  value: string[]
  onChange: (value: string[]) => void
  disabled: boolean
}) {
  const { t } = useUsherContext()
  const id = useId()
  const [name, setName] = useState('')
  const [probe, setProbe] = useState('')
  const entry = name.trim().toLowerCase()
  const duplicate = entry !== '' && value.includes(entry)
  const add = () => {
    if (!entry || duplicate) return
    onChange([...value, entry])
    setName('')
  }
  const email = probe.trim()
  return (
    <fieldset className="usher-org-settings-section" disabled={disabled}>
      <legend>{t('organizationSettings.mailboxes.legend')}</legend>
      <p className="usher-org-settings-hint">{t('organizationSettings.mailboxes.hint')}</p>
      <ul className="usher-org-settings-chips" aria-label={t('organizationSettings.mailboxes.legend')}>
        {value.map((mailbox) => (
          <li key={mailbox} className="usher-org-settings-chip">
            <span>{mailbox}</span>
            <button
              type="button"
              className="usher-button"
              aria-label={t('organizationSettings.mailboxes.remove', { name: mailbox })}
              onClick={() => onChange(value.filter((other) => other !== mailbox))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="usher-org-settings-row">
        <label htmlFor={`${id}-add`}>{t('organizationSettings.mailboxes.add')}</label>
        <input
          id={`${id}-add`}
          className="usher-input"
          value={name}
          maxLength={64}
          aria-invalid={duplicate || undefined}
          aria-describedby={duplicate ? `${id}-dup` : undefined}
          onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault()
              add()
            }
          }}
        />
        <button type="button" className="usher-button" disabled={!entry || duplicate} onClick={add}>
          {t('organizationSettings.mailboxes.addButton')}
        </button>
        <button
          type="button"
          className="usher-button"
          onClick={() => onChange([...DEFAULT_REFUSED_MAILBOXES])}
        >
          {t('organizationSettings.mailboxes.reset')}
        </button>
      </div>
      {duplicate ? (
        <p id={`${id}-dup`} className="usher-field-error">
          {t('organizationSettings.mailboxes.duplicate', { name: entry })}
        </p>
      ) : null}
      <div className="usher-org-settings-row">
        <label htmlFor={`${id}-probe`}>{t('organizationSettings.mailboxes.test')}</label>
        <input
          id={`${id}-probe`}
          type="email"
          className="usher-input"
          value={probe}
          placeholder="maintenance@acme.fr"
          aria-describedby={`${id}-verdict`}
          onChange={(event) => setProbe(event.target.value)}
        />
      </div>
      <p id={`${id}-verdict`} role="status" className="usher-org-settings-verdict">
        {email.includes('@')
          ? t(
              isRefusedMailbox(email, value)
                ? 'organizationSettings.mailboxes.refused'
                : 'organizationSettings.mailboxes.accepted',
              { email },
            )
          : ''}
      </p>
    </fieldset>
  )
}

type Topics = OrganizationSettings['contactTopics']

/** "Contact for" topics: rename in place, add, remove — a topic someone holds says who before it goes. */
export function TopicsEditor({
  value,
  onChange,
  disabled,
}: {
  value: Topics
  onChange: (value: Topics) => void
  disabled: boolean
}) {
  const { t, client } = useUsherContext()
  const id = useId()
  const [label, setLabel] = useState('')
  const [asking, setAsking] = useState<{ key: string; names: string[] } | null>(null)
  const add = () => {
    const name = label.trim()
    if (!name) return
    onChange([
      ...value,
      {
        key: topicKey(
          name,
          value.map((topic) => topic.key),
        ),
        label: name,
      },
    ])
    setLabel('')
  }
  const remove = async (key: string) => {
    const { names } = await contactsFor(client, key)
    if (names.length === 0) onChange(value.filter((topic) => topic.key !== key))
    else setAsking({ key, names })
  }
  return (
    <fieldset className="usher-org-settings-section" disabled={disabled}>
      <legend>{t('organizationSettings.topics.legend')}</legend>
      <p className="usher-org-settings-hint">{t('organizationSettings.topics.hint')}</p>
      <ul className="usher-org-settings-topics">
        {value.map((topic, index) => (
          <li key={topic.key} className="usher-org-settings-row">
            <input
              className="usher-input"
              aria-label={t('organizationSettings.topics.label', { name: topic.label })}
              value={topic.label}
              maxLength={100}
              onChange={(event) =>
                onChange(
                  value.map((other, i) => (i === index ? { ...other, label: event.target.value } : other)),
                )
              }
            />
            <button
              type="button"
              className="usher-button"
              aria-label={t('organizationSettings.topics.remove', { name: topic.label })}
              onClick={() => void remove(topic.key)}
            >
              ×
            </button>
            {asking?.key === topic.key ? (
              <div role="alert" className="usher-org-settings-in-use">
                <p>
                  {t('organizationSettings.topics.inUse', {
                    count: asking.names.length,
                    name: asking.names[0] ?? '',
                    people: asking.names.slice(0, 5).join(', '),
                  })}
                </p>
                <button
                  type="button"
                  className="usher-button"
                  data-variant="danger"
                  onClick={() => {
                    onChange(value.filter((other) => other.key !== topic.key))
                    setAsking(null)
                  }}
                >
                  {t('organizationSettings.topics.confirmRemove')}
                </button>
                <button type="button" className="usher-button" onClick={() => setAsking(null)}>
                  {t('organizationSettings.topics.keep')}
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <div className="usher-org-settings-row">
        <label htmlFor={`${id}-topic`}>{t('organizationSettings.topics.add')}</label>
        <input
          id={`${id}-topic`}
          className="usher-input"
          value={label}
          maxLength={100}
          onChange={(event) => setLabel(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault()
              add()
            }
          }}
        />
        <button type="button" className="usher-button" disabled={!label.trim()} onClick={add}>
          {t('organizationSettings.topics.addButton')}
        </button>
      </div>
    </fieldset>
  )
}
