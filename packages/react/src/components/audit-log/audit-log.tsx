import { useQuery } from '@tanstack/react-query'
import { AUDIT_ACTIONS, type AuditAction, type AuditEvent } from '@usher/contract'
import { type ComponentProps, type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { useMe, usePermission } from '../../hooks/use-me'
import { useRoleName } from '../../hooks/use-role-name'
import { cn } from '../../lib/cn'
import { errorMessage, personName } from '../../lib/error-message'
import { formatDateTime, formatRelative } from '../../lib/format'
import { useUsherContext } from '../../provider/usher-context'
import { groupsQueryOptions } from '../../query/options'
import { PersonPicker } from '../../ui/person-picker'
import { actionLabelKey, changedFields, fillSentence, sentenceTemplate } from './event-sentence'
import { type AuditFilters, useAuditLog } from './use-audit-log'

export interface AuditLogProps extends Omit<ComponentProps<'section'>, 'children'> {
  /** The filters it opens with; the viewer changes them from there. @default none */
  defaultFilters?: AuditFilters
  /** Events about this person, group or invitation only, with no way to widen it (a person's history). */
  targetId?: string
  /** The filter bar (action, dates, who and whom). @default true */
  showFilters?: boolean
  /** The heading. @default "Activity" */
  title?: string
  /** Events per request. @default 50 */
  pageSize?: number
}

/** A calendar day typed in a date field → the instant it starts, in the viewer's time zone. */
const dayStart = (day: string) => (day ? new Date(`${day}T00:00:00`).toISOString() : undefined)
const nextDayStart = (day: string) => {
  if (!day) return undefined
  const date = new Date(`${day}T00:00:00`)
  date.setDate(date.getDate() + 1)
  return date.toISOString()
}

/**
 * Who did what to whom, newest first, each event a sentence in the viewer's language with what
 * changed (before → after), older events loading as the list scrolls. Filters: an action, a date
 * range, and — from any event — the person who acted or the one it was about. Shown to viewers
 * holding `audit:read`; a group admin reads the events within their groups.
 * @example <AuditLog />
 */
export function AuditLog({
  defaultFilters = {},
  targetId,
  showFilters = true,
  title,
  pageSize = 50,
  className,
  ...props
}: AuditLogProps) {
  const { t, locale, now, messages, client } = useUsherContext()
  const me = useMe()
  const canRead = usePermission('audit:read')
  const roleName = useRoleName()
  const groups = useQuery({ ...groupsQueryOptions(client), enabled: canRead })
  const groupNames = new Map((groups.data ?? []).map((group) => [group.id, group.name]))
  const groupName = (id: string) => groupNames.get(id)
  const titleId = useId()
  const [filters, setFilters] = useState<AuditFilters>(defaultFilters)
  const [days, setDays] = useState({ from: '', to: '' })
  const [names, setNames] = useState<{ actor?: string; target?: string }>({})
  const effective: AuditFilters = {
    ...filters,
    from: dayStart(days.from),
    to: nextDayStart(days.to),
    ...(targetId ? { targetId } : {}),
  }
  const log = useAuditLog(effective, { pageSize })
  // The directory or the mail pipeline by what it is, in the viewer's language, and its token. An
  // import leaves the person who ran it as the one who acted: the file is told beside their name.
  const actorName = (actor: NonNullable<AuditEvent['actor']>) =>
    actor.via && actor.via.kind !== 'import'
      ? t(`auditLog.via.${actor.via.kind}`, { name: actor.via.name })
      : actor.name || actor.email
  const events = log.data?.pages.flatMap((page) => page.items) ?? []
  const filtered = Boolean(filters.action || filters.actorId || filters.targetId || days.from || days.to)

  const sentinel = useRef<HTMLDivElement>(null)
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = log
  useEffect(() => {
    // Older events load as the end of the list comes into view; the button does it without observers.
    const node = sentinel.current
    if (!node || typeof IntersectionObserver === 'undefined' || !hasNextPage) return
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting) && !isFetchingNextPage) void fetchNextPage()
    })
    observer.observe(node)
    return () => observer.disconnect()
  }, [hasNextPage, isFetchingNextPage, fetchNextPage])

  const state = !me.data
    ? me.isError
      ? 'error'
      : 'loading'
    : !canRead
      ? 'forbidden'
      : log.isPending
        ? 'loading'
        : log.isError
          ? 'error'
          : events.length === 0
            ? 'empty'
            : 'ready'

  const byActor = (event: AuditEvent) => {
    if (!event.actor) return
    setFilters({ ...filters, actorId: event.actor.id })
    setNames({ ...names, actor: actorName(event.actor) })
  }
  const aboutTarget = (event: AuditEvent) => {
    setFilters({ ...filters, targetId: event.target.id })
    setNames({ ...names, target: event.target.label })
  }
  const clear = () => {
    setFilters({})
    setDays({ from: '', to: '' })
    setNames({})
  }
  const nowDate = now()

  return (
    <section
      data-slot="audit-log"
      data-state={state}
      aria-labelledby={titleId}
      aria-busy={state === 'loading' || log.isFetching || undefined}
      className={cn('usher-audit-log', className)}
      {...props}
    >
      <h2 id={titleId} className="usher-audit-log-title">
        {title ?? t('auditLog.title')}
      </h2>
      {state === 'forbidden' ? (
        <p role="note">{t('auditLog.forbidden')}</p>
      ) : (
        <>
          {showFilters ? (
            <AuditFilterBar
              filters={filters}
              days={days}
              names={names}
              hideTarget={Boolean(targetId)}
              onFilters={setFilters}
              onNames={setNames}
              onDays={setDays}
              onClear={filtered ? clear : undefined}
            />
          ) : null}
          {state === 'loading' ? <p role="status">{t('auditLog.loading')}</p> : null}
          {state === 'error' ? (
            <div role="alert" className="usher-alert">
              <p>{t('auditLog.error', { reason: errorMessage(t, log.error ?? me.error) })}</p>
              <button
                type="button"
                className="usher-button"
                onClick={() => void (me.isError ? me.refetch() : log.refetch())}
              >
                {t('common.retry')}
              </button>
            </div>
          ) : null}
          {state === 'empty' ? (
            <p role="status">{t(filtered ? 'auditLog.emptyFiltered' : 'auditLog.empty')}</p>
          ) : null}
          {state === 'ready' ? (
            <ol data-slot="audit-log-events" className="usher-audit-log-events">
              {events.map((event) => (
                <li
                  key={event.id}
                  data-slot="audit-log-event"
                  data-action={event.action}
                  className="usher-audit-log-event"
                >
                  <p className="usher-audit-log-sentence">
                    {fillSentence(sentenceTemplate(messages, event.action), {
                      actor: event.actor ? (
                        <ActorName
                          key="actor"
                          via={event.actor.via}
                          button={
                            <NameButton
                              key="actor"
                              name={actorName(event.actor)}
                              label={t('auditLog.showActor', { name: actorName(event.actor) })}
                              onClick={() => byActor(event)}
                            />
                          }
                        />
                      ) : (
                        <strong key="actor">{t('auditLog.system')}</strong>
                      ),
                      target: targetId ? (
                        <strong key="target">{event.target.label}</strong>
                      ) : (
                        <NameButton
                          key="target"
                          name={event.target.label}
                          label={t('auditLog.showTarget', { name: event.target.label })}
                          onClick={() => aboutTarget(event)}
                        />
                      ),
                    })}
                  </p>
                  <time
                    dateTime={event.at}
                    title={formatDateTime(event.at, locale)}
                    className="usher-audit-log-time"
                  >
                    {formatRelative(event.at, nowDate, locale)}
                  </time>
                  <Changes event={event} roleName={roleName} groupName={groupName} />
                </li>
              ))}
            </ol>
          ) : null}
          {state === 'ready' ? (
            <div ref={sentinel} data-slot="audit-log-more" className="usher-audit-log-more">
              {log.hasNextPage ? (
                <button
                  type="button"
                  className="usher-button"
                  disabled={log.isFetchingNextPage}
                  onClick={() => void log.fetchNextPage()}
                >
                  {log.isFetchingNextPage ? t('auditLog.loadingMore') : t('auditLog.loadMore')}
                </button>
              ) : (
                <p className="usher-audit-log-end">{t('auditLog.end')}</p>
              )}
            </div>
          ) : null}
        </>
      )}
    </section>
  )
}

