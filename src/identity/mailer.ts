import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
  readonly describe: string;
}

/**
 * SMTP when OBHUT_SMTP_URL is set; otherwise each mail is written as an .eml file to an outbox
 * folder, so development and tests need no mail server.
 */
export function createMailer(options: { smtpUrl?: string; from: string; outbox: string }): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      describe: 'SMTP (OBHUT_SMTP_URL)',
      async send(m) {
        await transport.sendMail({ from: options.from, ...m });
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return {
    describe: `outbox folder ${options.outbox}`,
    async send(m) {
      const info = await transport.sendMail({ from: options.from, ...m });
      await mkdir(options.outbox, { recursive: true, mode: 0o700 });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
      await writeFile(path.join(options.outbox, name), info.message as Buffer, { mode: 0o600 });
    },
  };
}
