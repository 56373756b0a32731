/**
 * Published text (OpenAPI summaries, `.d.ts` JSDoc, READMEs) speaks of the product, never of the
 * work that produced it: no "seed 002", no "issue 7". `tsx scripts/public-text.ts <file or
 * folder>...` exits 1 and lists each such mention; the contract's tests and the packages'
 * `test:package` steps run it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Names of the research notes and of the tracker: a reader of the package has neither. */
const INTERNAL_REFERENCES = [/\bseeds? 0\d\d\b/i, /\bissues? #?\d+/i]

/** One mention of an internal reference, with where it is. */
export interface InternalReference {
  file: string
  line: number
  text: string
}

/** The mentions of internal references in `text`, line by line. */
export function findInternalReferences(text: string, file = ''): InternalReference[] {
  return text
    .split('\n')
    .flatMap((content, index) =>
      INTERNAL_REFERENCES.some((pattern) => pattern.test(content))
        ? [{ file, line: index + 1, text: content.trim() }]
        : [],
    )
}

/** Every file under `path` that ends with one of `extensions` (a file is taken as it is). */
export function filesUnder(path: string, extensions: readonly string[]): string[] {
  if (!statSync(path).isDirectory()) return [path]
  return readdirSync(path, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules') return []
    const child = join(path, entry.name)
    if (entry.isDirectory()) return filesUnder(child, extensions)
    return extensions.some((extension) => entry.name.endsWith(extension)) ? [child] : []
  })
}

const PUBLISHED_EXTENSIONS = ['.ts', '.cts', '.mts', '.json', '.md']

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const paths = process.argv.slice(2)
  const found = paths
    .flatMap((path) => filesUnder(path, PUBLISHED_EXTENSIONS))
    .flatMap((file) => findInternalReferences(readFileSync(file, 'utf8'), relative(process.cwd(), file)))
  for (const { file, line, text } of found) console.error(`${file}:${line}: ${text}`)
  if (found.length > 0) {
    console.error(
      `${found.length} mention(s) of research notes or issues in published text: say it in product terms.`,
    )
    process.exit(1)
  }
  console.log(`Published text speaks of the product: ${paths.join(', ')}`)
}
