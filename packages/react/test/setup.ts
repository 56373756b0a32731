import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'

// findBy*/waitFor wait on a real server over HTTP: 1 s (the default) is short on a loaded 2-core
// machine; a real failure still fails, only later.
configure({ asyncUtilTimeout: 5_000 })

afterEach(() => {
  cleanup()
})
