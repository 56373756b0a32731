import baseCss from '../packages/react/src/styles/base.css?raw'

/** One `--usher-*` custom property of the stylesheet, with its light and dark values. */
export interface DesignToken {
  name: string
  light: string
  dark: string
  /** Whether the value is a colour (drawn as a swatch). */
  color: boolean
}

/**
 * Every `--usher-*` token declared in the stylesheet, read from its source at build time: the page
 * cannot fall behind a token added or changed there. `light-dark(a, b)` gives both values.
 */
export function readTokens(css: string = baseCss): DesignToken[] {
  const tokens: DesignToken[] = []
  for (const match of css.matchAll(/(--usher-[\w-]+)\s*:\s*([^;]+);/g)) {
    const name = match[1] as string
    const value = (match[2] as string).trim().replace(/\s+/g, ' ')
    const pair = value.match(/^light-dark\((.+)\)$/)
    const [light, dark] = pair ? splitTopLevel(pair[1] as string) : [value, value]
    const color = Boolean(pair) || /^(#|rgb|hsl|oklch)/.test(value)
    if (!tokens.some((t) => t.name === name))
      tokens.push({ name, light: light ?? value, dark: dark ?? value, color })
  }
  return tokens
}

/** `a, rgb(1 2 3 / 0.5)` → ['a', 'rgb(1 2 3 / 0.5)']: commas inside parentheses stay. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (const char of text) {
    if (char === '(') depth++
    if (char === ')') depth--
    if (char === ',' && depth === 0) {
      parts.push(current.trim())
      current = ''
    } else current += char
  }
  parts.push(current.trim())
  return parts
}

function Swatch({ value }: { value: string }) {
  return (
    <span
      aria-hidden="true"
      style={{
        display: 'inline-block',
        width: 28,
        height: 18,
        marginInlineEnd: 8,
        verticalAlign: 'middle',
        borderRadius: 4,
        border: '1px solid #8c959f',
        background: value,
      }}
    />
  )
}

/** The tokens page: name, light value, dark value, each colour with its swatch. */
export function DesignTokens({ tokens = readTokens() }: { tokens?: DesignToken[] }) {
  return (
    <table
      style={{
        borderCollapse: 'collapse',
        font: '14px/1.5 system-ui, sans-serif',
        color: '#1b1f24',
        background: '#fff',
      }}
    >
      <caption style={{ textAlign: 'start', fontWeight: 600, padding: '8px 0' }}>
        Usher design tokens ({tokens.length}): set any of them on .usher-root, or on a class you pass to the
        provider as className
      </caption>
      <thead>
        <tr>
          {['Token', 'Light', 'Dark'].map((h) => (
            <th
              key={h}
              scope="col"
              style={{ textAlign: 'start', padding: '4px 16px 4px 0', borderBottom: '1px solid #d0d7de' }}
            >
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.name}>
            <th
              scope="row"
              style={{
                textAlign: 'start',
                padding: '4px 16px 4px 0',
                fontFamily: 'ui-monospace, monospace',
                fontWeight: 400,
              }}
            >
              {token.name}
            </th>
            {[token.light, token.dark].map((value, i) => (
              <td
                key={i === 0 ? 'light' : 'dark'}
                style={{ padding: '4px 16px 4px 0', fontFamily: 'ui-monospace, monospace' }}
              >
                {token.color ? <Swatch value={value} /> : null}
                {value}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
