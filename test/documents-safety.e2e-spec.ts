import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { unzipSync } from 'fflate';
import request from 'supertest';
import {
  PdfRenderer,
  pdfRendererOptions,
  type PdfRendererOptions,
} from '../src/documents/pdf-renderer.js';
import { aCandidate, aCentre, aSession, aTitre, aUser } from './support/factories.js';
import { pdfText, spawnedProcesses } from './support/pdf.js';
import { ADMIN, startTestApp, testDbKind, type Client, type TestApp } from './support/test-app.js';

type Body = Record<string, unknown>;

const PASSWD_LINE = /root:x?:0:0/;

/** supertest: the body as a Buffer, whatever the content type. */
function binary(res: request.Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** An HTTP listener that records every request it receives. */
async function listener(
  host: string,
): Promise<{ server: Server; port: number; hits: string[] } | null> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method ?? ''} ${req.url ?? ''}`);
    res.writeHead(200, { 'Content-Type': 'text/plain' }).end('root:x:0:0:fetched');
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, host, resolve);
    });
  } catch {
    return null; // e.g. no IPv6 loopback on this machine
  }
  return { server, port: (server.address() as AddressInfo).port, hits };
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

async function waitFor(check: () => boolean, ms = 10_000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

describe('documents: renderer safety, failure and robustness', () => {
  let v4: NonNullable<Awaited<ReturnType<typeof listener>>>;
  let v6: Awaited<ReturnType<typeof listener>>;
  let payloads: string[];

  beforeAll(async () => {
    const found = await listener('127.0.0.1');
    if (!found) throw new Error('no loopback listener');
    v4 = found;
    v6 = await listener('::1');
    const p = v4.port;
    const p6 = v6?.port ?? p;
    payloads = [
      `<img src=http://127.0.0.1:${p}/img>`,
      `<iframe src=file:///etc/passwd></iframe>`,
      `<iframe src=FILE:///etc/passwd>`,
      `<object data=FiLe:///etc/passwd>`,
      `<link rel=stylesheet href=http://127.0.0.1:${p}/css>`,
      `<style>@import url(http://127.0.0.1:${p}/import);</style>`,
      `<div style="background:url(http://127.0.0.1:${p}/bg)">`,
      `<style>@font-face{font-family:x;src:url(http://127.0.0.1:${p}/font)}</style>`,
      `<meta http-equiv=refresh content="0;url=http://127.0.0.1:${p}/refresh">`,
      `<a href=http://169.254.169.254/latest/meta-data/>meta</a>`,
      `<img src=http://[::1]:${p6}/v6>`,
      `<script>fetch('http://127.0.0.1:${p}/js')</script>`,
      `<svg><image href=http://127.0.0.1:${p}/svg /></svg>`,
    ];
  });

  afterAll(async () => {
    await new Promise((r) => v4.server.close(r));
    if (v6) await new Promise((r) => v6?.server.close(r));
  });

  const hits = () => [...v4.hits, ...(v6?.hits ?? [])];

  describe('through the API', () => {
    let t: TestApp;
    let manager: Client;
    let sessionId: string;

    beforeAll(async () => {
      t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
      const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
      const { centre, site } = await aCentre(admin, { name: payloads[0] });
      const titre = await aTitre(admin);
      const m = await aUser(admin, 'manager', [String(centre.id)]);
      manager = t.as(await t.login(m.email, m.password));
      const session = await aSession(
        manager,
        { centreId: String(centre.id), siteId: String(site.id), titreId: String(titre.id) },
        { location: payloads[8] },
      );
      sessionId = String(session.id);
      const candidates: Body[] = [];
      for (const [index, payload] of payloads.entries()) {
        candidates.push(
          await aCandidate(manager, sessionId, {
            lastName: payload.slice(0, 100),
            firstName: `Candidat ${index + 1}`,
            address: payloads[(index + 1) % payloads.length],
          }),
        );
      }
      const member = await manager.post('/api/jury-members', {
        centreId: String(centre.id),
        lastName: payloads[5],
        firstName: 'Juré',
        email: 'jure@jury.test',
        employer: payloads[7],
        habilitations: [{ titreId: String(titre.id), validUntil: '2028-12-31' }],
      });
      expect(member.status).toBe(201);
      const assigned = await manager.post(`/api/sessions/${sessionId}/jury`, {
        juryMemberId: String((member.body as Body).id),
        role: 'JURY',
      });
      expect(assigned.status).toBe(201);
      const tasks = (await manager.get(`/api/sessions/${sessionId}/tasks`)).body as Body[];
      let ticked = false;
      for (const task of tasks) {
        const res = await manager.patch(`/api/sessions/${sessionId}/tasks/${String(task.id)}`, {
          status: 'done',
          doneAt: '2027-02-27',
          observations: payloads.join('\n'),
          version: task.version,
        });
        if (res.status === 200) {
          ticked = true;
          break;
        }
      }
      expect(ticked).toBe(true);
      t.clock.set('2027-06-15T15:00:00Z');
      manager = t.as(await t.login(m.email, m.password));
      for (const kind of ['INCIDENT', 'FRAUD']) {
        const res = await manager.post(`/api/sessions/${sessionId}/incidents`, {
          kind,
          candidateId: String(candidates[1].id),
          occurredOn: '2027-06-14',
          description: payloads.join('\n'),
          measures: payloads.slice().reverse().join(' '),
        });
        expect(res.status).toBe(201);
      }
    }, 60_000);

    afterAll(async () => {
      await t.close();
    });

    it('prints user data as text and fetches nothing, in every document of the session', async () => {
      const res = await manager
        .get(`/api/sessions/${sessionId}/documents/documents.zip`)
        .buffer(true)
        .parse(binary);
      expect(res.status).toBe(200);
      const files = unzipSync(new Uint8Array(res.body as Buffer));
      const texts = new Map<string, string>();
      for (const [name, bytes] of Object.entries(files)) {
        texts.set(name, squeeze((await pdfText(Buffer.from(bytes))).text));
      }
      expect(texts.size).toBe(9 + payloads.length * 2 + 1);
      const all = [...texts.values()].join('\n');
      expect(all).not.toMatch(PASSWD_LINE);
      expect(all).not.toContain('fetched');
      for (const payload of payloads) expect(all).toContain(squeeze(payload));
      const pv = texts.get('pv-session_cda' + [...texts.keys()][0].split('_cda')[1]) ?? '';
      // The PV lists the incident and the fraud, payloads printed literally.
      expect(pv).toContain(squeeze(payloads[1]));
      expect(pv).toContain(squeeze(payloads[9]));
      expect(hits()).toEqual([]);
    }, 60_000);
  });

  describe('the renderer itself (deny by default, even without escaping or CSP)', () => {
    let renderer: PdfRenderer;

    beforeAll(() => {
      renderer = new PdfRenderer(
        pdfRendererOptions({ chromiumPath: '/usr/bin/chromium', chromiumWsEndpoint: null }),
      );
    });

    afterAll(async () => {
      await renderer.close();
    });

    it('blocks every request but data: and about:blank, and runs no script', async () => {
      const p = v4.port;
      const raw = [
        ...payloads,
        `<iframe src="data:text/html,<img src=http://127.0.0.1:${p}/nested-frame>"></iframe>`,
        `<link rel=stylesheet href="data:text/css,@import url(http://127.0.0.1:${p}/nested-css);">`,
        `<img src="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'><image href='http://127.0.0.1:${p}/svg-data'/></svg>">`,
        `<video poster=http://127.0.0.1:${p}/poster></video><audio src=http://127.0.0.1:${p}/audio></audio>`,
        `<form action=http://127.0.0.1:${p}/form><input type=image src=http://127.0.0.1:${p}/input></form>`,
        `<script>document.body.append('JS-RAN')</script>`,
        `<p>Texte témoin : Đặng Thị Ngọc, Zoé Lefèvre-Müller</p>`,
      ].join('\n');
      const pdf = await pdfText(
        await renderer.render({
          html: `<!doctype html><html><head><meta charset="utf-8"></head><body>${raw}</body></html>`,
          footerHtml: `<div style="font-size:8px">${payloads[0]}</div>`,
        }),
      );
      expect(squeeze(pdf.text)).toContain(
        squeeze('Texte témoin : Đặng Thị Ngọc, Zoé Lefèvre-Müller'),
      );
      expect(pdf.text).not.toMatch(PASSWD_LINE);
      expect(pdf.text).not.toContain('JS-RAN');
      expect(pdf.text).not.toContain('fetched');
      // Give late requests (refresh, lazy images) a chance to show up.
      await new Promise((r) => setTimeout(r, 1_500));
      expect(hits()).toEqual([]);
    });
  });

  it('answers 503 in French when Chromium cannot start, and keeps serving', async () => {
    const t = await startTestApp({ env: { CHROMIUM_PATH: '/nonexistent/chromium' } });
    try {
      const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
      const { centre, site } = await aCentre(admin);
      const titre = await aTitre(admin);
      const session = await aSession(admin, {
        centreId: String(centre.id),
        siteId: String(site.id),
        titreId: String(titre.id),
      });
      const base = `/api/sessions/${String(session.id)}/documents`;
      for (const path of [`${base}/pv.pdf`, `${base}/documents.zip`, `${base}/pv.pdf`]) {
        const res = await admin.get(path);
        expect(res.status).toBe(503);
        expect(res.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
        expect(res.body.message).toContain(
          'Le générateur de documents PDF est momentanément indisponible',
        );
      }
      expect((await admin.get(base)).status).toBe(200);
      expect((await request(t.http).get('/health')).status).toBe(200);
      expect((await admin.get(`/api/sessions/${String(session.id)}`)).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  // The renderer alone, no database: run once, in the SQLite pass of the suite.
  const onceAcrossDatabases = testDbKind() === 'postgres' ? it.skip : it;

  onceAcrossDatabases(
    'recycles the browser, survives a crash, and leaves no Chromium process nor zombie behind',
    async () => {
      const options: PdfRendererOptions = {
        ...pdfRendererOptions({ chromiumPath: '/usr/bin/chromium', chromiumWsEndpoint: null }),
        recycleAfter: 30,
      };
      const renderer = new PdfRenderer(options);
      const baseline = spawnedProcesses().length;
      const doc = (n: number) => ({
        html: `<!doctype html><html><body><p>Document n° ${n} — Hélène Đặng Thị Ngọc</p></body></html>`,
        footerHtml: '<span></span>',
      });
      let peak = 0;
      try {
        for (let batch = 0; batch < 6; batch++) {
          await Promise.all(
            Array.from({ length: 25 }, (_, i) => renderer.render(doc(batch * 25 + i))),
          );
          peak = Math.max(peak, spawnedProcesses(renderer.stats().pids).length);
          if (batch === 2) {
            // Crash: kill the browser in service; the next documents get a new one.
            expect(renderer.stats().open).toBe(1);
            const pid = renderer.stats().pids.at(-1);
            expect(pid).toBeDefined();
            process.kill(-Number(pid), 'SIGKILL');
            expect(await waitFor(() => renderer.stats().crashes === 1)).toBe(true);
          }
        }
        const last = await pdfText(await renderer.render(doc(150)));
        expect(squeeze(last.text)).toContain(squeeze('Document n° 150 — Hélène Đặng Thị Ngọc'));
        const stats = renderer.stats();
        expect(stats.rendered).toBe(151);
        expect(stats.crashes).toBe(1);
        expect(stats.launches).toBeGreaterThanOrEqual(5);
        expect(stats.open).toBeLessThanOrEqual(2);
      } finally {
        await renderer.close();
      }
      const pids = renderer.stats().pids;
      // Processes of at most two browsers (one retiring, one in service) were alive at once.
      expect(peak).toBeLessThan(40);
      expect(await waitFor(() => spawnedProcesses(pids).length <= baseline)).toBe(true);
      expect(spawnedProcesses(pids).filter((p) => p.state === 'Z')).toEqual([]);
      expect(renderer.stats().open).toBe(0);
    },
    240_000,
  );
});
