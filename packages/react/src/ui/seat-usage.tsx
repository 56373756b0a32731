import type { ComponentProps } from 'react'
import { useMe } from '../hooks/use-me'
import { cn } from '../lib/cn'
import { useUsherContext } from '../provider/usher-context'

export interface SeatUsageProps extends Omit<ComponentProps<'div'>, 'children'> {
  /** Seats about to be taken (an invitation form's rows whose role takes a seat), shown as "after". */
  pending?: number
}

/**
 * The plan's seats used / allowed (people whose role takes a seat), with a warning when the plan
 * is full.
 * @example <SeatUsage pending={2} />
 */
export function SeatUsage({ pending = 0, className, ...props }: SeatUsageProps) {
  const { t } = useUsherContext()
  const me = useMe()
  if (!me.data) {
    return (
      <div
        data-slot="seat-usage"
        data-state={me.isError ? 'error' : 'loading'}
        className={cn('usher-seat-usage', className)}
        {...props}
      >
        {me.isError ? t('common.unknownError') : t('common.loading')}
      </div>
    )
  }
  const { used, allowed } = me.data.seats
  const after = used + pending
  // `data-state` is about the plan once the form is sent; the words say what holds now.
  const full = allowed !== null && after >= allowed
  const over = allowed !== null && after > allowed
  const fullNow = allowed !== null && used >= allowed
  // "Full" and "over by N" are different news: the second needs seats freed or bought.
  const message =
    allowed === null || !full
      ? null
      : over && pending > 0
        ? t('seatUsage.over', { count: after - allowed })
        : used > allowed
          ? t('seatUsage.overNow', { count: used - allowed })
          : fullNow
            ? t('seatUsage.full')
            : t('seatUsage.fills')
  return (
    <div
      data-slot="seat-usage"
      data-state={over ? 'over' : full ? 'full' : 'ok'}
      className={cn('usher-seat-usage', className)}
      {...props}
    >
      <span>{t('seatUsage.label')}</span>{' '}
      {allowed === null ? (
        <span>{t('seatUsage.unlimited', { count: used })}</span>
      ) : (
        <>
          <meter min={0} max={allowed} value={Math.min(used, allowed)} aria-label={t('seatUsage.label')} />{' '}
          {/* What is taken now, and apart what the form would make it: "6 of 5 used" would read as a fault. */}
          <span>{t('seatUsage.used', { count: used, allowed })}</span>
          {pending > 0 ? (
            <span data-slot="seat-usage-after"> {t('seatUsage.after', { count: after, allowed })}</span>
          ) : null}
        </>
      )}
      {message ? (
        <span role="status" data-slot="seat-usage-message" className="usher-field-error">
          {' '}
          {message}
        </span>
      ) : null}
    </div>
  )
}
