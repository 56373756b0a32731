import { cn } from '../lib/cn'

/** What an action left to say: a success (polite) or an error (an alert), with optional details. */
export interface Notice {
  tone: 'success' | 'error'
  text: string
  /** One line per item that failed, under the error. */
  details?: string[]
  /** A way back from what just happened ("Undo"), beside a success. */
  action?: { label: string; onClick: () => void }
}

export interface NoticeBarProps {
  notice: Notice | null
  onDismiss: () => void
  /** The dismiss button's text. */
  dismissLabel: string
  /** Prefix of the `data-slot`s: `<slot>-notices`, `<slot>-notice`, `<slot>-notice-details`. @default 'notice' */
  slot?: string
  /** The bar's class. */
  className?: string
  /** Each notice's class. */
  noticeClassName?: string
}

/**
 * The outcome of the last action, above the content it is about. The polite region stays mounted
 * so screen readers hear what lands in it; errors are alerts.
 */
export function NoticeBar({
  notice,
  onDismiss,
  dismissLabel,
  slot = 'notice',
  className,
  noticeClassName,
}: NoticeBarProps) {
  const dismiss = (
    <button type="button" className="usher-button" onClick={onDismiss}>
      {dismissLabel}
    </button>
  )
  return (
    <div data-slot={`${slot}-notices`} className={className}>
      <div role="status">
        {notice?.tone === 'success' ? (
          <div data-slot={`${slot}-notice`} data-tone="success" className={noticeClassName}>
            <span>{notice.text}</span>
            {notice.action ? (
              <button
                type="button"
                data-slot={`${slot}-notice-action`}
                className="usher-button"
                onClick={notice.action.onClick}
              >
                {notice.action.label}
              </button>
            ) : null}
            {dismiss}
          </div>
        ) : null}
      </div>
      {notice?.tone === 'error' ? (
        <div
          role="alert"
          data-slot={`${slot}-notice`}
          data-tone="error"
          className={cn('usher-alert', noticeClassName)}
        >
          <div>
            <p>{notice.text}</p>
            {notice.details?.length ? (
              <ul data-slot={`${slot}-notice-details`}>
                {notice.details.map((detail, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: two people may share a name and a reason
                  <li key={index}>{detail}</li>
                ))}
              </ul>
            ) : null}
          </div>
          {dismiss}
        </div>
      ) : null}
    </div>
  )
}
