import {
  Controls,
  Description,
  DocsContext,
  Heading,
  Primary,
  Stories,
  Subtitle,
  Title,
} from '@storybook/addon-docs/blocks'
import { useContext, useEffect, useRef } from 'react'
import type { UsherStoryParameters } from '../packages/story-mocks/src/index'

/**
 * Each component's docs page: what it is, the first story with its props (the controls, read
 * from the component's types and JSDoc), the component in the other language and theme and at a
 * phone's width, then every state its stories show. The toolbar's language and theme switch the
 * stories of the page; the side-by-side block pins them, so a reviewer sees both at once.
 */
export function UsherDocsPage() {
  return (
    <>
      <Title />
      <Subtitle />
      <Description />
      <Primary />
      <Controls />
      <Heading>Both languages, both themes, a phone</Heading>
      <div
        style={{
          display: 'grid',
          gap: 16,
          gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 28rem), 1fr))',
        }}
      >
        <PinnedPrimary label="English, light" usher={{ locale: 'en', theme: 'light' }} />
        <PinnedPrimary label="Français, sombre" usher={{ locale: 'fr', theme: 'dark' }} />
      </div>
      <PinnedPrimary label="Phone (360 px), dark" usher={{ theme: 'dark' }} width={360} />
      <Stories title="States" />
    </>
  )
}

/**
 * The page's first story rendered again with its language and theme pinned (the decorator reads
 * `parameters.usher` before the toolbar's choice), in a frame of the given width.
 */
function PinnedPrimary({
  label,
  usher,
  width,
}: {
  label: string
  usher: Pick<UsherStoryParameters, 'locale' | 'theme'>
  width?: number
}) {
  const context = useContext(DocsContext)
  const element = useRef<HTMLDivElement>(null)
  const locale = usher.locale
  const theme = usher.theme
  useEffect(() => {
    const target = element.current
    if (!target) return
    const primary = context.storyById()
    const pinned = { ...(primary.parameters.usher as UsherStoryParameters | undefined), locale, theme }
    const story = { ...primary, parameters: { ...primary.parameters, usher: pinned } }
    const callbacks = { showMain: () => {}, showError: () => {}, showException: () => {} }
    const cleanup = context.renderStoryToElement(story, target, callbacks, { autoplay: false })
    return () => {
      void cleanup()
    }
  }, [context, locale, theme])
  return (
    <figure style={{ margin: '16px 0', maxWidth: width ?? '100%' }}>
      <figcaption style={{ font: '600 13px system-ui', marginBottom: 8 }}>{label}</figcaption>
      {/* sb-unstyled: out of reach of the docs page's typography, like Storybook's own story blocks. */}
      <div
        ref={element}
        className="sb-unstyled"
        style={{ width: width ?? '100%', border: '1px solid #d0d7de', borderRadius: 6, overflow: 'auto' }}
      />
    </figure>
  )
}
