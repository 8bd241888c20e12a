/**
 * Issue 16 — the whole document pack fast: each kind rendered once and split per person. The pack
 * of a 30-candidate session holds one valid PDF per person per kind, each with that person's name
 * and no one else's, the same text as the document asked for on its own (2-page persons too), and
 * its progress can be followed from 0 to the total, by the caller only.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { unzipSync } from 'fflate';
import type request from 'supertest';
import {
  axeViolations,
  collectConsoleErrors,
  launchBrowser,
  screenshot,
  serve,
} from './support/browser.js';
import { aCandidate, aCentre, aSession, aTitre, aUser } from './support/factories.js';
import { pdfText } from './support/pdf.js';
import {
  ADMIN,
  describeOnce,
  startTestApp,
  type Client,
  type TestApp,
} from './support/test-app.js';

function binary(res: request.Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

const CANDIDATES = 30;
/** Distinct names, none inside another: « Dupont-Aa », « Dupont-Ab »… */
const lastName = (i: number) =>
  `Dupont-${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}`;
/** Two candidates whose convocation takes two pages (a long accommodation). */
const LONG = new Set([3, 17]);
const LONG_TEXT = Array.from(
  { length: 30 },
  (_, i) => `Ligne ${i + 1} : tiers-temps, salle au rez-de-chaussée, pauses.`,
).join('\n');

const words = (text: string) => text.split(/\s+/).filter(Boolean).sort();