/** The actor's button, and for an import the file beside it, where the language puts it. */
function ActorName({ via, button }: { via: NonNullable<AuditEvent['actor']>['via']; button: ReactNode }) {
  const { t } = useUsherContext()
  if (via?.kind !== 'import') return button
  return (
    <span data-slot="audit-log-actor">
      {fillSentence(t('auditLog.via.import', { name: via.name }), { actor: button, target: null })}
    </span>
  )
}

function NameButton({ name, label, onClick }: { name: string; label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      className="usher-audit-log-name"
      title={label}
      aria-label={`${name} — ${label}`}
      onClick={onClick}
    >
      {name}
    </button>
  )
}

function Changes({
  event,
  roleName,
  groupName,
}: {
  event: AuditEvent
  roleName: (role: string) => string
  groupName: (id: string) => string | undefined
}) {
  const { t, locale } = useUsherContext()
  const fields = changedFields(event, { t, locale, roleName, groupName })
  if (fields.length === 0) return null
  return (
    <ul aria-label={t('auditLog.changes')} className="usher-audit-log-changes">
      {fields.map(([label, before, after]) => (
        <li key={label}>
          <span className="usher-audit-log-field">{label}</span> <del>{before}</del>{' '}
          <span aria-hidden="true">→</span> <ins>{after}</ins>
        </li>
      ))}
    </ul>
  )
}

