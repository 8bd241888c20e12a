import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import request from 'supertest';
import { SetupService } from '../src/auth/setup.service.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('first administrator through the one-time set-up URL', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { JALON_ADMIN_EMAIL: '', JALON_ADMIN_PASSWORD: '' } });
  });

  afterAll(async () => {
    await t.close();
  });

  it('prints a set-up URL, creates the administrator once, and never has a default password', async () => {
    const url = t.app.get(SetupService).lastSetupUrl;
    expect(url).toMatch(/^http:\/\/localhost:3000\/setup\?token=[A-Za-z0-9_-]{40,}$/);
    const token = new URL(url!).searchParams.get('token')!;
    expect((await request(t.http).get('/setup?token=faux')).status).toBe(404);
    // A command run meanwhile (here: migrations) neither prints a link nor voids the server's.
    const cli = spawnSync(process.execPath, [resolve('dist/src/cli.js'), 'migrations:run'], {
      env: {
        ...process.env,
        DATABASE_URL: t.databaseUrl,
        JALON_ADMIN_EMAIL: '',
        JALON_ADMIN_PASSWORD: '',
      },
      encoding: 'utf8',
    });
    expect(cli.status).toBe(0);
    expect(cli.stdout + cli.stderr).not.toContain('setup?token');
    const page = await request(t.http).get(`/setup?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Mise en service de Jalon');
    expect(page.text).toContain('<label for="password">Mot de passe</label>');
    const short = await request(t.http)
      .post('/setup')
      .send({ token, email: 'chef@centre.fr', password: 'court' });
    expect(short.status).toBe(400);
    const done = await request(t.http)
      .post('/setup')
      .type('form')
      .send({ token, email: 'chef@centre.fr', password: 'un-mot-de-passe-solide' });
    expect(done.status).toBe(201);
    expect(done.text).toContain('chef@centre.fr a été créé');
    const again = await request(t.http)
      .post('/setup')
      .send({ token, email: 'pirate@x.fr', password: 'un-autre-mot-de-passe' });
    expect(again.status).toBe(409);
    const login = await request(t.http)
      .post('/api/auth/token')
      .send({ email: 'chef@centre.fr', password: 'un-mot-de-passe-solide' });
    expect(login.status).toBe(200);
    const me = await request(t.http)
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${String(login.body.token)}`);
    expect(me.body).toMatchObject({ email: 'chef@centre.fr', role: 'admin' });
  });
});
