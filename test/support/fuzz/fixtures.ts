import request from 'supertest';
import { TokenService } from '../../../src/auth/token.service.js';
import { aCandidate, aCentre, aSession, aTitre, aUser } from '../factories.js';
import { ADMIN, type Client, type TestApp } from '../test-app.js';
import type { IdKind } from './hostile.js';

type Body = Record<string, unknown>;

export type Role = 'admin' | 'manager' | 'viewer';

async function ok(res: Promise<request.Response>, what: string): Promise<Body> {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as Body;
}

/**
 * Realistic data for the fuzzers: a centre with its site, agrément, titre with CCPs, a session
 * with candidates, a jury member (habilitated, assigned, with a link declaration), an incident,
 * users of each role, and rows of another centre. Rows a fuzzed request may delete or revoke
 * (a candidate, an assignment, a token…) are made again by `refresh`.
 */
export class Fixtures {
  readonly ids = {} as Record<IdKind, string>;
  readonly tokens = {} as Record<Role, string>;
  readonly userIds = {} as Record<Role, string>;
  readonly users = {} as Record<Exclude<Role, 'admin'>, { email: string; password: string }>;
  feedFile = 'inconnu.ics';

  private constructor(private readonly t: TestApp) {}

  static async seed(t: TestApp): Promise<Fixtures> {
    const f = new Fixtures(t);
    const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    f.userIds.admin = String((await ok(admin.get('/api/auth/me'), 'me')).id);
    f.ids.admin = f.userIds.admin;
    const { centre, site } = await aCentre(admin);
    f.ids.centre = String(centre.id);
    f.ids.site = String(site.id);
    const other = await aCentre(admin, { name: 'Centre Voisin' });
    f.ids.otherCentre = String(other.centre.id);
    // The titre gives the CQC: the Hub Pro Transport routes get past their first refusal.
    const titre = await aTitre(admin, {
      cqc: {
        qualification: 'MARCHANDISES',
        trainingType: 'FCO_COMPLETE',
        educationNationale: false,
      },
    });
    f.ids.titre = String(titre.id);
    const agrement = await ok(
      admin.post('/api/agrements', {
        centreId: f.ids.centre,
        siteId: f.ids.site,
        titreId: f.ids.titre,
        validUntil: '2029-06-30',
        maxCandidates: 12,
        technicalPlatform: 'Plateau informatique, salle B',
        reference: 'DREETS-ARA-2026-041',
      }),
      'agrément',
    );
    f.ids.agrement = String(agrement.id);
    for (const role of ['manager', 'viewer'] as const) {
      const user = await aUser(admin, role, [f.ids.centre]);
      f.users[role] = { email: user.email, password: user.password };
      f.userIds[role] = user.id;
    }
    f.ids.manager = f.userIds.manager;
    await f.refreshTokens();
    const otherSession = await aSession(admin, {
      centreId: f.ids.otherCentre,
      siteId: String(other.site.id),
      titreId: f.ids.titre,
    });
    f.ids.otherSession = String(otherSession.id);
    f.ids.juryMember = String(
      (
        await ok(
          f.as('admin').post('/api/jury-members', {
            centreId: f.ids.centre,
            lastName: 'Durand',
            firstName: 'Claire',
            email: 'claire.durand@example.fr',
            professionalised: true,
            habilitations: [{ titreId: f.ids.titre, validUntil: '2029-12-31' }],
          }),
          'jury member',
        )
      ).id,
    );
    await f.refreshSession();
    await f.refreshFeed();
    return f;
  }

  as(role: Role): Client {
    return this.t.as(this.tokens[role]);
  }

  /** New bearer tokens (without argon2 logins: those are slow and counted by the login limit). */
  async refreshTokens(): Promise<void> {
    const tokens = this.t.app.get(TokenService);
    for (const role of ['admin', 'manager', 'viewer'] as const) {
      this.tokens[role] = (await tokens.issue(this.userIds[role])).token;
    }
  }

  /** A fresh planned session of the manager's centre, with everything that hangs off it. */
  async refreshSession(): Promise<void> {
    const session = await aSession(this.as('manager'), {
      centreId: this.ids.centre,
      siteId: this.ids.site,
      titreId: this.ids.titre,
    });
    this.ids.session = String(session.id);
    // The previous session's assignment is not this one's (declareLink waits for the new one).
    this.ids.assignment = '';
    await aCandidate(this.as('manager'), this.ids.session, {
      lastName: 'Lœvenbruck',
      firstName: 'Zoé',
      address: '12 rue de la République\n69002 Lyon',
    });
    await this.refreshCandidate();
    await this.refreshAssignment();
    await this.refreshIncident();
    const tasks = (await ok(
      this.as('manager').get(`/api/sessions/${this.ids.session}/tasks`),
      'tasks',
    )) as unknown as Body[];
    this.ids.task = String(tasks[0].id);
  }

  async refreshCandidate(): Promise<void> {
    const candidate = await aCandidate(this.as('manager'), this.ids.session, {
      lastName: 'Nguyễn',
    });
    this.ids.candidate = String(candidate.id);
    this.ids.person = String(candidate.personId);
    await this.declareLink();
  }

  async refreshAssignment(): Promise<void> {
    const assignment = await ok(
      this.as('manager').post(`/api/sessions/${this.ids.session}/jury`, {
        juryMemberId: this.ids.juryMember,
        role: 'JURY',
      }),
      'assignment',
    );
    this.ids.assignment = String(assignment.id);
    await this.declareLink();
  }

  /** An incident during the session: the clock moves to its second day for the time of the call. */
  async refreshIncident(): Promise<void> {
    const now = this.t.clock.now();
    this.t.clock.set('2027-06-15T10:00:00Z');
    const { token } = await this.t.app.get(TokenService).issue(this.userIds.manager);
    const incident = await ok(
      this.t.as(token).post(`/api/sessions/${this.ids.session}/incidents`, {
        kind: 'INCIDENT',
        occurredOn: '2027-06-14',
        description: 'Coupure de courant de 10 minutes pendant l’épreuve.',
        measures: 'Temps d’épreuve prolongé de 10 minutes.',
      }),
      'incident',
    ).finally(() => this.t.clock.set(now));
    this.ids.incident = String(incident.id);
  }

  async refreshFeed(): Promise<void> {
    const feed = await ok(this.as('manager').post('/api/me/calendar-feed'), 'calendar feed');
    this.feedFile = String(feed.url).split('/').pop() ?? 'inconnu.ics';
  }

  private async declareLink(): Promise<void> {
    if (!this.ids.assignment || !this.ids.candidate) return;
    await this.as('manager')
      .post(`/api/sessions/${this.ids.session}/link-declarations`, {
        juryMemberId: this.ids.juryMember,
        candidateId: this.ids.candidate,
        hasLink: false,
      })
      .expect((r) => {
        if (r.status >= 300) throw new Error(`link declaration: ${r.status} ${r.text}`);
      });
  }
}
