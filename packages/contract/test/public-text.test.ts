import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createOpenApiDocument } from '../scripts/openapi-document'
import { filesUnder, findInternalReferences } from '../scripts/public-text'

const packageDir = fileURLToPath(new URL('..', import.meta.url))

// The build copies JSDoc into the published `.d.ts` and the endpoint table's strings into both the
// `.d.ts` (as literal types) and the OpenAPI document: checking the sources checks what ships,
// without depending on a build having run. `test:package` checks the built files as well.
describe('given the published text of the contract', () => {
  it('the OpenAPI document names no research note and no issue', () => {
    const text = JSON.stringify(createOpenApiDocument(), null, 2)
    expect(findInternalReferences(text, 'createOpenApiDocument()')).toEqual([])
  })

  it('the checked-in openapi.json names none either', () => {
    const file = `${packageDir}openapi.json`
    expect(findInternalReferences(readFileSync(file, 'utf8'), 'openapi.json')).toEqual([])
  })

  it('the sources (JSDoc, summaries, messages) and the README name none', () => {
    const files = [...filesUnder(`${packageDir}src`, ['.ts']), `${packageDir}README.md`]
    const found = files.flatMap((file) =>
      findInternalReferences(readFileSync(file, 'utf8'), file.slice(packageDir.length)),
    )
    expect(found).toEqual([])
  })

  it('catches the forms such a mention takes', () => {
    const samples = ['(seed 002)', "Seed 003's target group", 'seeds 003, 004', 'issue 7', 'Issue #12']
    for (const sample of samples) expect(findInternalReferences(sample), sample).toHaveLength(1)
    const product = ['seeded with the demo data', 'a validation issue is about', 'seedDemo()']
    for (const sample of product) expect(findInternalReferences(sample), sample).toEqual([])
  })
})
