import type { Me } from '@usher/contract'
import { type Control, useWatch } from 'react-hook-form'
import { useUsherContext } from '../../provider/usher-context'
import { SeatUsage } from '../../ui/seat-usage'
import type { InviteFormOutput, InviteFormValues } from './invite-form-schema'
import { pendingSeats } from './pending-seats'

export interface InviteSeatsProps {
  control: Control<InviteFormValues, unknown, InviteFormOutput>
  seats: Me['seats']
  /** The rows' ids, in the form's order (the field array's). */
  rowIds: readonly string[]
  /** Rows the server refused in the last send, whose error still stands. */
  refused: ReadonlySet<string>
  takesSeat: (role: string) => boolean
}

/** The seat counter with the rows being added; warns when they need more seats than are left. */
export function InviteSeats({ control, seats, rowIds, refused, takesSeat }: InviteSeatsProps) {
  const { t } = useUsherContext()
  const rows = useWatch({ control, name: 'invitations' })
  const pending = pendingSeats(rows, rowIds, refused, takesSeat)
  const left = seats.allowed === null ? null : Math.max(seats.allowed - seats.used, 0)
  const over = left !== null && pending > left
  return (
    <div data-slot="invite-form-seats" data-state={over ? 'over' : 'ok'} className="usher-invite-seats">
      <SeatUsage pending={pending} />
      <p role="status" data-slot="invite-form-seat-warning" className="usher-invite-seat-warning">
        {over
          ? t('inviteForm.seatWarning', {
              count: pending,
              left: t('inviteForm.seatsLeft', { count: left ?? 0 }),
            })
          : null}
      </p>
    </div>
  )
}
