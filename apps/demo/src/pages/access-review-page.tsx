import { AccessReview } from '@usher/react'
import { PageHeading } from '../chrome/page-heading'
import { useDemoI18n } from '../i18n'

/**
 * Settings → Access review: Usher's AccessReview. The owner starts, reminds and closes a review;
 * each administrator confirms or removes the access of the people in their groups.
 */
export function AccessReviewPage() {
  const { t } = useDemoI18n()
  return (
    <>
      <PageHeading title={t('nav.accessReview')} />
      <AccessReview title={t('accessReview.heading')} />
    </>
  )
}