describeOnce('documents: the whole pack, rendered once per kind and split per person', () => {
  let t: TestApp;
  let manager: Client;
  let viewer: Client;
  let otherManager: Client;
  let sessionId: string;
  const candidateIds: string[] = [];
  let dir: string;
  let managerLogin: { email: string; password: string };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jalon-pack-'));
    t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
    const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const titre = await aTitre(admin);
    const { centre, site } = await aCentre(admin);
    const other = await aCentre(admin, { name: 'Centre Berthe Morisot' });
    const session = await aSession(admin, {
      centreId: String(centre.id),
      siteId: String(site.id),
      titreId: String(titre.id),
    });
    sessionId = String(session.id);
    for (let i = 0; i < CANDIDATES; i++) {
      const c = await aCandidate(admin, sessionId, {
        lastName: lastName(i),
        firstName: 'Éloïse',
        ...(LONG.has(i) ? { accommodationRequested: true, accommodationDetails: LONG_TEXT } : {}),
      });
      candidateIds.push(String(c.id));
    }
    const m = await aUser(admin, 'manager', [String(centre.id)]);
    managerLogin = m;
    manager = t.as(await t.login(m.email, m.password));
    const v = await aUser(admin, 'viewer', [String(centre.id)]);
    viewer = t.as(await t.login(v.email, v.password));
    const o = await aUser(admin, 'manager', [String(other.centre.id)]);
    otherManager = t.as(await t.login(o.email, o.password));
  }, 120_000);

  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const base = () => `/api/sessions/${sessionId}`;

  it('holds one valid PDF per person per kind, each with its person alone, and reports its progress from 0 to the total', async () => {
    const token = '0b6b2f9e-3c1a-4d2e-9f00-1234567890ab';
    const progressUrl = `${base()}/documents/pack-progress/${token}`;
    expect((await manager.get(progressUrl)).body).toEqual({ state: 'pending', done: 0, total: 0 });
    const seen: { state: string; done: number; total: number }[] = [];
    let finished = false;
    const polling = (async () => {
      while (!finished) {
        const res = await manager.get(progressUrl);
        expect(res.status).toBe(200);
        expect(res.headers['cache-control']).toContain('no-store');
        seen.push(res.body as { state: string; done: number; total: number });
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    // A split that fails falls back to one rendering per person and says so in the log: the
    // 30-candidate pack must split every kind (a template change that breaks the markers fails here).
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const res = await manager
      .get(`${base()}/documents/documents.zip?progress=${token}`)
      .buffer(true)
      .parse(binary);
    finished = true;
    await polling;
    const fallbacks = warn.mock.calls.filter(([message]) =>
      String(message).startsWith('Découpage impossible'),
    );
    warn.mockRestore();
    expect(res.status).toBe(200);
    expect(fallbacks).toEqual([]);
    const total = 9 + 2 * CANDIDATES;
    const last = (await manager.get(progressUrl)).body as { state: string; done: number };
    expect(last).toEqual({ state: 'done', done: total, total });
    const running = seen.filter((p) => p.state === 'running');
    expect(running.length).toBeGreaterThan(0);
    for (let i = 1; i < running.length; i++) {
      expect(running[i].done).toBeGreaterThanOrEqual(running[i - 1].done);
    }
    for (const p of running) expect(p.total === 0 || p.total === total).toBe(true);

    const files = unzipSync(new Uint8Array(res.body as Buffer));
    expect(Object.keys(files)).toHaveLength(total);
    const names = Array.from({ length: CANDIDATES }, (_, i) => lastName(i).toUpperCase());
    for (const [folder, what] of [
      ['convocations', 'convocation'],
      ['pv-individuels', 'pv-individuel'],
    ] as const) {
      for (let i = 0; i < CANDIDATES; i++) {
        const path = Object.keys(files).find((p) =>
          p.startsWith(`${folder}/${what}_${lastName(i).toLowerCase()}-`),
        );
        expect(path).toBeDefined();
        const file = join(dir, `${folder}-${i}.pdf`);
        writeFileSync(file, files[path ?? '']);
        // qpdf --check exits non-zero on a damaged file.
        expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain(
          'No syntax or stream encoding errors',
        );
        const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
        const upper = text.toUpperCase();
        const own = names[i];
        expect(upper).toContain(own);
        for (const name of names) if (name !== own) expect(upper).not.toContain(name);
        const pages = execFileSync('qpdf', ['--show-npages', file], { encoding: 'utf8' }).trim();
        if (folder === 'convocations') expect(pages).toBe(LONG.has(i) ? '2' : '1');
        expect(text).toContain(`Page ${pages} / ${pages}`);
        if (pages === '2') expect(text).toContain('Page 1 / 2');
      }
    }
  }, 180_000);

  it('gives each person the same text as the document asked for on its own, 2-page persons included', async () => {
    const res = await manager.get(`${base()}/documents/documents.zip`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(res.body as Buffer));
    for (const i of [0, 3, 17]) {
      for (const [url, prefix] of [
        [`${base()}/candidates/${candidateIds[i]}/convocation.pdf`, 'convocations/convocation_'],
        [`${base()}/candidates/${candidateIds[i]}/pv.pdf`, 'pv-individuels/pv-individuel_'],
      ]) {
        const single = await pdfText(
          (await manager.get(url).buffer(true).parse(binary)).body as Buffer,
        );
        const path = Object.keys(files).find((p) =>
          p.startsWith(`${prefix}${lastName(i).toLowerCase()}-`),
        );
        const fromPack = await pdfText(Buffer.from(files[path ?? '']));
        expect(fromPack.numPages).toBe(single.numPages);
        if (prefix.startsWith('convocations/')) {
          expect(fromPack.numPages).toBe(LONG.has(i) ? 2 : 1);
        }
        for (let p = 0; p < single.numPages; p++) {
          expect(words(fromPack.pages[p])).toEqual(words(single.pages[p]));
        }
      }
    }
    // The whole convocations document too: numbered over all its pages.
    const whole = await pdfText(
      (await manager.get(`${base()}/documents/convocations.pdf`).buffer(true).parse(binary))
        .body as Buffer,
    );
    const packed = await pdfText(
      Buffer.from(
        files[Object.keys(files).find((p) => p.startsWith('convocations-candidats_')) ?? ''],
      ),
    );
    expect(packed.numPages).toBe(whole.numPages);
    expect(packed.numPages).toBe(CANDIDATES + LONG.size);
    expect(words(packed.text)).toEqual(words(whole.text));
  }, 180_000);

  it('shows a pack’s progress to its caller only, within the caller’s centres', async () => {
    const token = '7d3c9a10-2b4e-4f6a-8c1d-abcdefabcdef';
    const zip = await manager
      .get(`${base()}/documents/documents.zip?progress=${token}`)
      .buffer(true)
      .parse(binary);
    expect(zip.status).toBe(200);
    const url = `${base()}/documents/pack-progress/${token}`;
    expect((await manager.get(url)).body).toMatchObject({ state: 'done' });
    // Another user of the same centre does not see it under the same token.
    expect((await viewer.get(url)).body).toEqual({ state: 'pending', done: 0, total: 0 });
    const foreign = await otherManager.get(url);
    expect(foreign.status).toBe(404);
    expect(foreign.body.message).toBe('Session introuvable.');
    const bad = await manager.get(`${base()}/documents/pack-progress/pas-un-uuid`);
    expect(bad.status).toBe(400);
    const badZip = await manager.get(`${base()}/documents/documents.zip?progress=pas-un-uuid`);
    expect(badZip.status).toBe(400);
    expect(badZip.body.message).toBe(
      'Le paramètre « progress » doit être un identifiant valide (UUID).',
    );
  }, 120_000);

  it('follows the pack’s preparation on the documents page, under the CSP, up to « 69 / 69 documents »', async () => {
    const base = await serve(t.app);
    const tb = await launchBrowser();
    try {
      const page = await tb.browser.newPage();
      const errors = collectConsoleErrors(page);
      const downloads = join(dir, 'downloads');
      const cdp = await page.createCDPSession();
      await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
      await page.goto(`${base}/login`);
      await page.type('#email', managerLogin.email);
      await page.type('#password', managerLogin.password);
      await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
      await page.goto(`${base}/sessions/${sessionId}/documents`);
      expect(await page.$eval('#pack-progress', (e) => e.hasAttribute('hidden'))).toBe(true);
      const polled: string[] = [];
      page.on('response', (r) => {
        if (r.url().includes('/documents/pack-progress/')) polled.push(r.url());
      });
      await page.click('a[data-pack]');
      await page.waitForSelector('#pack-progress[data-state="done"]', { timeout: 120_000 });
      const status = await page.$eval('#pack-progress', (e) => e.textContent ?? '');
      expect(status).toBe(
        `Archive prête : ${9 + 2 * CANDIDATES} / ${9 + 2 * CANDIDATES} documents.`,
      );
      expect(polled.length).toBeGreaterThan(0);
      expect(await page.$eval('a[data-pack]', (a) => a.getAttribute('href'))).toMatch(
        /documents\.zip\?progress=[0-9a-f-]{36}$/,
      );
      expect(await axeViolations(page)).toEqual([]);
      await page.setViewport({ width: 1366, height: 900 });
      await screenshot(page, 'pack-progress-1366');
      await page.setViewport({ width: 768, height: 900 });
      await screenshot(page, 'pack-progress-768');
      expect(errors).toEqual([]);
    } finally {
      await tb.close();
    }
  }, 180_000);
});
