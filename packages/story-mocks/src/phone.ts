import { expect } from 'storybook/test'

/** A story's globals for Storybook's small mobile viewport (320 × 568), in the app and in tests. */
export const PHONE_GLOBALS = { viewport: { value: 'mobile1', isRotated: false } } as const

/**
 * Checks what a phone shows of a dialog: a full-height sheet as wide as the window, with nothing
 * inside wider than it (no sideways scrolling within the sheet).
 */
export function expectPhoneSheet(dialog: HTMLElement) {
  expect(window.innerWidth).toBeLessThanOrEqual(480)
  const box = dialog.getBoundingClientRect()
  expect(Math.round(box.width)).toBe(dialog.ownerDocument.documentElement.clientWidth)
  expect(Math.round(box.height)).toBe(dialog.ownerDocument.documentElement.clientHeight)
  expect(dialog.scrollWidth).toBeLessThanOrEqual(dialog.clientWidth + 1)
}
