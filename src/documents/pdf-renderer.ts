/**
 * HTML → PDF with headless Chromium: one shared browser (launched lazily, or a remote one), a small
 * pool of reused pages behind a waiting line (single documents before the next document of a pack,
 * packs in turn, abandoned documents dropped), JavaScript off and every request aborted except
 * `data:` and `about:blank`. The browser is replaced every `recycleAfter` documents and after a
 * crash.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import puppeteer, {
  type Browser,
  type BrowserContext,
  type Page,
  type PDFOptions,
} from 'puppeteer-core';
import type { AppConfig } from '../config/app-config.js';
import { RenderQueue, type RenderOrder } from './render-queue.js';

export const PDF_RENDERER_OPTIONS = Symbol('PDF_RENDERER_OPTIONS');

export interface PdfRendererOptions {
  /** Local Chromium, launched on the first document. */
  executablePath: string;
  /** A remote Chromium (`ws://…`) used instead of launching one. */
  wsEndpoint: string | null;
  /** Documents rendered at once, each on its own page. */
  concurrency: number;
  /**
   * Pack (ZIP) documents rendered at once, at most: the other pages stay free for documents
   * asked for on their own. Between 1 and `concurrency`.
   */
  packConcurrency: number;
  /** A browser is replaced once it has rendered this many documents. */
  recycleAfter: number;
  /** Longest wait for the browser to start and for one document. */
  timeoutMs: number;
}

export function pdfRendererOptions(
  config: Pick<AppConfig, 'chromiumPath' | 'chromiumWsEndpoint'>,
  overrides: Partial<PdfRendererOptions> = {},
): PdfRendererOptions {
  return {
    executablePath: config.chromiumPath,
    wsEndpoint: config.chromiumWsEndpoint,
    concurrency: 3,
    packConcurrency: 2,
    recycleAfter: 300,
    timeoutMs: 30_000,
    ...overrides,
  };
}

/** Chromium flags: no sandbox (containers), GPU or background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--mute-audio',
  '--hide-scrollbars',
];

/** Deny by default: a page may only load inline `data:` resources and `about:blank`. */
export function isAllowedRequest(url: string): boolean {
  return url === 'about:blank' || /^data:/i.test(url);
}

export interface PdfDocument {
  html: string;
  /** Chromium's footer template (`pageNumber`, `totalPages` classes); rendered without network. */
  footerHtml: string;
  /**
   * Part of a document only, put together with pdf-lib (see pdf-split.ts): `body`, its pages
   * without the footer (`footerHtml` unused), untagged; `footers`, transparent borderless pages whose HTML draws the footers. The whole
   * document when absent.
   */
  layer?: 'body' | 'footers';
  /** The whole document without its tagging (a pack's: about half the cost of a tagged one). */
  untagged?: boolean;
}

/** Chromium's print options for a document or one of its layers. */
export function printOptions(document: PdfDocument): PDFOptions {
  const base: PDFOptions = { format: 'A4', printBackground: true };
  switch (document.layer) {
    case 'body':
      return { ...base, margin: A4_MARGINS, tagged: false };
    case 'footers':
      return { ...base, margin: NO_MARGINS, tagged: false, omitBackground: true };
    default:
      return {
        ...base,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: document.footerHtml,
        margin: A4_MARGINS,
        ...(document.untagged ? { tagged: false } : {}),
      };
  }
}

/** The browser could not be started, or failed while rendering. */
export class PdfRendererError extends Error {}

class BrowserLostError extends PdfRendererError {}

const A4_MARGINS = { top: '14mm', bottom: '18mm', left: '15mm', right: '15mm' };
const NO_MARGINS = { top: '0', bottom: '0', left: '0', right: '0' };
const CLOSE_TIMEOUT_MS = 5_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`délai de ${ms} ms dépassé`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One browser (local or remote) with its pool of configured pages. */
class BrowserInstance {
  rendered = 0;
  active = 0;
  retired = false;
  private readonly idle: Page[] = [];
  private disposing: Promise<void> | null = null;

