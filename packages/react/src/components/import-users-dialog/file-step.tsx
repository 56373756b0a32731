import { LocaleSchema } from '@usher/contract'
import { type ImportFormat, sampleImportFile } from '@usher/sdk'
import { type DragEvent, useId, useState } from 'react'
import type { MessageKey } from '../../i18n/types'
import { useUsherContext } from '../../provider/usher-context'
import { dataUrl } from './cell-text'

/** The catalog's name of each sample file: one per format and language the contract knows. */
const SAMPLE_LABELS = {
  csv: { en: 'importUsers.file.sampleCsv', fr: 'importUsers.file.sampleCsvFr' },
  json: { en: 'importUsers.file.sampleJson', fr: 'importUsers.file.sampleJsonFr' },
} as const satisfies Record<
  Exclude<ImportFormat, 'xlsx'>,
  Record<(typeof LocaleSchema.options)[number], MessageKey>
>

const SAMPLES = (['csv', 'json'] as const).flatMap((format) =>
  LocaleSchema.options.map((locale) => [SAMPLE_LABELS[format][locale], format, locale] as const),
)

/** Step 1: drop or choose a file; sample files to start from. */
export function FileStep({
  reading,
  error,
  rowLimit,
  onFile,
}: {
  reading: boolean
  error: string | null
  rowLimit: number
  onFile: (file: File) => void
}) {
  const { t, locale } = useUsherContext()
  const inputId = useId()
  const hintId = useId()
  const [dragging, setDragging] = useState(false)
  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    setDragging(false)
    const dropped = event.dataTransfer.files[0]
    if (dropped) onFile(dropped)
  }
  return (
    <>
      {/* Dropping is a shortcut; the file input inside is the keyboard and screen-reader path. */}
      <fieldset
        data-slot="import-users-dropzone"
        data-state={dragging ? 'dragging' : 'idle'}
        className="usher-import-users-dropzone"
        onDragOver={(event) => {
          event.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <legend className="usher-import-users-drop-text">{t('importUsers.file.drop')}</legend>
        <label htmlFor={inputId} className="usher-button" data-variant="primary">
          {t('importUsers.file.choose')}
        </label>
        <input
          id={inputId}
          type="file"
          className="usher-visually-hidden"
          accept=".csv,.tsv,.txt,.json,.xlsx,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={hintId}
          onChange={(event) => {
            const picked = event.currentTarget.files?.[0]
            if (picked) onFile(picked)
            event.currentTarget.value = ''
          }}
        />
        <p id={hintId} className="usher-import-users-hint">
          {t('importUsers.file.hint', { limit: rowLimit.toLocaleString(locale) })}
        </p>
      </fieldset>
      {reading ? <p role="status">{t('importUsers.file.reading')}</p> : null}
      {error ? (
        <p role="alert" className="usher-alert" data-slot="import-users-file-error">
          {error}
        </p>
      ) : null}
      <section aria-labelledby="usher-import-samples" data-slot="import-users-samples">
        <h3 id="usher-import-samples" className="usher-import-users-subtitle">
          {t('importUsers.file.samples')}
        </h3>
        <ul className="usher-import-users-samples">
          {SAMPLES.map(([label, format, sampleLocale]) => (
            <li key={label}>
              <a
                href={dataUrl(sampleImportFile({ format, locale: sampleLocale }), format)}
                download={`usher-import-sample-${sampleLocale}.${format}`}
              >
                {t(label)}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
