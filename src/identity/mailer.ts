import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Transporter } from 'nodemailer';

export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
  readonly describe: string;
}

/**
 * SMTP when OBHUT_SMTP_URL is set; otherwise each mail is written as an .eml file to an outbox
 * folder, so development and tests need no mail server.
 */
export function createMailer(options: { smtpUrl?: string; from: string; outbox: string }): Mailer {
  const { smtpUrl } = options;
  if (smtpUrl) {
    const transport = lazyTransport((nodemailer) => nodemailer.createTransport(smtpUrl));
    return {
      describe: 'SMTP (OBHUT_SMTP_URL)',
      async send(m) {
        await (await transport()).sendMail({ from: options.from, ...m });
      },
    };
  }
  const transport = lazyTransport((nodemailer) =>
    nodemailer.createTransport({ streamTransport: true, buffer: true }),
  );
  return {
    describe: `outbox folder ${options.outbox}`,
    async send(m) {
      const info = await (await transport()).sendMail({ from: options.from, ...m });
      await mkdir(options.outbox, { recursive: true, mode: 0o700 });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
      await writeFile(path.join(options.outbox, name), info.message as Buffer, { mode: 0o600 });
    },
  };
}

type Nodemailer = typeof import('nodemailer')['default'];

/**
 * The transport, made at the first mail: nodemailer is ~0.5 MB of code that `obhut serve` would
 * otherwise load at every start, though most starts send no mail before they stop (issue 13).
 */
function lazyTransport<T extends Transporter>(
  make: (nodemailer: Nodemailer) => T,
): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => {
    made ??= import('nodemailer').then((m) => make(m.default));
    return made;
  };
}