interface FilterBarProps {
  filters: AuditFilters
  days: { from: string; to: string }
  names: { actor?: string; target?: string }
  hideTarget: boolean
  onFilters: (filters: AuditFilters) => void
  onNames: (names: { actor?: string; target?: string }) => void
  onDays: (days: { from: string; to: string }) => void
  onClear: (() => void) | undefined
}

function AuditFilterBar({
  filters,
  days,
  names,
  hideTarget,
  onFilters,
  onNames,
  onDays,
  onClear,
}: FilterBarProps) {
  const { t } = useUsherContext()
  const id = useId()
  return (
    <fieldset data-slot="audit-log-filters" className="usher-audit-log-filters">
      <legend className="usher-visually-hidden">{t('auditLog.filters.label')}</legend>
      <label htmlFor={`${id}-action`}>{t('auditLog.filters.action')}</label>
      <select
        id={`${id}-action`}
        className="usher-select"
        value={filters.action ?? ''}
        onChange={(event) =>
          onFilters({ ...filters, action: (event.target.value || undefined) as AuditAction | undefined })
        }
      >
        <option value="">{t('auditLog.filters.allActions')}</option>
        {AUDIT_ACTIONS.map((action) => (
          <option key={action} value={action}>
            {t(actionLabelKey(action))}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-from`}>{t('auditLog.filters.from')}</label>
      <input
        id={`${id}-from`}
        type="date"
        className="usher-input"
        value={days.from}
        max={days.to || undefined}
        onChange={(event) => onDays({ ...days, from: event.target.value })}
      />
      <label htmlFor={`${id}-to`}>{t('auditLog.filters.to')}</label>
      <input
        id={`${id}-to`}
        type="date"
        className="usher-input"
        value={days.to}
        min={days.from || undefined}
        onChange={(event) => onDays({ ...days, to: event.target.value })}
      />
      {/* Who acted and on whom: found by name, or set by clicking a name in an event. */}
      <span id={`${id}-actor-label`}>{t('auditLog.filters.actor')}</span>
      <PersonPicker
        id={`${id}-actor`}
        labelId={`${id}-actor-label`}
        contentLabel={t('auditLog.filters.actor')}
        value={filters.actorId ?? null}
        valueLabel={names.actor}
        noneLabel={t('auditLog.filters.anyone')}
        onChange={(actorId, person) => {
          onFilters({ ...filters, actorId: actorId ?? undefined })
          onNames({ ...names, actor: person ? personName(person) : undefined })
        }}
      />
      {hideTarget ? null : (
        <>
          <span id={`${id}-target-label`}>{t('auditLog.filters.target')}</span>
          <PersonPicker
            id={`${id}-target`}
            labelId={`${id}-target-label`}
            contentLabel={t('auditLog.filters.target')}
            value={filters.targetId ?? null}
            valueLabel={names.target}
            noneLabel={t('auditLog.filters.anyone')}
            onChange={(targetId, person) => {
              onFilters({ ...filters, targetId: targetId ?? undefined })
              onNames({ ...names, target: person ? personName(person) : undefined })
            }}
          />
        </>
      )}
      {onClear ? (
        <button type="button" className="usher-button" onClick={onClear}>
          {t('auditLog.filters.clear')}
        </button>
      ) : null}
    </fieldset>
  )
}
