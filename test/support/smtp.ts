import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message the test SMTP server accepted, with the headers and text part decoded. */
export interface ReceivedMail {
  raw: string;
  from: string;
  to: string[];
  headers: Map<string, string>;
  subject: string;
  messageId: string;
  date: string;
  text: string;
  html: string;
}

export interface TestSmtpServer {
  port: number;
  url: string;
  messages: ReceivedMail[];
  /** Delay before the server answers DATA (to catch a client in the middle of a pass). */
  delayMs: number;
  /** Addresses refused at RCPT TO with a permanent `550` reply. */
  refused: Set<string>;
  /** Every RCPT TO the server was given, accepted or not, in order. */
  recipients: string[];
  /** Stops listening (connections are refused) until `restart()`. */
  stop(): Promise<void>;
  restart(): Promise<void>;
  close(): Promise<void>;
  waitFor(count: number, timeoutMs?: number): Promise<void>;
}

function decodeQuotedPrintable(input: string): Buffer {
  const bytes: number[] = [];
  const text = input.replace(/=\r?\n/g, '');
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i], 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

/** Decodes RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=). */
export function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(
      /=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g,
      (_m, _charset: string, enc: string, data: string) =>
        enc.toUpperCase() === 'B'
          ? Buffer.from(data, 'base64').toString('utf8')
          : decodeQuotedPrintable(data.replace(/_/g, ' ')).toString('utf8'),
    );
}

function splitHeaders(part: string): { headers: Map<string, string>; body: string } {
  const index = part.search(/\r?\n\r?\n/);
  const head = index < 0 ? part : part.slice(0, index);
  const body = index < 0 ? '' : part.slice(index).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeBody(headers: Map<string, string>, body: string): string {
  const encoding = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body).toString('utf8');
  if (encoding === 'base64')
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

/** The decoded text/plain and text/html parts of a raw message. */
export function parseMail(raw: string): Omit<ReceivedMail, 'from' | 'to' | 'raw'> {
  const { headers, body } = splitHeaders(raw);
  const parts: { type: string; content: string }[] = [];
  const collect = (h: Map<string, string>, b: string) => {
    const type = h.get('content-type') ?? 'text/plain';
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
    if (type.toLowerCase().startsWith('multipart/') && boundary) {
      for (const piece of b.split(`--${boundary}`).slice(1)) {
        if (piece.startsWith('--')) break;
        const sub = splitHeaders(piece.replace(/^\r?\n/, ''));
        collect(sub.headers, sub.body);
      }
    } else {
      parts.push({ type: type.toLowerCase(), content: decodeBody(h, b) });
    }
  };
  collect(headers, body);
  return {
    headers,
    subject: decodeHeader(headers.get('subject') ?? ''),
    messageId: headers.get('message-id') ?? '',
    date: headers.get('date') ?? '',
    text: parts.find((p) => p.type.startsWith('text/plain'))?.content ?? '',
    html: parts.find((p) => p.type.startsWith('text/html'))?.content ?? '',
  };
}

function listen(server: SMTPServer, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.server.address() as AddressInfo).port);
    });
  });
}

/** Starts an SMTP server on 127.0.0.1 (random port) that keeps what it accepts. */
export async function startSmtpServer(
  options: { delayMs?: number; refused?: string[] } = {},
): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  const recipients: string[] = [];
  const refused = new Set((options.refused ?? []).map((address) => address.toLowerCase()));
  const state = { delayMs: options.delayMs ?? 0 };
  const make = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address, _session, callback) {
        recipients.push(address.address);
        if (!refused.has(address.address.toLowerCase())) return callback();
        const error: Error & { responseCode?: number } = new Error(
          `5.1.1 <${address.address}>: boîte aux lettres inconnue`,
        );
        error.responseCode = 550;
        callback(error);
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const accept = () => {
            messages.push({
              raw,
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              ...parseMail(raw),
            });
            callback();
          };
          if (state.delayMs > 0) setTimeout(accept, state.delayMs);
          else accept();
        });
      },
    });
  let server = make();
  const port = await listen(server, 0);
  const closeServer = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    refused,
    recipients,
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms: number) {
      state.delayMs = ms;
    },
    stop: closeServer,
    async restart() {
      server = make();
      await listen(server, port);
    },
    close: closeServer,
    async waitFor(count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) {
          throw new Error(`SMTP : ${messages.length} message(s) reçu(s), ${count} attendu(s)`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}
