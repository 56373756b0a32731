import type { Call } from '../core/call'
import type { UsherClient } from '../types/usher-client'

/** `client.auth`: the built-in sign-in, password reset and password change. */
export function authResource(call: Call): UsherClient['auth'] {
  return {
    login: (body, o) => call('login', { body }, o),
    requestPasswordReset: (body, o) => call('requestPasswordReset', { body }, o),
    lookupPasswordReset: (token, o) => call('lookupPasswordReset', { query: { token } }, o),
    confirmPasswordReset: (body, o) => call('confirmPasswordReset', { body }, o),
    changePassword: (body, o) => call('changePassword', { body }, o),
    switchOrganization: (body, o) => call('switchOrganization', { body }, o),
  }
}
