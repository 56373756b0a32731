export { InviteForm, type InviteFormProps } from './invite-form'
export { dedupeEntries, type PastedEntry, parseAddressList, splitDisplayName } from './parse-address-list'
