/** Reading the PDFs under test: text per page with pdfjs-dist, and Chromium's processes. */
import { readdirSync, readFileSync } from 'node:fs';

export interface PdfText {
  numPages: number;
  /** The text of each page, its items joined by spaces. */
  pages: string[];
  /** All pages, joined. */
  text: string;
  /** The names of the fonts embedded in the file. */
  fonts: string[];
}

/** The text of a PDF; throws when the bytes are not a PDF. */
export async function pdfText(bytes: Buffer): Promise<PdfText> {
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
    throw new Error(`not a PDF: ${bytes.subarray(0, 40).toString('latin1')}`);
  }
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' ')
        .normalize('NFC'),
    );
  }
  const numPages = doc.numPages;
  await doc.destroy();
  const fonts = [...bytes.toString('latin1').matchAll(/\/FontName\s*\/([^\s/<>[\]()]+)/g)].map(
    (m) => m[1],
  );
  return { numPages, pages, text: pages.join('\n'), fonts };
}

export interface ProcessInfo {
  pid: number;
  ppid: number;
  pgid: number;
  state: string;
  command: string;
}

/** Every process of the machine, from /proc. */
export function processes(): ProcessInfo[] {
  const list: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid pgrp …: comm may hold spaces and parentheses.
      const close = stat.lastIndexOf(')');
      const command = stat.slice(stat.indexOf('(') + 1, close);
      const [state, ppid, pgid] = stat
        .slice(close + 2)
        .split(' ')
        .slice(0, 3);
      list.push({ pid: Number(entry), ppid: Number(ppid), pgid: Number(pgid), state, command });
    } catch {
      // the process ended while we read
    }
  }
  return list;
}

/**
 * The processes started by this test process: its descendants, and whatever is left of the
 * process groups of the browsers it launched (children re-parented after their browser died).
 */
export function spawnedProcesses(browserPids: readonly number[] = []): ProcessInfo[] {
  const all = processes();
  const groups = new Set(browserPids);
  const mine = new Set<number>([process.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of all) {
      if (!mine.has(p.pid) && mine.has(p.ppid)) {
        mine.add(p.pid);
        grew = true;
      }
    }
  }
  return all.filter((p) => p.pid !== process.pid && (mine.has(p.pid) || groups.has(p.pgid)));
}
