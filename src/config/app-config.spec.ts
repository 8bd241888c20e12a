import { ConfigError, loadAppConfig } from './app-config.js';

describe('loadAppConfig', () => {
  it('applies the documented defaults', () => {
    expect(loadAppConfig({})).toMatchObject({
      port: 3000,
      database: { type: 'sqlite', path: 'data/jalon.sqlite' },
      appUrl: 'http://localhost:3000',
      smtpUrl: null,
      mailFrom: 'Jalon <no-reply@localhost>',
      adminEmail: null,
      chromiumPath: '/usr/bin/chromium',
      chromiumWsEndpoint: null,
      reminderCron: '*/15 * * * *',
    });
  });

  it('reads PostgreSQL and SQLite URLs', () => {
    expect(
      loadAppConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' }).database,
    ).toEqual({
      type: 'postgres',
      url: 'postgres://postgres@127.0.0.1:5432/test',
    });
    expect(loadAppConfig({ DATABASE_URL: 'sqlite:/tmp/x.sqlite' }).database).toEqual({
      type: 'sqlite',
      path: '/tmp/x.sqlite',
    });
  });

  it.each([
    ['DATABASE_URL', 'mysql://x', 'schéma « mysql » non pris en charge'],
    ['PORT', 'abc', 'nombre entier'],
    ['PORT', '70000', 'entre 0 et 65535'],
    ['APP_URL', 'localhost', 'URL http(s)'],
    ['SMTP_URL', 'http://x', 'smtp://'],
    ['REMINDER_CRON', '* * *', 'cinq champs'],
    ['REMINDER_CRON', '*/0 * * * *', 'step of zero'],
    ['REMINDER_CRON', '5-1 * * * *', 'invalid range'],
    ['REMINDER_CRON', '61 * * * *', 'out of range'],
    ['REMINDER_CRON', '0 0 30 2 *', 'aucune date d’exécution'],
    ['CHROMIUM_WS_ENDPOINT', 'http://x', 'ws://'],
    ['LOG_LEVEL', 'chatty', 'valeurs possibles'],
    ['TRUST_PROXY', 'true', 'ni une adresse IP'],
    ['TRUST_PROXY', '10.0.0.1,proxy.local', '« proxy.local »'],
    ['TRUST_PROXY', '10.0.0.0/33', '« 10.0.0.0/33 »'],
    ['TRUST_PROXY', '0.0.0.0/0', '« 0.0.0.0/0 »'],
    ['TRUST_PROXY', 'fe80::1%eth0', '« fe80::1%eth0 »'],
    ['TRUST_PROXY', '10.0.0.0/8,', 'élément de la liste est vide'],
  ])('refuses %s=%s with a message naming it', (name, value, reason) => {
    expect(() => loadAppConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadAppConfig({ [name]: value })).toThrow(name);
    expect(() => loadAppConfig({ [name]: value })).toThrow(reason);
  });

  it.each(['0 9 * * MON', '*/15 * * * *', '0 9 * * mon-fri', '30 7 1 * *', '0 0 29 2 *'])(
    'accepts REMINDER_CRON=%s, which the scheduler can run',
    (expression) => {
      expect(loadAppConfig({ REMINDER_CRON: expression }).reminderCron).toBe(expression);
    },
  );

  it('names the variable, the reason and the expected form of a refused REMINDER_CRON', () => {
    expect(() => loadAppConfig({ REMINDER_CRON: '*/0 * * * *' })).toThrow(
      'REMINDER_CRON="*/0 * * * *" est invalide (Field (minute) has a step of zero) : une expression cron est attendue (cinq champs : minute heure jour mois jour-de-semaine), par exemple « */15 * * * * » ou « 0 9 * * MON ».',
    );
  });

  it('wants the administrator e-mail and password together, and a long password', () => {
    expect(() => loadAppConfig({ JALON_ADMIN_EMAIL: 'a@b.fr' })).toThrow('ensemble');
    expect(() =>
      loadAppConfig({ JALON_ADMIN_EMAIL: 'a@b.fr', JALON_ADMIN_PASSWORD: 'court' }),
    ).toThrow('12 caractères');
    expect(
      loadAppConfig({ JALON_ADMIN_EMAIL: 'A@B.fr', JALON_ADMIN_PASSWORD: 'assez-long-vraiment' })
        .adminEmail,
    ).toBe('a@b.fr');
  });

  it('reads the mail folder and the scheduler switch', () => {
    expect(loadAppConfig({})).toMatchObject({ mailDir: 'data/mail', scheduler: true });
    expect(loadAppConfig({ MAIL_DIR: '/tmp/courriels', JALON_SCHEDULER: 'off' })).toMatchObject({
      mailDir: '/tmp/courriels',
      scheduler: false,
    });
    expect(() => loadAppConfig({ JALON_SCHEDULER: 'peut-être' })).toThrow(
      'JALON_SCHEDULER="peut-être" est invalide : valeurs possibles on, off.',
    );
  });

  it('trusts no proxy by default, or the listed addresses, subnets and names', () => {
    expect(loadAppConfig({}).trustProxy).toEqual([]);
    expect(loadAppConfig({ TRUST_PROXY: 'off' }).trustProxy).toEqual([]);
    expect(loadAppConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toEqual(['loopback']);
    expect(
      loadAppConfig({ TRUST_PROXY: ' 10.0.0.1, 172.16.0.0/12 ,fd00::/8,::1,uniquelocal' })
        .trustProxy,
    ).toEqual(['10.0.0.1', '172.16.0.0/12', 'fd00::/8', '::1', 'uniquelocal']);
  });
});
