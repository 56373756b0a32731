import type { AccessReviewDecision, AccessReviewItem } from '@usher/contract'
import { ACCESS_REVIEW_REMINDER_DAYS } from '@usher/contract/rules'
import { type ComponentProps, useId, useRef, useState } from 'react'
import { cn } from '../../lib/cn'
import { errorMessage } from '../../lib/error-message'
import { formatDateTime } from '../../lib/format'
import { saveFile } from '../../lib/save-file'
import { useUsherContext } from '../../provider/usher-context'
import { ConfirmDialog } from '../../ui/confirm-dialog'
import { ReviewLines } from './review-lines'
import { useAccessReview } from './use-access-review'

export interface AccessReviewProps extends Omit<ComponentProps<'section'>, 'children'> {
  /** Which lines show first: those left to decide (default), or every line. */
  defaultFilter?: 'pending' | 'all'
  /** The heading (a host page that already names the review gives it a subtitle). @default "Access review" */
  title?: string
}

/**
 * The access review: the owner starts one, reminds the reviewers who have lines left, closes it
 * and downloads its outcome; each administrator confirms or removes the roles and shared groups
 * within their groups (the server says which lines are theirs to decide).
 * @example <AccessReview />
 */
export function AccessReview({ defaultFilter = 'pending', title, className, ...props }: AccessReviewProps) {
  const { t, locale } = useUsherContext()
  const titleId = useId()
  const filterId = useId()
  const [filter, setFilter] = useState<'pending' | 'all'>(defaultFilter)
  const decision: AccessReviewDecision | undefined = filter === 'pending' ? 'pending' : undefined
  const { available, current, review, lines, isOwner, canExport, start, decide, remind, close, download } =
    useAccessReview({ decision })
  const [closing, setClosing] = useState(false)
  const closeTrigger = useRef<HTMLButtonElement | null>(null)

  const items: AccessReviewItem[] = lines.data?.pages.flatMap((page) => page.items) ?? []
  const open = review?.status === 'open'
  const state = !available
    ? 'unavailable'
    : current.isError
      ? 'error'
      : current.isPending
        ? 'loading'
        : !review
          ? 'none'
          : review.status
  const onDecide = (item: AccessReviewItem, choice: 'confirm' | 'remove') =>
    decide.mutateAsync({ decisions: [{ itemId: item.id, decision: choice }] }).catch(() => undefined)
  const counts = review?.counts

  return (
    <section
      data-slot="access-review"
      data-state={state}
      aria-labelledby={titleId}
      className={cn('usher-access-review', className)}
      {...props}
    >
      <h2 id={titleId} className="usher-access-review-title">
        {title ?? t('accessReview.title')}
      </h2>
      <p>{t('accessReview.intro')}</p>
      {state === 'unavailable' ? <p>{t('accessReview.unavailable')}</p> : null}
      {state === 'loading' ? <p role="status">{t('accessReview.loading')}</p> : null}
      {state === 'error' ? (
        <div role="alert" className="usher-alert">
          <p>{t('accessReview.error', { reason: errorMessage(t, current.error) })}</p>
          <button type="button" className="usher-button" onClick={() => void current.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      ) : null}
      {state === 'none' ? <p>{isOwner ? t('accessReview.none') : t('accessReview.ownerStarts')}</p> : null}
      {review && counts ? (
        <div role="status" data-slot="access-review-summary">
          {open ? (
            <>
              <p>
                {t('accessReview.open', {
                  date: formatDateTime(review.startedAt, locale),
                  name: review.startedBy?.name ?? '—',
                })}
              </p>
              <p>
                {t('accessReview.progress', { count: counts.total, done: counts.total - counts.pending })}
              </p>
            </>
          ) : (
            <p>
              {t('accessReview.closed', {
                date: formatDateTime(review.closedAt ?? review.startedAt, locale),
                confirmed: counts.confirmed,
                removed: counts.removed,
                pending: counts.pending,
              })}
            </p>
          )}
          {open ? <p>{t('accessReview.remindsEvery', { count: ACCESS_REVIEW_REMINDER_DAYS })}</p> : null}
          {review.remindedAt && open ? (
            <p>{t('accessReview.remindedAt', { date: formatDateTime(review.remindedAt, locale) })}</p>
          ) : null}
          {remind.data ? <p>{t('accessReview.reminded', { count: remind.data.reminded })}</p> : null}
        </div>
      ) : null}
      {review && open && review.reviewers.length > 0 ? (
        <section aria-label={t('accessReview.reviewers')}>
          <h3>{t('accessReview.reviewers')}</h3>
          <ul className="usher-access-review-reviewers">
            {review.reviewers.map((reviewer) => (
              <li key={reviewer.id}>
                {t('accessReview.reviewerLeft', { name: reviewer.name, count: reviewer.pending })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="usher-access-review-bar">
        {isOwner && available && (state === 'none' || state === 'closed') ? (
          <button
            type="button"
            className="usher-button"
            disabled={start.isPending}
            onClick={() => start.mutate()}
          >
            {start.isPending
              ? t('accessReview.starting')
              : state === 'none'
                ? t('accessReview.start')
                : t('accessReview.startAgain')}
          </button>
        ) : null}
        {isOwner && open ? (
          <>
            <button
              type="button"
              className="usher-button"
              disabled={remind.isPending}
              onClick={() => remind.mutate()}
            >
              {remind.isPending ? t('accessReview.reminding') : t('accessReview.remind')}
            </button>
            <button
              type="button"
              className="usher-button"
              onClick={(event) => {
                closeTrigger.current = event.currentTarget
                setClosing(true)
              }}
            >
              {t('accessReview.close')}
            </button>
          </>
        ) : null}
        {review && canExport ? (
          <button
            type="button"
            className="usher-button"
            disabled={download.isPending}
            onClick={() => download.mutate(locale, { onSuccess: saveFile })}
          >
            {download.isPending ? t('accessReview.exporting') : t('accessReview.export')}
          </button>
        ) : null}
      </div>
      {[start.error, remind.error, download.error].map((error, index) =>
        error ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: three fixed slots, one per action
          <p key={index} role="alert" className="usher-alert">
            {errorMessage(t, error)}
          </p>
        ) : null,
      )}
      {review ? (
        <>
          <div className="usher-access-review-bar">
            <label htmlFor={filterId}>{t('accessReview.filter')}</label>
            <select
              id={filterId}
              className="usher-select"
              value={filter}
              onChange={(event) => setFilter(event.target.value as 'pending' | 'all')}
            >
              <option value="pending">{t('accessReview.filters.pending')}</option>
              <option value="all">{t('accessReview.filters.all')}</option>
            </select>
          </div>
          {lines.isPending ? <p role="status">{t('accessReview.loading')}</p> : null}
          {lines.isSuccess && items.length === 0 ? (
            <p>{filter === 'pending' ? t('accessReview.emptyPending') : t('accessReview.empty')}</p>
          ) : null}
          {items.length > 0 ? (
            <ReviewLines items={items} onDecide={onDecide} pending={decide.isPending} error={decide.error} />
          ) : null}
          {lines.hasNextPage ? (
            <button
              type="button"
              className="usher-button"
              disabled={lines.isFetchingNextPage}
              onClick={() => void lines.fetchNextPage()}
            >
              {t('accessReview.more')}
            </button>
          ) : null}
        </>
      ) : null}
      <ConfirmDialog
        open={closing}
        onOpenChange={setClosing}
        title={t('accessReview.closeTitle')}
        description={t('accessReview.closeDescription')}
        confirmLabel={t('accessReview.closeConfirm')}
        pending={close.isPending}
        error={close.error ? errorMessage(t, close.error) : null}
        onConfirm={() => close.mutate(undefined, { onSuccess: () => setClosing(false) })}
        onCloseAutoFocus={(event) => {
          event.preventDefault()
          closeTrigger.current?.focus()
        }}
      />
    </section>
  )
}
