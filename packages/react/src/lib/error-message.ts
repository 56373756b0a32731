import { isUsherApiError, isUsherNetworkError } from '@usher/sdk'
import type { Translate } from '../i18n/translate'

/** The catalog's sentence for an error: its contract code when the server sent one. */
export function errorMessage(t: Translate, error: unknown): string {
  if (isUsherApiError(error)) return t(`errors.codes.${error.code}`)
  if (isUsherNetworkError(error)) return t('common.offline')
  return t('common.unknownError')
}

/** "Hugo Moreau", or the address when the person has no name yet. */
export const personName = (user: { firstName: string; lastName: string; email: string }) =>
  `${user.firstName} ${user.lastName}`.trim() || user.email
