import { createUsherServer, type UsherServer } from '@usher/server'

// One server (one database pool) per process, also across hot reloads in development.
const cache = globalThis as typeof globalThis & { usher?: UsherServer }
cache.usher ??= createUsherServer({ auth: { secret: process.env.USHER_JWT_SECRET } })
export const usher = cache.usher
