import {
  type ComponentType,
  cloneElement,
  isValidElement,
  lazy,
  type ReactElement,
  type ReactNode,
  Suspense,
  useState,
} from 'react'

/** The open-state props every Usher dialog takes (controlled, uncontrolled, or with a trigger). */
export interface LazyDialogOpenProps {
  open?: boolean
  defaultOpen?: boolean
  onOpenChange?(open: boolean): void
  trigger?: ReactNode
}

/** A dialog component whose code loads on first open; `preload()` starts the download early. */
export type LazyDialog<P> = ((props: P) => ReactNode) & {
  /** Starts loading the dialog's code (on a trigger's hover or focus); resolves once it is there. */
  preload(): Promise<unknown>
}

type TriggerProps = {
  onClick?: (event: unknown) => void
  onPointerEnter?: (event: unknown) => void
  onFocus?: (event: unknown) => void
}

/** `load` once per page; a failed load (offline) may be tried again by the next open. */
function once<T>(load: () => Promise<T>) {
  let pending: Promise<T> | undefined
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined
      throw error
    })
    return pending
  }
}

/**
 * Wraps a dialog so its code (and what only it imports: forms, Radix's dialog) is a chunk of its
 * own that a host's bundler splits off, fetched the first time the dialog opens. Until then the
 * wrapper renders only the `trigger`, if any, and keeps the open state; hovering or focusing the
 * trigger preloads the chunk, so opening stays instant. Once loaded the real dialog always runs
 * controlled, with everything else as given. While a chunk downloads on a first, unpreloaded
 * open, the trigger stays as it was and the dialog appears when its code is there.
 * @example export const SharedGroupsDialog = lazyDialog(() => import('../components/shared-groups-dialog').then((m) => m.SharedGroupsDialog))
 */
export function lazyDialog<P extends LazyDialogOpenProps>(
  load: () => Promise<ComponentType<P>>,
): LazyDialog<P> {
  const preload = once(load)
  const Loaded = lazy(() => preload().then((component) => ({ default: component })))

  return Object.assign((props: P) => <LazyDialogHost dialog={props} loaded={Loaded} preload={preload} />, {
    preload,
  })
}

/** The wrapper's state: open (controlled or not), whether the dialog's code is wanted yet, the trigger. */
function LazyDialogHost<P extends LazyDialogOpenProps>({
  dialog: props,
  loaded: Loaded,
  preload,
}: {
  dialog: P
  loaded: ComponentType<P>
  preload: () => Promise<unknown>
}) {
  const { open, defaultOpen = false, onOpenChange, trigger } = props
  const [uncontrolled, setUncontrolled] = useState(defaultOpen)
  const isOpen = open ?? uncontrolled
  // Mounted from the first open on, and kept: closing plays out and state survives a reopen.
  const [wanted, setWanted] = useState(isOpen)
  if (isOpen && !wanted) setWanted(true)
  const setOpen = (next: boolean) => {
    if (open === undefined) setUncontrolled(next)
    onOpenChange?.(next)
  }

  // Until the dialog's code is wanted, the trigger is ours: it opens, and preloads on intent.
  // Once loaded, the dialog renders the host's trigger itself (Radix wires it and returns
  // focus to it on close); the swap happens as the dialog opens and takes focus.
  let ownTrigger: ReactNode = trigger
  if (isValidElement<TriggerProps>(trigger)) {
    const own = trigger.props
    const warm = () => void preload().catch(() => undefined)
    ownTrigger = cloneElement(
      trigger as ReactElement<TriggerProps>,
      {
        onClick: (event: unknown) => {
          own.onClick?.(event)
          warm()
          setOpen(true)
        },
        onPointerEnter: (event: unknown) => {
          own.onPointerEnter?.(event)
          warm()
        },
        onFocus: (event: unknown) => {
          own.onFocus?.(event)
          warm()
        },
        'aria-haspopup': 'dialog',
        'aria-expanded': false,
      } as TriggerProps,
    )
  }
  if (!wanted) return ownTrigger ?? null
  return (
    <Suspense fallback={ownTrigger ?? null}>
      <Loaded {...props} defaultOpen={undefined} open={isOpen} onOpenChange={setOpen} />
    </Suspense>
  )
}
