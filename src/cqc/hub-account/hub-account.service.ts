import { randomUUID } from 'node:crypto';
import {
  ConflictException,
  Inject,
  Injectable,
  Logger,
  ServiceUnavailableException,
} from '@nestjs/common';
import { In, IsNull, LessThanOrEqual, MoreThanOrEqual, Not } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { Candidate } from '../../candidates/candidate.entity.js';
import { Centre } from '../../centres/centre.entity.js';
import {
  addDays,
  formatFrenchDate,
  parisToday,
  type CalendarDate,
} from '../../common/calendar-date.js';
import type { Caller } from '../../common/caller.js';
import { chunks } from '../../common/chunks.js';
import { Clock } from '../../common/clock.js';
import { notFound } from '../../common/errors.js';
import { byName, personName } from '../../common/person-order.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { Database } from '../../database/database.js';
import { fileSlug } from '../../documents/document-format.js';
import { DocumentQuota } from '../../documents/document-quota.js';
import { DocumentTemplates } from '../../documents/document-templates.js';
import {
  ClientGoneException,
  RENDERER_UNAVAILABLE,
  type RenderedFile,
} from '../../documents/documents.service.js';
import { PdfRenderer, PdfRendererError } from '../../documents/pdf-renderer.js';
import { RenderCancelledError } from '../../documents/render-queue.js';
import { SessionDossierLoader } from '../../documents/session-dossier.loader.js';
import { documentFooter, sessionIdentity } from '../../documents/session-identity.js';
import { MailTemplates } from '../../mail/mail-templates.js';
import { OutboxService } from '../../mail/outbox.service.js';
import { ExamSession } from '../../sessions/exam-session.entity.js';
import { SessionsService } from '../../sessions/sessions.service.js';
import { Titre } from '../../titres/titre.entity.js';
import { cqcTrainingLabel, defaultCqcTraining, givesCqc } from '../cqc-training-of.js';
import { CqcHubAccountNotice } from './hub-account-notice.entity.js';
import {
  HUB_ACCOUNT_GUIDE,
  HUB_ACCOUNT_NOTICE,
  HUB_PRO_TRANSPORT_URL,
  hubAccountIntro,
  hubAccountMessage,
  hubAccountRecipients,
  isHubAccountNoticeDue,
  hubAccountSendMessage,
} from './hub-account-rules.js';

/** A driver as the report of a sending names them. */
export interface HubAccountDriver {
  candidateId: string;
  name: string;
}

/** What `POST /api/sessions/:id/cqc/hub-account-emails` answers. */
export interface HubAccountSendReport {
  sessionId: string;
  /** E-mailed by this request (the message is in the outbox, sent at once). */
  told: (HubAccountDriver & { email: string })[];
  /** E-mailed before (by the daily run or an earlier request), with the day. */
  alreadyTold: (HubAccountDriver & { toldOn: CalendarDate })[];
  /** No e-mail address: hand them the printed sheet (hub-account.pdf). */
  withoutEmail: HubAccountDriver[];
  message: string;
}

interface SessionToTell {
  session: ExamSession;
  titre: Titre;
  centreName: string;
}

const OUTBOX_REF = 'hub-account';
const OUTBOX_STEP = 'hub-account';

/**
 * « Créez votre compte Hub Pro Transport » (seed 001): the e-mail to each candidate of a session
 * whose titre gives the CQC, sent once by the daily reminders run from 21 days before the
 * session's first day or at the centre's request, and the printable sheet per driver.
 */
@Injectable()
export class CqcHubAccountService {
  private readonly logger = new Logger(CqcHubAccountService.name);

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
    private readonly outbox: OutboxService,
    private readonly mail: MailTemplates,
    private readonly dossiers: SessionDossierLoader,
    private readonly documents: DocumentTemplates,
    private readonly renderer: PdfRenderer,
    private readonly quota: DocumentQuota,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The daily run's part: the candidates of the sessions due today (isHubAccountNoticeDue) of
   * the centres whose reminders are on (`enabled`), not told yet and with an address.
   */
  async queueDue(
    today: CalendarDate,
    enabled: (centreId: string) => boolean,
  ): Promise<{ messagesQueued: number }> {
    const sessions = await this.db.read((m) =>
      m.getRepository(ExamSession).find({
        where: {
          status: Not('CANCELLED'),
          startDate: LessThanOrEqual(addDays(today, HUB_ACCOUNT_NOTICE.days)),
          endDate: MoreThanOrEqual(today),
        },
        order: { startDate: 'ASC', id: 'ASC' },
      }),
    );
    const candidates = sessions.filter((s) => enabled(s.centreId));
    if (candidates.length === 0) return { messagesQueued: 0 };
    const titres = await this.titres([...new Set(candidates.map((s) => s.titreId))]);
    const centres = await this.centreNames([...new Set(candidates.map((s) => s.centreId))]);
    let messagesQueued = 0;
    for (const session of candidates) {
      const titre = titres.get(session.titreId);
      if (!titre) continue;
      const due = isHubAccountNoticeDue(
        {
          startDate: session.startDate,
          endDate: session.endDate,
          cancelled: session.status === 'CANCELLED',
          givesCqc: givesCqc(titre),
        },
        today,
      );
      if (!due) continue;
      const told = await this.tell(
        { session, titre, centreName: centres.get(session.centreId) ?? '' },
        null,
      );
      messagesQueued += told.told.length;
    }
    return { messagesQueued };
  }

