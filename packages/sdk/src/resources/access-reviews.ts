import type { Call } from '../core/call'
import type { UsherClient } from '../types/usher-client'
import { pages } from '../utils/pages'
import { fileNameOf } from './exports'

/** `client.accessReviews`: the owner's periodic review of who holds which role and shared groups. */
export function accessReviewsResource(call: Call): NonNullable<UsherClient['accessReviews']> {
  return {
    start: (o) => call('startAccessReview', {}, o),
    current: (o) => call('getCurrentAccessReview', {}, o),
    items: {
      list: (id, query, o) => call('listAccessReviewItems', { params: { id }, query }, o),
      listAll: (id, query, o) =>
        pages((cursor) => call('listAccessReviewItems', { params: { id }, query: { ...query, cursor } }, o)),
    },
    decide: (id, input, o) => call('decideAccessReview', { params: { id }, body: input }, o),
    remind: (id, o) => call('remindAccessReviewers', { params: { id } }, o),
    close: (id, o) => call('closeAccessReview', { params: { id } }, o),
    export: async (id, query, o) => {
      const response = await call('exportAccessReview', { params: { id }, query }, o)
      return {
        fileName: fileNameOf(response.headers.get('content-disposition'), 'access-review.csv'),
        contentType: response.headers.get('content-type') ?? 'text/csv',
        blob: await response.blob(),
      }
    },
  }
}
