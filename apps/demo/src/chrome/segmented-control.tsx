import { useId } from 'react'

export interface SegmentedOption<T extends string> {
  value: T
  label: string
  /** The full name when the label is short ("EN" → "English"): read out instead of the label. */
  title?: string
  lang?: string
}

/** A radio group that looks like a row of buttons: arrow keys move, as in any radio group. */
export function SegmentedControl<T extends string>({
  label,
  value,
  onChange,
  options,
}: {
  label: string
  value: T
  onChange: (value: T) => void
  options: Array<SegmentedOption<T>>
}) {
  const name = useId()
  return (
    <fieldset className="relai-segmented">
      <legend className="relai-segmented-legend">{label}</legend>
      {options.map((option) => (
        <label key={option.value} className="relai-segmented-option" title={option.title} lang={option.lang}>
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={option.value === value}
            onChange={() => onChange(option.value)}
            aria-label={option.title}
          />
          <span aria-hidden={option.title ? true : undefined}>{option.label}</span>
        </label>
      ))}
    </fieldset>
  )
}