  /** The centre's request: e-mails the session's candidates not told yet (audited). */
  async send(caller: Caller, sessionId: string): Promise<HubAccountSendReport> {
    const session = await this.sessions.findWritable(
      caller,
      sessionId,
      'le message « Créez votre compte Hub Pro Transport » ne peut pas être envoyé',
    );
    const titre = await this.cqcTitre(session);
    const centreName = (await this.centreNames([session.centreId])).get(session.centreId) ?? '';
    return this.tell({ session, titre, centreName }, caller);
  }

  /**
   * Where each candidate of the session stands, for the session's CQC page: the day they were
   * e-mailed (null: not yet) and whether an address is known (else: the printed sheet).
   */
  async status(
    caller: Caller,
    sessionId: string,
  ): Promise<Map<string, { toldOn: CalendarDate | null; hasEmail: boolean }>> {
    const session = await this.sessions.findForCaller(caller, sessionId);
    const { candidates, notices } = await this.db.read(async (m) => ({
      candidates: await m.getRepository(Candidate).find({
        where: { sessionId: session.id },
        select: { id: true, email: true },
      }),
      notices: await m
        .getRepository(CqcHubAccountNotice)
        .find({ where: { sessionId: session.id } }),
    }));
    const toldOn = new Map(notices.map((n) => [n.candidateId, this.day(n.createdAt)]));
    return new Map(
      candidates.map((c) => [
        c.id,
        { toldOn: toldOn.get(c.id) ?? null, hasEmail: (c.email?.trim() ?? '') !== '' },
      ]),
    );
  }

  /**
   * Queues the e-mail of each candidate not told yet, each with its notice in one transaction
   * (an outbox key already taken means another run told them: they are counted as told before).
   */
  private async tell(target: SessionToTell, caller: Caller | null): Promise<HubAccountSendReport> {
    const { session, titre, centreName } = target;
    const { candidates, notices } = await this.db.read(async (m) => {
      const candidates = (
        await m.getRepository(Candidate).find({ where: { sessionId: session.id } })
      ).sort(byName);
      const notices = await m
        .getRepository(CqcHubAccountNotice)
        .find({ where: { sessionId: session.id } });
      return { candidates, notices };
    });
    const toldOn = new Map(notices.map((n) => [n.candidateId, n.createdAt]));
    const split = hubAccountRecipients(
      candidates.map((c) => ({ ...c, purged: c.purgedAt !== null })),
      new Set(toldOn.keys()),
    );
    const report: HubAccountSendReport = {
      sessionId: session.id,
      told: [],
      alreadyTold: split.alreadyTold.map((c) => ({
        candidateId: c.id,
        name: personName(c),
        toldOn: this.day(toldOn.get(c.id)),
      })),
      withoutEmail: split.withoutEmail.map((c) => ({ candidateId: c.id, name: personName(c) })),
      message: '',
    };
    for (const candidate of split.toTell) {
      const { subject, view } = hubAccountMessage({
        firstName: candidate.firstName,
        lastName: candidate.lastName,
        titreLabel: titre.label,
        titreCode: titre.code,
        startDate: session.startDate,
        endDate: session.endDate,
        centreName,
        appUrl: this.config.appUrl,
      });
      const now = this.clock.nowIso();
      const queued = await this.db.transaction(async (m) => {
        const outboxId = await this.outbox.enqueue(m, {
          recipientId: candidate.id,
          recipientEmail: candidate.address,
          kind: 'immediate',
          ref: OUTBOX_REF,
          step: OUTBOX_STEP,
          date: session.startDate,
          subject,
          ...this.mail.render('cqc-hub-account', view),
        });
        if (!outboxId) return false;
        const id = randomUUID();
        await m.getRepository(CqcHubAccountNotice).insert({
          id,
          candidateId: candidate.id,
          sessionId: session.id,
          trigger: caller === null ? 'daily' : 'manual',
          createdById: caller?.userId ?? null,
          outboxId,
          createdAt: now,
        });
        if (caller !== null) {
          await this.audit.record(m, caller, {
            sessionId: session.id,
            centreId: session.centreId,
            entity: 'cqc_hub_account_notice',
            entityId: id,
            action: 'create',
            snapshot: { candidateId: candidate.id, email: candidate.address, outboxId },
          });
        }
        return true;
      });
      if (queued) {
        report.told.push({
          candidateId: candidate.id,
          name: personName(candidate),
          email: candidate.address,
        });
      } else {
        report.alreadyTold.push({
          candidateId: candidate.id,
          name: personName(candidate),
          toldOn: this.clock.today(),
        });
      }
    }
    report.message = hubAccountSendMessage(report);
    return report;
  }

