import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';

const main = resolve('dist/src/main.js');

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, [main], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('start-up settings (built app)', () => {
  beforeAll(() => {
    if (!existsSync(main)) throw new Error('Lancez « npm run build » avant ce test.');
  });

  it.each([
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ PORT: 'abc' }, 'PORT'],
    [{ APP_URL: 'ftp://x' }, 'APP_URL'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    [{ REMINDER_CRON: '61 * * * *' }, 'REMINDER_CRON'],
    [{ REMINDER_CRON: '*/0 * * * *' }, 'REMINDER_CRON'],
    [{ REMINDER_CRON: '5-1 * * * *' }, 'REMINDER_CRON'],
    [{ REMINDER_CRON: '0 0 30 2 *' }, 'REMINDER_CRON'],
    [{ JALON_ADMIN_EMAIL: 'a@b.fr' }, 'JALON_ADMIN_EMAIL'],
  ])('stops with one clear line naming the variable (%j)', (env, name) => {
    const result = start(env);
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Configuration invalide : /);
    expect(lines[0]).toContain(name);
  });
});

describe('command line (built app)', () => {
  it('creates a user, refuses a duplicate, and writes a backup that holds it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jalon-cli-'));
    const env = {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
      LOG_LEVEL: 'error',
    };
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [resolve('dist/src/cli.js'), ...args], {
        env,
        encoding: 'utf8',
        timeout: 30_000,
      });
    try {
      const created = cli(
        'user:create',
        '--email',
        'Chef@Centre.fr',
        '--password',
        'un-mot-de-passe-solide',
        '--role',
        'admin',
      );
      expect(created.status).toBe(0);
      expect(created.stdout).toContain('Utilisateur créé : chef@centre.fr (admin)');
      const again = cli(
        'user:create',
        '--email',
        'chef@centre.fr',
        '--password',
        'un-mot-de-passe-solide',
        '--role',
        'admin',
      );
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('Un compte existe déjà');
      const badRole = cli(
        'user:create',
        '--email',
        'x@y.fr',
        '--password',
        'un-mot-de-passe-solide',
        '--role',
        'chef',
      );
      expect(badRole.status).toBe(1);
      expect(badRole.stderr).toContain('--role');
      const backup = cli('backup', '--out', join(dir, 'copie.sqlite'));
      expect(backup.status).toBe(0);
      const copy = new Database(join(dir, 'copie.sqlite'), { readonly: true });
      expect(copy.prepare('SELECT email FROM app_user').all()).toEqual([
        { email: 'chef@centre.fr' },
      ]);
      copy.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
