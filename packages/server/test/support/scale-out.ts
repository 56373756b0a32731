import { type ChildProcess, spawn } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import { dirname, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { SMTPServer } from 'smtp-server'

const HERE = dirname(fileURLToPath(import.meta.url))

export interface SmtpInbox {
  url: string
  /** Every message received, by recipient. */
  received: Array<{ to: string[] }>
  /** How many messages each address received. */
  countsByRecipient(): Map<string, number>
  close(): Promise<void>
}

/** A real SMTP server on loopback that keeps the envelope of each message it receives. */
export async function startSmtpInbox(): Promise<SmtpInbox> {
  const received: Array<{ to: string[] }> = []
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      stream.on('data', () => {})
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address) })
        callback()
      })
    },
  })
  await new Promise<void>((done) => smtp.listen(0, '127.0.0.1', () => done()))
  return {
    url: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    received,
    countsByRecipient() {
      const counts = new Map<string, number>()
      for (const message of received) for (const to of message.to) counts.set(to, (counts.get(to) ?? 0) + 1)
      return counts
    },
    close: () => new Promise<void>((done) => smtp.close(() => done())),
  }
}

export interface Instance {
  url: string
  child: ChildProcess
  /** `started`, or `failed: …` with the reason its job engine did not start. */
  scheduler: string
}

/**
 * Starts `count` server processes (`instance.ts`) at the same moment on one database and resolves
 * once each serves. Their stderr is passed through, so a failed start says why.
 */
export async function startInstances(count: number, env: Record<string, string>): Promise<Instance[]> {
  const children = Array.from({ length: count }, () =>
    spawn(process.execPath, ['--import', 'tsx', resolve(HERE, 'instance.ts')], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    }),
  )
  try {
    return await Promise.all(
      children.map(async (child) => {
        const exited = new Promise<never>((_, reject) =>
          child.once('exit', (code) => reject(new Error(`an instance exited with ${code} before serving`))),
        )
        const ready = (async () => {
          for await (const line of createInterface({ input: child.stdout as NodeJS.ReadableStream })) {
            if (line.startsWith('{')) {
              const { url, scheduler } = JSON.parse(line) as { url: string; scheduler: string }
              return { url, scheduler, child }
            }
          }
          throw new Error('an instance closed its output before serving')
        })()
        return Promise.race([ready, exited])
      }),
    )
  } catch (error) {
    await stopInstances(children.map((child) => ({ url: '', scheduler: '', child })))
    throw error
  }
}

/** SIGTERM to each instance, then waits for it to end (SIGKILL after five seconds). */
export async function stopInstances(instances: readonly Instance[]): Promise<void> {
  await Promise.all(
    instances.map(
      ({ child }) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done()
          const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
          child.once('exit', () => {
            clearTimeout(timer)
            done()
          })
          child.kill('SIGTERM')
        }),
    ),
  )
}
