import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { SMTP_TIMEOUTS } from './outbox-timing.js';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  date: Date;
}

export interface DeliveryResult {
  /** The `.eml` file written, when no SMTP server is configured. */
  emlPath: string | null;
}

/** Where e-mails go: an SMTP server, or `.eml` files. */
export abstract class MailTransport {
  abstract send(mail: OutgoingMail): Promise<DeliveryResult>;
  abstract close(): void;
}

function nodemailerMessage(mail: OutgoingMail) {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    messageId: mail.messageId,
    date: mail.date,
    textEncoding: 'quoted-printable' as const,
  };
}

/**
 * Delivers through `SMTP_URL`; resolves only once the server accepted the message. A refusal
 * rejects with nodemailer's error, which carries the server's reply (`response`, `responseCode`).
 */
export class SmtpTransport extends MailTransport {
  private readonly transporter: Transporter;

  constructor(smtpUrl: string) {
    super();
    const url = new URL(smtpUrl);
    const secure = url.protocol === 'smtps:';
    this.transporter = nodemailer.createTransport({
      host: url.hostname,
      port: url.port ? Number(url.port) : secure ? 465 : 25,
      secure,
      auth: url.username
        ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
        : undefined,
      // Each wait is bounded, and far shorter than an outbox lease (see outbox-timing.ts).
      ...SMTP_TIMEOUTS,
      tls: { rejectUnauthorized: url.searchParams.get('tls') !== 'insecure' },
    });
  }

  async send(mail: OutgoingMail): Promise<DeliveryResult> {
    const info = await this.transporter.sendMail(nodemailerMessage(mail));
    if ((info.rejected ?? []).length > 0) {
      throw new Error(`destinataire refusé par le serveur SMTP : ${mail.to}`);
    }
    return { emlPath: null };
  }

  close(): void {
    this.transporter.close();
  }
}

/**
 * Writes each message as an `.eml` file. The file name comes from the Message-ID, so a message
 * written twice (after a crash) replaces its own file.
 */
export class EmlTransport extends MailTransport {
  private readonly transporter = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
  });

  constructor(private readonly dir: string) {
    super();
  }

  get directory(): string {
    return resolve(this.dir);
  }

  async send(mail: OutgoingMail): Promise<DeliveryResult> {
    const info = await this.transporter.sendMail(nodemailerMessage(mail));
    const message = info.message as Buffer;
    mkdirSync(this.directory, { recursive: true });
    const hash = createHash('sha256').update(mail.messageId).digest('hex').slice(0, 16);
    const day = mail.date.toISOString().slice(0, 10);
    const path = join(this.directory, `${day}-${hash}.eml`);
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, message);
    renameSync(temporary, path);
    return { emlPath: path };
  }

  close(): void {
    this.transporter.close();
  }
}