  private constructor(
    private readonly browser: Browser,
    private readonly context: BrowserContext,
    private readonly userDataDir: string | null,
  ) {}

  static async start(options: PdfRendererOptions): Promise<BrowserInstance> {
    const protocolTimeout = options.timeoutMs * 2;
    if (options.wsEndpoint) {
      const browser = await puppeteer.connect({
        browserWSEndpoint: options.wsEndpoint,
        protocolTimeout,
      });
      return new BrowserInstance(browser, await browser.createBrowserContext(), null);
    }
    const userDataDir = await mkdtemp(join(tmpdir(), 'jalon-chromium-'));
    try {
      const browser = await puppeteer.launch({
        executablePath: options.executablePath,
        headless: true,
        pipe: true,
        userDataDir,
        args: CHROMIUM_ARGS,
        timeout: options.timeoutMs,
        protocolTimeout,
        // The application closes the browser itself on shutdown (onModuleDestroy).
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
      return new BrowserInstance(browser, browser.defaultBrowserContext(), userDataDir);
    } catch (error) {
      await rm(userDataDir, { recursive: true, force: true });
      throw error;
    }
  }

  /** The local browser's process id (its process group too); null for a remote browser. */
  get pid(): number | null {
    return this.browser.process()?.pid ?? null;
  }

  get connected(): boolean {
    return this.browser.connected;
  }

  onDisconnected(listener: () => void): void {
    this.browser.once('disconnected', listener);
  }

  async page(): Promise<Page> {
    const idle = this.idle.pop();
    if (idle) return idle;
    const page = await this.context.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const decision = isAllowedRequest(request.url())
        ? request.continue()
        : request.abort('blockedbyclient');
      decision.catch(() => undefined);
    });
    return page;
  }

  release(page: Page): void {
    this.idle.push(page);
  }

  discard(page: Page): void {
    page.close().catch(() => undefined);
  }

  /** Closes the browser (or disconnects from a remote one) and removes its profile; idempotent. */
  dispose(): Promise<void> {
    this.disposing ??= this.close();
    return this.disposing;
  }

