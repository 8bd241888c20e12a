import { Injectable } from '@nestjs/common';
import { AgrementsService } from '../agrements/agrements.service.js';
import { AuditService } from '../audit/audit.service.js';
import { randomSecret } from '../auth/token.service.js';
import { Candidate, type CcpResult, type Pathway } from '../candidates/candidate.entity.js';
import { Centre } from '../centres/centre.entity.js';
import { CentresService } from '../centres/centres.service.js';
import {
  addDays,
  addMonths,
  addYears,
  compareDates,
  minDate,
  type CalendarDate,
} from '../common/calendar-date.js';
import { SYSTEM_CALLER, type Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { SessionTask } from '../checklist/session-task.entity.js';
import { Habilitation } from '../jury/habilitation.entity.js';
import { JuryMember } from '../jury/jury-member.entity.js';
import { LinkDeclaration } from '../jury/link-declaration.entity.js';
import { SessionStaff, type StaffRole } from '../jury/session-staff.entity.js';
import { ExamSession } from '../sessions/exam-session.entity.js';
import { PeopleService } from '../people/people.service.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { Titre } from '../titres/titre.entity.js';
import { TitresService } from '../titres/titres.service.js';
import { UsersService } from '../users/users.service.js';
import { Database } from '../database/database.js';

export const DEMO_CENTRE_NAME = 'Les Ateliers du Rhône (démonstration)';

const CANDIDATES: {
  lastName: string;
  firstName: string;
  pathway: Pathway;
  accommodation?: string;
}[] = [
  { lastName: 'Lefèvre', firstName: 'Amélie', pathway: 'FORMATION' },
  { lastName: 'Nguyễn', firstName: 'Thị Hương', pathway: 'FORMATION' },
  {
    lastName: 'Benali',
    firstName: 'Yacine',
    pathway: 'FORMATION',
    accommodation: 'Tiers-temps (situation de handicap)',
  },
  { lastName: 'Rousseau', firstName: 'Jérôme', pathway: 'VAE' },
  { lastName: 'Da Silva', firstName: 'Inês', pathway: 'FORMATION' },
  { lastName: 'Œillet', firstName: 'Gaëlle', pathway: 'VAE' },
];

const JURORS = [
  {
    lastName: 'Durand',
    firstName: 'Camille',
    employer: 'Société Numérique Lyonnaise',
    professionalised: true,
  },
  {
    lastName: 'Moreau',
    firstName: 'François',
    employer: 'Banque Régionale du Centre',
    professionalised: true,
  },
  { lastName: 'Petitjean', firstName: 'Hélène', employer: 'Indépendante', professionalised: false },
  {
    lastName: 'Garnier',
    firstName: 'Loïc',
    employer: 'Les Ateliers du Rhône',
    professionalised: false,
  },
];

/** Loads a realistic centre with sessions at different stages, relative to today. */
@Injectable()
export class DemoLoader {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly centres: CentresService,
    private readonly titres: TitresService,
    private readonly agrements: AgrementsService,
    private readonly sessions: SessionsService,
    private readonly peopleRecords: PeopleService,
  ) {}

  async load(): Promise<string> {
    if (
      await this.db.read((m) =>
        m.getRepository(Centre).exists({ where: { name: DEMO_CENTRE_NAME } }),
      )
    ) {
      return `Le centre de démonstration « ${DEMO_CENTRE_NAME} » existe déjà : rien n'a été chargé.`;
    }
    const caller = SYSTEM_CALLER;
    const today = this.clock.today();
    const centre = await this.centres.create({
      name: DEMO_CENTRE_NAME,
      address: '14 quai Perrache',
      postalCode: '69002',
      city: 'Lyon',
    });
    const lyon = await this.centres.addSite(caller, centre.id, {
      name: 'Site de Lyon Confluence',
      address: '14 quai Perrache',
      postalCode: '69002',
      city: 'Lyon',
    });
    const vienne = await this.centres.addSite(caller, centre.id, {
      name: 'Site de Vienne',
      address: '2 cours Romestang',
      postalCode: '38200',
      city: 'Vienne',
    });
    const cda = await this.titre(
      'CDA',
      'Concepteur développeur d’applications',
      '2023',
      addYears(today, 3),
      [
        ['CCP1', 'Développer une application sécurisée'],
        ['CCP2', 'Concevoir et développer une application sécurisée organisée en couches'],
        ['CCP3', 'Préparer le déploiement d’une application sécurisée'],
      ],
    );
    const sa = await this.titre('SA', 'Secrétaire assistant', '2022', addYears(today, 2), [
      ['CCP1', 'Assurer les travaux courants de secrétariat et assister une équipe'],
      [
        'CCP2',
        'Traiter les opérations administratives liées à la gestion commerciale et aux ressources humaines',
      ],
    ]);
    for (const [site, titre] of [
      [lyon, cda],
      [vienne, sa],
      [lyon, sa],
    ] as const) {
      await this.agrements.create(caller, {
        centreId: centre.id,
        siteId: site.id,
        titreId: titre.id,
        validUntil: addYears(today, 2),
        maxCandidates: 12,
        technicalPlatform: 'Salle de 12 postes équipés',
        reference: 'AGR-2025-0142',
      });
    }
    const password = randomSecret(12);
    const manager = await this.users.create({
      email: 'rs.demo@jalon.localhost',
      password,
      role: 'manager',
      centreIds: [centre.id],
      firstName: 'Sophie',
      lastName: 'Marchand',
    });
    const deputy = await this.users.create({
      email: 'suppleant.demo@jalon.localhost',
      password,
      role: 'manager',
      centreIds: [centre.id],
      firstName: 'Karim',
      lastName: 'Haddad',
    });
    const managerCaller: Caller = {
      userId: manager.id,
      email: manager.email,
      role: 'manager',
      centreIds: [centre.id],
    };
    const jurors = await this.jurors(centre.id, [cda.id, sa.id], today);

    const plans: {
      titre: Titre;
      siteId: string;
      start: CalendarDate;
      days: number;
      nature: 'TITRE' | 'CCP';
      ccps: string[];
      candidates: number;
      convened: boolean;
      cancel?: string;
      /** Results entered after the session, per candidate (in the order of CANDIDATES). */
      results?: CcpResult[][];
    }[] = [
      {
        titre: cda,
        siteId: lyon.id,
        start: addMonths(today, 4),
        days: 4,
        nature: 'TITRE',
        ccps: [],
        candidates: 4,
        convened: false,
      },
      {
        titre: sa,
        siteId: vienne.id,
        start: addDays(today, 20),
        days: 2,
        nature: 'CCP',
        ccps: ['CCP2'],
        candidates: 3,
        convened: true,
      },
      {
        titre: cda,
        siteId: lyon.id,
        start: addDays(today, -1),
        days: 3,
        nature: 'TITRE',
        ccps: [],
        candidates: 6,
        convened: true,
      },
      {
        titre: sa,
        siteId: lyon.id,
        start: addDays(today, -12),
        days: 2,
        nature: 'TITRE',
        ccps: [],
        candidates: 5,
        convened: true,
        // Two partial successes (re-sits): one already enrolled in the CCP2 session, one not.
        results: [
          [acquired('CCP1'), notAcquired('CCP2')],
          [acquired('CCP1'), acquired('CCP2')],
          [acquired('CCP1'), acquired('CCP2')],
          [notAcquired('CCP1'), acquired('CCP2')],
          [acquired('CCP1'), acquired('CCP2')],
        ],
      },
      {
        titre: cda,
        siteId: lyon.id,
        start: addMonths(today, 6),
        days: 4,
        nature: 'CCP',
        ccps: ['CCP1', 'CCP2'],
        candidates: 0,
        convened: false,
        cancel: 'Effectif insuffisant : regroupement avec la session suivante.',
      },
    ];
    for (const plan of plans) {
      const session = await this.sessions.create(managerCaller, {
        centreId: centre.id,
        siteId: plan.siteId,
        titreId: plan.titre.id,
        nature: plan.nature,
        ccpCodes: plan.ccps,
        startDate: plan.start,
        endDate: addDays(plan.start, plan.days - 1),
        startTime: '08:30',
        location:
          plan.siteId === lyon.id
            ? 'Salle Lumière, 14 quai Perrache, 69002 Lyon'
            : 'Salle 3, 2 cours Romestang, 38200 Vienne',
        managerId: manager.id,
        deputyManagerId: deputy.id,
      });
      await this.people(
        managerCaller,
        session.id,
        centre.id,
        plan.candidates,
        plan.convened ? addMonths(plan.start, -1) : null,
        jurors,
        plan.titre.id,
        { trainingStart: addMonths(plan.start, -9), results: plan.results ?? [] },
      );
      await this.progress(
        managerCaller,
        session.id,
        centre.id,
        plan.start,
        addDays(plan.start, plan.days - 1),
      );
      if (plan.cancel)
        await this.sessions.cancel(managerCaller, session.id, { reason: plan.cancel });
    }
    return [
      `Centre de démonstration chargé : « ${DEMO_CENTRE_NAME} », ${plans.length} sessions.`,
      `Comptes (mot de passe identique, à changer) : ${manager.email} et ${deputy.email}`,
      `Mot de passe : ${password}`,
    ].join('\n');
  }

  /**
   * Brings a session to a realistic stage: tasks due before today are done (a few left late, so
   * the dashboard shows overdue work), and a session that has ended is marked as held.
   */
  private progress(
    caller: Caller,
    sessionId: string,
    centreId: string,
    start: CalendarDate,
    end: CalendarDate,
  ): Promise<void> {
    const today = this.clock.today();
    return this.db.transaction(async (m) => {
      const tasks = await m.getRepository(SessionTask).find({ where: { sessionId } });
      const due = tasks
        .filter((t) => t.applicability !== 'INCIDENT' && compareDates(t.dueDate, today) < 0)
        .sort((a, b) => compareDates(a.dueDate, b.dueDate));
      const leftLate = new Set(due.filter((_t, i) => i % 9 === 4).map((t) => t.id));
      for (const task of due) {
        if (leftLate.has(task.id)) continue;
        const doneAt = minDate(addDays(task.dueDate, -3), today);
        await m.getRepository(SessionTask).update(
          { id: task.id },
          {
            status: 'done',
            doneAt,
            doneBy: caller.userId,
            doneByEmail: caller.email,
            updatedAt: this.clock.nowIso(),
          },
        );
        await this.audit.record(m, caller, {
          sessionId,
          centreId,
          entity: 'session_task',
          entityId: task.id,
          action: 'tick',
          changes: {
            status: { before: 'todo', after: 'done' },
            doneAt: { before: null, after: doneAt },
          },
        });
      }
      if (compareDates(end, today) < 0) {
        await m
          .getRepository(ExamSession)
          .update({ id: sessionId }, { status: 'HELD', updatedAt: this.clock.nowIso() });
        await this.audit.record(m, caller, {
          sessionId,
          centreId,
          entity: 'session',
          entityId: sessionId,
          action: 'update',
          changes: { status: { before: 'PLANNED', after: 'HELD' } },
        });
      }
    });
  }

  private async titre(
    code: string,
    label: string,
    version: string,
    validUntil: CalendarDate,
    ccps: [string, string][],
  ): Promise<Titre> {
    const existing = await this.db.read((m) =>
      m.getRepository(Titre).findOne({ where: { code, version } }),
    );
    if (existing) return existing;
    return this.titres.create({
      code,
      label,
      version,
      validUntil,
      ccps: ccps.map(([c, l]) => ({ code: c, label: l })),
    });
  }

  private jurors(centreId: string, titreIds: string[], today: CalendarDate): Promise<JuryMember[]> {
    return this.db.transaction(async (m) => {
      const out: JuryMember[] = [];
      for (const [i, j] of JURORS.entries()) {
        const member = await m.getRepository(JuryMember).save(
          m.getRepository(JuryMember).create({
            ...j,
            centreId,
            email: `${j.firstName}.${j.lastName}@example.fr`
              .toLowerCase()
              .normalize('NFD')
              .replace(/[\u0300-\u036f]/g, ''),
            phone: null,
            createdAt: this.clock.nowIso(),
          }),
        );
        // The third juror's habilitation has lapsed: the compliance engine will flag it.
        const validUntil = i === 2 ? addDays(today, -30) : addYears(today, 2);
        await m.getRepository(Habilitation).insert(
          titreIds.map((titreId) => ({
            juryMemberId: member.id,
            titreId,
            validUntil,
            ccpCodes: [],
          })),
        );
        out.push(member);
      }
      return out;
    });
  }

  private people(
    caller: Caller,
    sessionId: string,
    centreId: string,
    count: number,
    convocationDate: CalendarDate | null,
    jurors: JuryMember[],
    titreId: string,
    after: { trainingStart: CalendarDate; results: CcpResult[][] },
  ): Promise<void> {
    const vaeNotifiedOn = addMonths(this.clock.today(), -2);
    return this.db.transaction(async (m) => {
      const candidates: Candidate[] = [];
      for (const [index, c] of CANDIDATES.slice(0, count).entries()) {
        const results = after.results[index] ?? [];
        const identity = {
          lastName: c.lastName,
          firstName: c.firstName,
          birthDate: '1991-03-17',
          email: null,
          phone: null,
          address: '8 rue Mercière, 69002 Lyon',
        };
        const { person } = await this.peopleRecords.personForIdentity(
          m,
          caller,
          centreId,
          sessionId,
          identity,
        );
        const candidate = await m.getRepository(Candidate).save(
          m.getRepository(Candidate).create({
            sessionId,
            personId: person.id,
            ...identity,
            pathway: c.pathway,
            trainingStartDate: c.pathway === 'FORMATION' ? after.trainingStart : null,
            vaeNotifiedOn: c.pathway === 'VAE' ? vaeNotifiedOn : null,
            vaeAllowedNatures: c.pathway === 'VAE' ? ['TITRE'] : [],
            vaeValidUntil: c.pathway === 'VAE' ? addYears(vaeNotifiedOn, 1) : null,
            accommodationRequested: Boolean(c.accommodation),
            accommodationDetails: c.accommodation ?? '',
            convocationDate,
            convocationMode: convocationDate ? 'REGISTERED_MAIL' : null,
            ecfSignedByTrainingManager: c.pathway === 'FORMATION',
            ecfSignedByTrainer: c.pathway === 'FORMATION',
            ecfSignedByCandidate: c.pathway === 'FORMATION' && c.lastName !== 'Benali',
            dpSigned: true,
            recevabiliteCollected: c.pathway === 'VAE',
            attendance: results.length > 0 ? 'PRESENT' : null,
            results,
            createdAt: this.clock.nowIso(),
          }),
        );
        candidates.push(candidate);
        await this.audit.record(m, caller, {
          sessionId,
          centreId,
          entity: 'candidate',
          entityId: candidate.id,
          action: 'create',
          snapshot: candidate,
        });
      }
      if (count === 0) return;
      const roles: [JuryMember, StaffRole][] = [
        [jurors[0], 'JURY'],
        [jurors[1], 'JURY'],
        [jurors[3], 'SURVEILLANT'],
      ];
      for (const [member, role] of roles) {
        const staff = await m
          .getRepository(SessionStaff)
          .save(
            m
              .getRepository(SessionStaff)
              .create({ sessionId, juryMemberId: member.id, role, createdAt: this.clock.nowIso() }),
          );
        await this.audit.record(m, caller, {
          sessionId,
          centreId,
          entity: 'session_staff',
          entityId: staff.id,
          action: 'create',
          snapshot: { juryMemberId: member.id, role, titreId },
        });
      }
      for (const juror of [jurors[0], jurors[1]]) {
        for (const candidate of candidates) {
          const declaration = await m.getRepository(LinkDeclaration).save(
            m.getRepository(LinkDeclaration).create({
              sessionId,
              juryMemberId: juror.id,
              candidateId: candidate.id,
              hasLink: false,
              details: '',
              declaredOn: this.clock.today(),
              createdAt: this.clock.nowIso(),
            }),
          );
          await this.audit.record(m, caller, {
            sessionId,
            centreId,
            entity: 'link_declaration',
            entityId: declaration.id,
            action: 'create',
            snapshot: { juryMemberId: juror.id, candidateId: candidate.id, hasLink: false },
          });
        }
      }
    });
  }
}

function acquired(ccpCode: string): CcpResult {
  return { ccpCode, outcome: 'ACQUIRED' };
}

function notAcquired(ccpCode: string): CcpResult {
  return { ccpCode, outcome: 'NOT_ACQUIRED' };
}
