import { useMemo } from 'react'
import { type GroupLike, groupOptions } from '../lib/group-options'
import { useUsherContext } from '../provider/usher-context'
import { MultiSelect, type MultiSelectProps } from './multi-select'

export interface GroupPickerProps
  extends Omit<
    MultiSelectProps,
    'options' | 'placeholder' | 'summarize' | 'filterLabel' | 'emptyText' | 'noMatchText'
  > {
  /** The groups to choose from (already narrowed to what the viewer may give); shown as a tree. */
  groups: readonly GroupLike[]
  /** What the trigger shows with nothing chosen. @default "No group" */
  placeholder?: string
}

/**
 * A `MultiSelect` of groups in tree order, indented by depth, with the group wording of the
 * catalog: where a form puts a person in groups.
 * @example <GroupPicker id={id} labelId={labelId} contentLabel="Groups" groups={groups} value={ids} onChange={setIds} />
 */
export function GroupPicker({ groups, placeholder, ...props }: GroupPickerProps) {
  const { t, locale } = useUsherContext()
  const options = useMemo(() => groupOptions(groups, { locale }), [groups, locale])
  return (
    <MultiSelect
      {...props}
      options={options}
      placeholder={placeholder ?? t('common.groupPicker.none')}
      summarize={(labels) =>
        labels.length === 1
          ? (labels[0] as string)
          : t('common.groupPicker.summary', { first: labels[0] as string, count: labels.length - 1 })
      }
      filterLabel={t('common.groupPicker.filter')}
      emptyText={t('common.groupPicker.empty')}
      noMatchText={t('common.groupPicker.noMatch')}
    />
  )
}
