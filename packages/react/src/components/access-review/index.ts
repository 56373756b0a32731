export { AccessReview, type AccessReviewProps } from './access-review'
export { ReviewLines, type ReviewLinesProps } from './review-lines'
export { accessReviewKeys, useAccessReview } from './use-access-review'
