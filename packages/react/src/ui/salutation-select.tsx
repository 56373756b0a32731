import { SalutationSchema } from '@usher/contract'
import type { ComponentProps } from 'react'
import { cn } from '../lib/cn'
import { useUsherContext } from '../provider/usher-context'

/** The contract's salutations as a native select, with an empty choice first. */
export function SalutationSelect({ className, ...props }: ComponentProps<'select'>) {
  const { t } = useUsherContext()
  return (
    <select data-slot="salutation-select" className={cn('usher-select', className)} {...props}>
      <option value="">{t('common.salutations.none')}</option>
      {SalutationSchema.options.map((key) => (
        <option key={key} value={key}>
          {t(`common.salutations.${key}`)}
        </option>
      ))}
    </select>
  )
}
