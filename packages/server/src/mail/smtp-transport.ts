import nodemailer from 'nodemailer'
import type { MailTransport } from './mailer'

/**
 * SMTP through nodemailer. `url` is nodemailer's connection URL:
 * `smtp://user:pass@host:587`, `smtps://...:465`.
 */
export function smtpTransport(url: string): MailTransport & { close(): void } {
  const transporter = nodemailer.createTransport(url)
  return {
    async send(message) {
      await transporter.sendMail(message)
    },
    close: () => transporter.close(),
  }
}
