import { expect, waitFor } from 'storybook/test'

/**
 * Waits until the story has its data: no "Loading…" left, nothing busy. Components' default play,
 * so axe (which runs after the play function) checks the state a designer reviews, not the
 * skeleton.
 */
export async function settled({ canvasElement }: { canvasElement: HTMLElement }) {
  await waitFor(
    () => {
      expect(canvasElement.querySelector('[aria-busy="true"], [data-state="loading"]')).toBeNull()
      expect(canvasElement.textContent ?? '').not.toMatch(/Loading|Chargement/)
    },
    { timeout: 10_000 },
  )
}
