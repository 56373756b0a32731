export { AuditLog, type AuditLogProps } from './audit-log'
export { type AuditFilters, auditKeys, useAuditLog } from './use-audit-log'
export { UserHistory, type UserHistoryProps } from './user-history'
