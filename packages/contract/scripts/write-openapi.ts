/** Writes `openapi.json` from the contract: `pnpm --filter @usher/contract openapi`. */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createOpenApiDocument } from './openapi-document'

const file = fileURLToPath(new URL('../openapi.json', import.meta.url))
const doc = createOpenApiDocument()
const json = `${JSON.stringify(doc, null, 2)}\n`
writeFileSync(file, json)

const operations = Object.values(doc.paths ?? {}).reduce((n, item) => n + Object.keys(item).length, 0)
console.log(`Wrote ${file}: ${operations} operations, ${(json.length / 1024).toFixed(1)} KiB`)
