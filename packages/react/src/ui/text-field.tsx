import { type ComponentPropsWithoutRef, forwardRef } from 'react'
import { FormField } from './form-field'

export interface TextFieldProps extends ComponentPropsWithoutRef<'input'> {
  id: string
  label: string
  hint?: string
  error?: string | undefined
}

/**
 * A labelled input with its hint and error wired as its description.
 * `forwardRef`, not a `ref` prop: React 18 (a supported peer) passes `ref` only that way.
 */
export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { id, label, hint, error, className, ...input },
  ref,
) {
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      {(aria) => <input ref={ref} className={className ?? 'usher-input'} {...aria} {...input} />}
    </FormField>
  )
})
