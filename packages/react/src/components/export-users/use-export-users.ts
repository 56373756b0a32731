import { useMutation } from '@tanstack/react-query'
import type { ExportUsersQuery } from '@usher/contract'
import type { UsherFile } from '@usher/sdk'
import { useUsherContext } from '../../provider/usher-context'

/**
 * Downloads the members export (`client.exports.users`) in the viewer's language; `;` between cells
 * for French, whose spreadsheets split on it. `available` is false when the client has no exports
 * (a host backend of its own may leave them out).
 * @example const { mutate, available } = useExportUsers(); mutate({ status: ['active'] })
 */
export function useExportUsers() {
  const { client, locale } = useUsherContext()
  const mutation = useMutation<UsherFile, Error, ExportUsersQuery>({
    mutationFn: (query) => {
      if (!client.exports) throw new Error('This client has no exports.')
      return client.exports.users({ locale, delimiter: locale === 'fr' ? ';' : ',', ...query })
    },
  })
  return { ...mutation, available: client.exports !== undefined }
}

export { saveFile } from '../../lib/save-file'
