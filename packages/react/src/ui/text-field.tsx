import type { ComponentProps } from 'react'
import { FormField } from './form-field'

export interface TextFieldProps extends ComponentProps<'input'> {
  id: string
  label: string
  hint?: string
  error?: string | undefined
}

/** A labelled input with its hint and error wired as its description. */
export function TextField({ id, label, hint, error, className, ...input }: TextFieldProps) {
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      {(aria) => <input className={className ?? 'usher-input'} {...aria} {...input} />}
    </FormField>
  )
}
