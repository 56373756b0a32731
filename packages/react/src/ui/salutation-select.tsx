import { SalutationSchema } from '@usher/contract'
import { type ComponentPropsWithoutRef, forwardRef } from 'react'
import { cn } from '../lib/cn'
import { useUsherContext } from '../provider/usher-context'

/**
 * The contract's salutations as a native select, with an empty choice first.
 * `forwardRef`, not a `ref` prop: React 18 (a supported peer) passes `ref` only that way, and a
 * form library focuses the field on error through it.
 */
export const SalutationSelect = forwardRef<HTMLSelectElement, ComponentPropsWithoutRef<'select'>>(
  function SalutationSelect({ className, ...props }, ref) {
    const { t } = useUsherContext()
    return (
      <select ref={ref} data-slot="salutation-select" className={cn('usher-select', className)} {...props}>
        <option value="">{t('common.salutations.none')}</option>
        {SalutationSchema.options.map((key) => (
          <option key={key} value={key}>
            {t(`common.salutations.${key}`)}
          </option>
        ))}
      </select>
    )
  },
)
