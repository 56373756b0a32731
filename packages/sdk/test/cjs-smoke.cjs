// The CommonJS entry must load with plain require() (ky is ESM-only, so the CJS build bundles it).
const assert = require('node:assert')
const sdk = require('@usher/sdk')
assert.equal(typeof sdk.createUsherClient, 'function')
const client = sdk.createUsherClient({ baseUrl: 'http://127.0.0.1:1' })
assert.equal(typeof client.users.list, 'function')
console.log('CJS entry loads: ok')
