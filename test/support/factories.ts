import type { Client } from './test-app.js';

type Body = Record<string, unknown>;

async function created(
  res: Promise<{ status: number; body: unknown }>,
  what: string,
): Promise<Body> {
  const r = await res;
  if (r.status !== 201) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as Body;
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function aCentre(
  admin: Client,
  overrides: Body = {},
): Promise<{ centre: Body; site: Body }> {
  const centre = await created(
    admin.post('/api/centres', { name: 'Centre Éléonore Dupré', city: 'Lyon', ...overrides }),
    'centre',
  );
  const site = await created(
    admin.post(`/api/centres/${String(centre.id)}/sites`, {
      name: 'Site de Vénissieux',
      city: 'Vénissieux',
    }),
    'site',
  );
  return { centre, site };
}

export async function aTitre(client: Client, overrides: Body = {}): Promise<Body> {
  return created(
    client.post('/api/titres', {
      code: `CDA${unique()}`.slice(0, 30),
      label: 'Concepteur développeur d’applications',
      version: '2023',
      validUntil: '2029-12-31',
      ccps: [
        { code: 'CCP1', label: 'Développer une application sécurisée' },
        { code: 'CCP2', label: 'Concevoir et développer une application organisée en couches' },
        { code: 'CCP3', label: 'Préparer le déploiement d’une application sécurisée' },
      ],
      ...overrides,
    }),
    'titre',
  );
}

export async function aUser(
  admin: Client,
  role: 'admin' | 'manager' | 'viewer',
  centreIds: string[],
): Promise<{ email: string; password: string; id: string }> {
  const email = `${role}-${unique()}@jalon.test`;
  const password = 'un-mot-de-passe-solide';
  const user = await created(
    admin.post('/api/users', { email, password, role, centreIds }),
    'user',
  );
  return { email, password, id: String(user.id) };
}

export async function aSession(
  client: Client,
  ids: { centreId: string; siteId: string; titreId: string },
  overrides: Body = {},
): Promise<Body> {
  return created(
    client.post('/api/sessions', {
      ...ids,
      nature: 'TITRE',
      startDate: '2027-06-14',
      endDate: '2027-06-18',
      location: 'Salle Molière, 12 rue de la Paix, Vénissieux',
      ...overrides,
    }),
    'session',
  );
}

export async function aCandidate(
  client: Client,
  sessionId: string,
  overrides: Body = {},
): Promise<Body> {
  return created(
    client.post(`/api/sessions/${sessionId}/candidates`, {
      lastName: 'Nguyễn',
      firstName: 'Thị Hương',
      birthDate: '1990-04-12',
      email: 'huong.nguyen@example.fr',
      address: '3 place Bellecour, 69002 Lyon',
      pathway: 'FORMATION',
      ...overrides,
    }),
    'candidate',
  );
}

/**
 * Records the centre's annual programme as sent for each year, so that the centre's yearly
 * obligations add nothing to the reminders a test is about.
 */
export async function programmesSent(
  client: Client,
  centreId: string,
  years: readonly number[],
  sentOn?: string,
): Promise<void> {
  for (const year of years) {
    await created(
      client.post(`/api/centres/${centreId}/annual-programme`, {
        year,
        sentOn: sentOn ?? `${year - 1}-12-01`,
      }),
      'annual programme',
    );
  }
}