  /** The sheet: one page per driver of the session, with the steps and a box for their login. */
  async pdf(caller: Caller, sessionId: string, signal?: AbortSignal): Promise<RenderedFile> {
    if (signal?.aborted) throw new ClientGoneException();
    const leaveUser = this.quota.enter('user', caller.userId, 'single');
    try {
      const session = await this.sessions.findForCaller(caller, sessionId);
      const titre = await this.cqcTitre(session);
      const dossier = await this.dossiers.load(caller, sessionId);
      const leaveCentre = this.quota.enter('centre', session.centreId, 'single');
      try {
        const title = 'Créez votre compte Hub Pro Transport';
        const kept = new Set(
          (
            await this.db.read((m) =>
              m.getRepository(Candidate).find({
                where: { sessionId, purgedAt: IsNull() },
                select: { id: true },
              }),
            )
          ).map((c) => c.id),
        );
        const drivers = dossier.candidates.filter((c) => kept.has(c.id));
        const training = defaultCqcTraining(titre)!;
        const view = {
          title,
          footer: documentFooter(dossier, title),
          identity: sessionIdentity(dossier),
          training: cqcTrainingLabel(training),
          intro: hubAccountIntro({
            titreLabel: titre.label,
            titreCode: titre.code,
            startDate: session.startDate,
            endDate: session.endDate,
          }).replace(/^Votre session/, 'La session'),
          guide: {
            steps: [...HUB_ACCOUNT_GUIDE.steps],
            prepare: [...HUB_ACCOUNT_GUIDE.prepare],
            next: [...HUB_ACCOUNT_GUIDE.next],
          },
          hubUrl: HUB_PRO_TRANSPORT_URL,
          drivers: drivers.map((c) => ({
            name: personName(c),
            birthDate: c.birthDate === null ? null : formatFrenchDate(c.birthDate),
          })),
          emptyNotice:
            drivers.length === 0
              ? 'Aucun candidat n’est inscrit à cette session : inscrivez les conducteurs pour imprimer leur fiche.'
              : null,
        };
        const document = this.documents.document('cqc-compte-hub', view);
        try {
          const body = await this.renderer.render(document, {
            lane: 'single',
            owner: session.centreId,
            signal,
          });
          return {
            fileName: `compte-hub-pro-transport_${fileSlug(`${titre.code} ${session.startDate}`)}.pdf`,
            contentType: 'application/pdf',
            body,
          };
        } catch (error) {
          if (!(error instanceof PdfRendererError)) throw error;
          this.logger.error(error.message);
          throw new ServiceUnavailableException(RENDERER_UNAVAILABLE);
        }
      } finally {
        leaveCentre();
      }
    } catch (error) {
      if (error instanceof RenderCancelledError) throw new ClientGoneException();
      throw error;
    } finally {
      leaveUser();
    }
  }

  /** The session's titre, which must give the CQC (409 otherwise, as for the registration). */
  private async cqcTitre(session: ExamSession): Promise<Titre> {
    const titre = (await this.titres([session.titreId])).get(session.titreId);
    if (!titre) throw notFound('Titre');
    if (!givesCqc(titre)) {
      throw new ConflictException(
        `Ni le titre ${titre.code} (${titre.version}) ni l’un de ses CCP n’est marqué comme donnant la carte de qualification de conducteur (CQC) : renseignez leur champ « cqc » avant d’inviter les conducteurs à créer leur compte Hub Pro Transport.`,
      );
    }
    return titre;
  }

  private async titres(ids: string[]): Promise<Map<string, Titre>> {
    const out = new Map<string, Titre>();
    for (const chunk of chunks(ids)) {
      const rows = await this.db.read((m) =>
        m.getRepository(Titre).find({ where: { id: In(chunk) }, relations: { ccps: true } }),
      );
      for (const row of rows) out.set(row.id, row);
    }
    return out;
  }

  private async centreNames(ids: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const chunk of chunks(ids)) {
      const rows = await this.db.read((m) =>
        m
          .getRepository(Centre)
          .find({ where: { id: In(chunk) }, select: { id: true, name: true } }),
      );
      for (const row of rows) out.set(row.id, row.name);
    }
    return out;
  }

  /** The day (Europe/Paris) of an instant recorded by Jalon. */
  private day(instant: string | undefined): CalendarDate {
    return instant === undefined ? this.clock.today() : parisToday(new Date(instant));
  }
}
