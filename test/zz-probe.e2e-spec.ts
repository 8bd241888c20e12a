import request from 'supertest';
import { startTestApp, ADMIN } from './support/test-app.js';
it('probes', async () => {
  const t = await startTestApp();
  const deep = '['.repeat(4096) + ']'.repeat(4096);
  const out: string[] = [];
  for (const [path, body] of [
    ['/api/auth/token', deep],
    ['/api/auth/token', `{"email":${deep},"password":"x"}`],
    ['/api/auth/token', `{"email":"a\\ud800@x.fr","password":"x"}`],
    ['/api/auth/token', '['.repeat(20000) + ']'.repeat(20000)],
  ]) {
    const r = await request(t.http).post(path).set('Content-Type', 'application/json').send(Buffer.from(body));
    out.push(`${path} ${body.slice(0, 30)} → ${r.status} ${r.text.slice(0, 150)}`);
  }
  const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
  const c = await admin.post('/api/centres', { name: 'C' });
  const s = await admin.post(`/api/centres/${c.body.id}/sites`, { name: 'S' });
  const ti = await admin.post('/api/titres', { code: 'X', label: 'L', version: '2023', validUntil: '2029-12-31', ccps: [{ code: 'CCP1', label: 'a' }] });
  for (const d of ['9995-01-01', '0001-01-01', '9994-12-31']) {
    const r = await admin.post('/api/sessions', { centreId: c.body.id, siteId: s.body.id, titreId: ti.body.id, nature: 'TITRE', startDate: d, endDate: d });
    out.push(`session ${d} → ${r.status} ${r.text.slice(0, 150)}`);
  }
  console.log(out.join('\n'));
  await t.close();
});
