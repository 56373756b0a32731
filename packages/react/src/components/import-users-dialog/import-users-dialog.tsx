import { Dialog } from 'radix-ui'
import type { ReactNode } from 'react'
import { useUsherContext } from '../../provider/usher-context'
import { DialogFrame } from '../../ui/dialog-frame'
import { FileStep } from './file-step'
import { ImportStep } from './import-step'
import { MapStep } from './map-step'
import { PreviewStep } from './preview-step'
import { SummaryStep } from './summary-step'
import { IMPORT_STEPS, useImportWizard } from './use-import-wizard'

export interface ImportUsersDialogProps {
  /** Controlled open state (with `onOpenChange`). */
  open?: boolean
  /** @default false */
  defaultOpen?: boolean
  onOpenChange?(open: boolean): void
  /** The element that opens the dialog (Radix trigger, `asChild`). */
  trigger?: ReactNode
  /** After an import (not a dry run) finished or was cancelled. */
  onImported?(): void
  /** Rows per request. @default 500 */
  chunkSize?: number
  className?: string
}

/**
 * Bulk import from a CSV or JSON file: choose a file (or drop it; sample files offered), check
 * the column mapping (automatic, in English or French), check the rows (errors by line, simple
 * ones fixed in place), import with progress and cancel, then a summary with the rows to fix
 * downloadable as CSV. Parsing and checks run in the browser with the contract's own row schema,
 * so only valid rows are sent.
 * @example <ImportUsersDialog trigger={<button type="button">Import</button>} />
 */
export function ImportUsersDialog({
  open,
  defaultOpen = false,
  onOpenChange,
  trigger,
  onImported,
  chunkSize,
  className,
}: ImportUsersDialogProps) {
  return (
    <DialogFrame
      slot="import-users"
      panelClassName="usher-import-users"
      className={className}
      open={open}
      defaultOpen={defaultOpen}
      onOpenChange={onOpenChange}
      trigger={trigger}
    >
      {(close) => <ImportUsersContent chunkSize={chunkSize} onImported={onImported} onClose={close} />}
    </DialogFrame>
  )
}

function ImportUsersContent({
  chunkSize,
  onImported,
  onClose,
}: {
  chunkSize: number | undefined
  onImported: (() => void) | undefined
  onClose: () => void
}) {
  const { t } = useUsherContext()
  const wizard = useImportWizard({ chunkSize, onImported })
  const { step } = wizard
  const stepIndex = IMPORT_STEPS.indexOf(step)

  let body: ReactNode
  if (!wizard.canImport) {
    body = (
      <p role="alert" className="usher-alert">
        {t('importUsers.forbidden')}
      </p>
    )
  } else if (step === 'file') {
    body = (
      <FileStep
        reading={wizard.reading}
        error={wizard.fileError}
        rowLimit={wizard.rowLimit}
        onFile={wizard.readFile}
      />
    )
  } else if (step === 'map') {
    body = <MapStep wizard={wizard} />
  } else if (step === 'preview') {
    body = <PreviewStep wizard={wizard} />
  } else if (step === 'import') {
    body = <ImportStep wizard={wizard} />
  } else {
    body = <SummaryStep wizard={wizard} onClose={onClose} />
  }

  return (
    <>
      <div data-slot="import-users-header" className="usher-import-users-header">
        <Dialog.Title data-slot="import-users-title" className="usher-import-users-title">
          {t('importUsers.title')}
        </Dialog.Title>
        <Dialog.Description data-slot="import-users-description" className="usher-import-users-description">
          {t('importUsers.description')}
        </Dialog.Description>
        <ol
          aria-label={t('importUsers.steps.label')}
          data-slot="import-users-steps"
          className="usher-import-users-steps"
        >
          {IMPORT_STEPS.map((s, i) => (
            <li
              key={s}
              data-state={i < stepIndex ? 'done' : i === stepIndex ? 'current' : 'todo'}
              aria-current={i === stepIndex ? 'step' : undefined}
            >
              {t(`importUsers.steps.${s}`)}
            </li>
          ))}
        </ol>
      </div>
      <div data-slot="import-users-body" data-step={step} className="usher-import-users-body">
        {body}
      </div>
    </>
  )
}
