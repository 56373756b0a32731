import { createRequire } from 'node:module'
import { version } from 'react'
import { afterAll, afterEach, beforeAll, expect, vi } from 'vitest'

// A run on React 18 that passes while React warns (a prop it does not know, a ref it drops, a
// missing key) would hide exactly what hosts on React 18 would see: any console.error fails the test.
const calls: unknown[][] = []

beforeAll(() => {
  expect(version, 'this run must load React 18').toMatch(/^18\./)
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    calls.push(args)
  })
})

afterEach(() => {
  const logged = calls.splice(0)
  expect(
    logged.map((args) => args.map(String).join(' ')),
    'console.error during the test',
  ).toEqual([])
})

// A library that Node loaded past the aliases would bring React 19 in beside 18 (hooks then fail
// with a null dispatcher): name it, so the config's list can take it in.
afterAll(() => {
  const loaded = Object.keys(createRequire(import.meta.url).cache)
  expect(loaded.filter((file) => /[\\/]react(-dom)?@19/.test(file))).toEqual([])
})