  private async close(): Promise<void> {
    this.retired = true;
    if (this.userDataDir === null) {
      await withTimeout(this.context.close(), CLOSE_TIMEOUT_MS).catch(() => undefined);
      await this.browser.disconnect().catch(() => undefined);
      return;
    }
    const child = this.browser.process();
    await withTimeout(this.browser.close(), CLOSE_TIMEOUT_MS).catch(() => undefined);
    if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      // Launched detached, Chromium leads its own process group: end all of it.
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await rm(this.userDataDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

export interface PdfRendererStats {
  /** Browsers started (or connected to) so far. */
  launches: number;
  /** Documents rendered successfully. */
  rendered: number;
  /** Browsers lost unexpectedly (crash, killed, remote disconnected). */
  crashes: number;
  /** Browsers currently open. */
  open: number;
  /** Process ids of the local browsers launched so far (the latest 1,000). */
  pids: number[];
  /** Documents being rendered now. */
  running: number;
  /** Documents waiting for a page. */
  queued: number;
}

@Injectable()
export class PdfRenderer implements OnModuleDestroy {
  private readonly logger = new Logger(PdfRenderer.name);
  private readonly queue: RenderQueue;
  private current: Promise<BrowserInstance> | null = null;
  private readonly open = new Set<BrowserInstance>();
  private readonly closing = new Set<Promise<void>>();
  private closed = false;
  private readonly counts = { launches: 0, rendered: 0, crashes: 0 };
  private readonly pids: number[] = [];

  constructor(@Inject(PDF_RENDERER_OPTIONS) private readonly options: PdfRendererOptions) {
    this.queue = new RenderQueue(options.concurrency, {
      packPlaces: Math.min(options.packConcurrency, options.concurrency),
    });
  }

  /**
   * An A4 PDF of the document, when its turn comes (`order`: its lane, its pack, the signal that
   * abandons it). Throws a PdfRendererError when Chromium is unavailable, a RenderCancelledError
   * when the signal aborts before the document is on a page.
   */
  render(document: PdfDocument, order?: RenderOrder): Promise<Buffer> {
    return this.queue.run(async () => {
      try {
        return await this.renderOnce(document);
      } catch (error) {
        // The browser died under this document: once more on a fresh one.
        if (!(error instanceof BrowserLostError) || this.closed) throw error;
        return this.renderOnce(document);
      }
    }, order);
  }

  stats(): PdfRendererStats {
    return {
      ...this.counts,
      open: this.open.size,
      pids: [...this.pids],
      running: this.queue.running,
      queued: this.queue.queued,
    };
  }

  /** Closes every browser; later renders fail. */
  async close(): Promise<void> {
    this.closed = true;
    const launching = this.current;
    this.current = null;
    await launching?.catch(() => undefined);
    for (const instance of this.open) this.dispose(instance);
    await Promise.all([...this.closing]);
  }

  onModuleDestroy(): Promise<void> {
    return this.close();
  }

  private async renderOnce(document: PdfDocument): Promise<Buffer> {
    const instance = await this.instance();
    instance.active++;
    let page: Page | null = null;
    try {
      page = await instance.page();
      await page.setContent(document.html, { waitUntil: 'load', timeout: this.options.timeoutMs });
      const pdf = await page.pdf({ ...printOptions(document), timeout: this.options.timeoutMs });
      instance.release(page);
      this.counts.rendered++;
      return Buffer.from(pdf);
    } catch (error) {
      if (page) instance.discard(page);
      if (!instance.connected) {
        instance.retired = true;
        throw new BrowserLostError(`Chromium s'est arrêté pendant le rendu : ${reason(error)}`);
      }
      throw new PdfRendererError(`Échec du rendu PDF : ${reason(error)}`, { cause: error });
    } finally {
      instance.active--;
      instance.rendered++;
      if (instance.rendered >= this.options.recycleAfter) instance.retired = true;
      if (instance.retired && instance.active === 0) this.dispose(instance);
    }
  }

  /** The browser in service, started when there is none or the last one was retired. */
  private async instance(): Promise<BrowserInstance> {
    for (;;) {
      if (this.closed) throw new PdfRendererError('Le générateur de PDF est arrêté.');
      if (this.current === null) {
        const starting = this.start();
        this.current = starting;
        starting.catch(() => {
          if (this.current === starting) this.current = null;
        });
      }
      const launching = this.current;
      const instance = await launching;
      if (!instance.retired) return instance;
      if (this.current === launching) this.current = null;
    }
  }

  private async start(): Promise<BrowserInstance> {
    let instance: BrowserInstance;
    try {
      instance = await BrowserInstance.start(this.options);
    } catch (error) {
      this.logger.error(`Chromium indisponible : ${reason(error)}`);
      throw new PdfRendererError(`Chromium n'a pas pu démarrer : ${reason(error)}`, {
        cause: error,
      });
    }
    this.counts.launches++;
    if (instance.pid !== null) {
      this.pids.push(instance.pid);
      if (this.pids.length > 1000) this.pids.shift();
    }
    this.open.add(instance);
    instance.onDisconnected(() => {
      if (!this.open.has(instance)) return; // closed on purpose
      this.counts.crashes++;
      this.logger.warn('Chromium s’est arrêté : un nouveau navigateur sera lancé au besoin.');
      instance.retired = true;
      if (instance.active === 0) this.dispose(instance);
    });
    return instance;
  }

  private dispose(instance: BrowserInstance): void {
    if (!this.open.delete(instance)) return;
    const closing = instance.dispose();
    this.closing.add(closing);
    void closing.finally(() => this.closing.delete(closing));
  }
}
