import { Inject, Injectable } from '@nestjs/common';
import {
  In,
  type EntityManager,
  type EntityTarget,
  type FindOptionsWhere,
  type ObjectLiteral,
} from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { Candidate } from '../candidates/candidate.entity.js';
import { dueResitReminder } from '../certification/resit-rules.js';
import { ResitNotice } from '../certification/resit-notice.entity.js';
import { ResitsService } from '../certification/resits.service.js';
import { Centre } from '../centres/centre.entity.js';
import type { Applicability } from '../checklist/checklist-template.js';
import { SessionTask } from '../checklist/session-task.entity.js';
import {
  isConditionalTask,
  isTaskApplicable,
  sessionFacts,
  type SessionFacts,
} from '../checklist/task-applicability.js';
import { addDays, daysBetween, type CalendarDate } from '../common/calendar-date.js';
import { effectiveDueDate, isFrenchRegion } from '../common/french-holidays.js';
import { authorityWording } from '../checklist/authority-wording.js';
import { complianceChecksByTask, isVerifiedByData } from '../compliance/compliance-rules.js';
import { ComplianceService } from '../compliance/compliance.service.js';
import { chunks } from '../common/chunks.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { MailTemplates } from '../mail/mail-templates.js';
import { OutboxService } from '../mail/outbox.service.js';
import { ExamSession, type SessionNature } from '../sessions/exam-session.entity.js';
import { UserCentre } from '../users/user-centre.entity.js';
import { User, type Role } from '../users/user.entity.js';
import { ObligationNotice } from '../obligations/obligation-notice.entity.js';
import { obligationReminderStep, reminderYears } from '../obligations/obligation-rules.js';
import { ObligationsService } from '../obligations/obligations.service.js';
import { ReminderNotice } from './reminder-notice.entity.js';
import { CqcCertificate } from '../cqc/cqc-certificate.entity.js';
import { CqcCertificateNotice } from '../cqc/cqc-certificate-notice.entity.js';
import { CqcConfirmToken } from '../cqc/cqc-confirm-token.entity.js';
import {
  certificateReminderHorizon,
  certificatesToRemind,
  CQC_CONFIRM_TOKEN_DAYS,
} from '../cqc/certificate-rules.js';
import { CqcCampaign } from '../cqc/campaign/campaign.entity.js';
import { CqcCampaignNotice } from '../cqc/campaign/campaign-notice.entity.js';
import { buildCampaignTimeline, remindersBetween } from '../cqc/campaign-timeline.js';
import { Titre } from '../titres/titre.entity.js';
import { CqcHubAccountService } from '../cqc/hub-account/hub-account.service.js';
import { randomSecret, sha256 } from '../auth/token.service.js';
import {
  driverCertificateMessage,
  digestMessage,
  immediateMessage,
  type CampaignReminderDueItem,
  type CertificateDueItem,
  type DueItem,
  type ObligationDueItem,
  type ResitDueItem,
  type SessionSummary,
} from './reminder-message.js';
import { ReminderPolicyService } from './reminder-policy.service.js';
import {
  DEFAULT_REMINDER_POLICY,
  isImmediate,
  reminderHorizon,
  remindersDue,
} from './reminder-policy.js';
import { Database } from '../database/database.js';

interface OpenTaskRow {
  id: string;
  sessionId: string;
  code: string;
  label: string;
  regulatory: boolean | number;
  obligation: boolean | number;
  dueDate: string;
  workingDayFallback: string | null;
  applicability: Applicability;
  centreId: string;
  region: string | null;
  nature: SessionNature;
  managerId: string | null;
  deputyManagerId: string | null;
}

interface Recipient {
  id: string;
  email: string;
  name: string;
}

/** A due item for one recipient, before it is put in a message. */
interface Pending extends DueItem {
  recipientId: string;
}

/** A centre's yearly obligation at a reminder step, for one of its managers. */
interface PendingObligation extends ObligationDueItem {
  recipientId: string;
}

/** A driver's certificate at a reminder step, for one of its centre's managers. */
interface PendingCertificate extends CertificateDueItem {
  recipientId: string;
}

/** A certificate at a reminder step, for the driver (an enrolment with an e-mail address). */
interface PendingDriverCertificate extends CertificateDueItem {
  candidateId: string;
  email: string;
}

/** A certificate not ordered ending within 30 days or ended, with its driver and session. */
interface CertificateRow {
  id: string;
  candidateId: string;
  validUntil: string;
  cardOrderedOn: string | null;
  lastName: string;
  firstName: string;
  email: string | null;
  centreId: string;
  sessionStartDate: string;
  sessionEndDate: string;
  titreCode: string;
}

/** A campaign reminder due, for one of its centre's managers. */
interface PendingCampaignReminder extends CampaignReminderDueItem {
  recipientId: string;
}

/**
 * A campaign reminder is sent on its date, or up to a week later when no pass ran that day (the
 * scheduler was off): older ones are not sent any more.
 */
export const CAMPAIGN_REMINDER_CATCH_UP_DAYS = 7;

function campaignNoticeKey(n: {
  recipientId: string;
  campaignId: string;
  stepCode: string;
  on: string;
}) {
  return `${n.recipientId}|${n.campaignId}|${n.stepCode}|${n.on}`;
}

/** A re-sit at a reminder step, for one recipient. */
interface PendingResit extends ResitDueItem {
  recipientId: string;
}

export interface PlanReport {
  /** Tasks and re-sits whose current reminder step has not been sent yet, per recipient. */
  itemsQueued: number;
  messagesQueued: number;
}

function noticeKey(n: { recipientId: string; taskId: string; step: string; stepDate: string }) {
  return `${n.recipientId}|${n.taskId}|${n.step}|${n.stepDate}`;
}

function obligationNoticeKey(n: {
  recipientId: string;
  centreId: string;
  obligationKey: string;
  step: string;
  dueDate: string;
}) {
  return `${n.recipientId}|${n.centreId}|${n.obligationKey}|${n.step}|${n.dueDate}`;
}

function certificateNoticeKey(n: {
  recipientKind: string;
  recipientId: string;
  certificateId: string;
  step: string;
  validUntil: string;
}) {
  return `${n.recipientKind}|${n.recipientId}|${n.certificateId}|${n.step}|${n.validUntil}`;
}

function resitNoticeKey(n: {
  recipientId: string;
  candidateId: string;
  step: string;
  deadline: string;
}) {
  return `${n.recipientId}|${n.candidateId}|${n.step}|${n.deadline}`;
}

/**
 * Who is reminded of a centre's re-sits: its active accounts with the manager or administrator
 * role that are attached to the centre (`user_centre`). Planning a re-sit session is the centre's
 * duty, not one session's: the session managers of the failed session may have left, and a
 * re-sit session does not exist yet. Read-only accounts cannot enrol anyone; administrators not
 * attached to the centre oversee every centre and would get every centre's re-sits.
 */
export const RESIT_REMINDER_ROLES: readonly Role[] = ['manager', 'admin'];

/**
 * Selects what is due today and writes it to the outbox: one immediate e-mail per réglementaire
 * task due today or tomorrow, and one digest per person and day for the rest. Each (recipient,
 * task, step) is recorded in `reminder_notice` in the same transaction, so it is never queued
 * twice, even by two instances at once.
 */
@Injectable()
export class ReminderPlanner {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly policies: ReminderPolicyService,
    private readonly outbox: OutboxService,
    private readonly templates: MailTemplates,
    private readonly resits: ResitsService,
    private readonly compliance: ComplianceService,
    private readonly obligations: ObligationsService,
    private readonly hubAccounts: CqcHubAccountService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async plan(): Promise<PlanReport> {
    const today = this.clock.today();
    const pending = await this.pendingItems(today);
    const resits = await this.pendingResits(today);
    const obligations = await this.pendingObligations(today);
    const certificateRows = await this.certificateRows(today);
    const certificates = await this.pendingCertificates(certificateRows, today);
    const campaignReminders = await this.pendingCampaignReminders(today);
    const report: PlanReport = await this.queueDrivers(
      await this.pendingDriverCertificates(certificateRows, today),
    );
    // « Créez votre compte Hub Pro Transport », once per driver, when the centre's reminders are on.
    const policies = await this.policies.all();
    const hubAccounts = await this.hubAccounts.queueDue(
      today,
      (centreId) => (policies.get(centreId) ?? DEFAULT_REMINDER_POLICY).enabled,
    );
    report.itemsQueued += hubAccounts.messagesQueued;
    report.messagesQueued += hubAccounts.messagesQueued;
    if (
      pending.length === 0 &&
      resits.length === 0 &&
      obligations.length === 0 &&
      certificates.length === 0 &&
      campaignReminders.length === 0
    ) {
      return report;
    }
    const sessions = await this.sessionSummaries([...new Set(pending.map((p) => p.sessionId))]);
    const recipients = await this.recipients([
      ...new Set(
        [...pending, ...resits, ...obligations, ...certificates, ...campaignReminders].map(
          (p) => p.recipientId,
        ),
      ),
    ]);
    for (const recipient of recipients.values()) {
      const mine = pending.filter((p) => p.recipientId === recipient.id);
      const myResits = resits.filter((p) => p.recipientId === recipient.id);
      const myObligations = obligations.filter((p) => p.recipientId === recipient.id);
      const myCertificates = certificates.filter((p) => p.recipientId === recipient.id);
      const myCampaignReminders = campaignReminders.filter((p) => p.recipientId === recipient.id);
      const queued = await this.queueFor(
        recipient,
        mine,
        myResits,
        myObligations,
        myCertificates,
        sessions,
        today,
        myCampaignReminders,
      );
      report.itemsQueued += queued.items;
      report.messagesQueued += queued.messages;
    }
    return report;
  }

  /** Open, applicable tasks at a reminder step that was not yet sent to each recipient. */
  private async pendingItems(today: CalendarDate): Promise<Pending[]> {
    const policies = await this.policies.all();
    const horizon = reminderHorizon([DEFAULT_REMINDER_POLICY, ...policies.values()]);
    // A week more: a working-day fallback is at most a few days before its due date.
    const rows = await this.openTasksDueBy(addDays(today, horizon + 7));
    const due: { row: OpenTaskRow; item: DueItem }[] = [];
    for (const row of rows) {
      if (isConditionalTask(row.applicability)) continue;
      const policy = policies.get(row.centreId) ?? DEFAULT_REMINDER_POLICY;
      // A deadline on a weekend or a public holiday of the centre's region is met the working
      // day before: the reminders count down to that day.
      const dueDate = effectiveDueDate(row);
      const reminder = remindersDue({ dueDate }, policy, today);
      if (!reminder) continue;
      const item: DueItem = {
        taskId: row.id,
        sessionId: row.sessionId,
        code: row.code,
        label: authorityWording(row.label, isFrenchRegion(row.region) ? row.region : undefined),
        // The obligations of the agrément the guide leaves unflagged get the immediate e-mails too.
        regulatory: Boolean(row.regulatory) || Boolean(row.obligation),
        dueDate,
        reminder,
      };
      due.push({ row, item });
    }
    if (due.length === 0) return [];
    const proven = await this.provenByData(due.map((d) => d.row));
    const facts = await this.factsOf(
      due.filter((d) => d.row.applicability !== 'ALWAYS').map((d) => d.row),
    );
    const candidates: Pending[] = [];
    for (const { row, item } of due) {
      if (proven.has(row.id)) continue;
      const sessionFacts = facts.get(row.sessionId);
      if (sessionFacts && !isTaskApplicable(row.applicability, sessionFacts)) continue;
      for (const recipientId of new Set([row.managerId, row.deputyManagerId])) {
        if (recipientId) candidates.push({ ...item, recipientId });
      }
    }
    const sent = await this.noticeKeys(
      ReminderNotice,
      'taskId',
      [...new Set(candidates.map((c) => c.taskId))],
      noticeKey,
    );
    return candidates.filter(
      (c) =>
        !sent.has(
          noticeKey({
            recipientId: c.recipientId,
            taskId: c.taskId,
            step: c.reminder.step,
            stepDate: c.reminder.stepDate,
          }),
        ),
    );
  }

  /**
   * The open re-sits (no session planned, deadline not passed) at a reminder step (3 months,
   * 1 month, 1 week before the deadline) not yet sent to each of their centre's managers.
   */
  private async pendingResits(today: CalendarDate): Promise<PendingResit[]> {
    const due = (await this.resits.open(today)).flatMap((item) => {
      const step = dueResitReminder(item, today);
      return step ? [{ item, step }] : [];
    });
    if (due.length === 0) return [];
    const centreIds = [...new Set(due.map((d) => d.item.centreId))];
    const managers = await this.centreManagers(centreIds);
    const centres = await this.centreNames(centreIds);
    const candidates: PendingResit[] = due.flatMap(({ item, step }) =>
      (managers.get(item.centreId) ?? []).map((recipientId) => ({
        recipientId,
        candidateId: item.candidateId,
        centreId: item.centreId,
        centreName: centres.get(item.centreId) ?? '',
        personId: item.personId,
        lastName: item.lastName,
        firstName: item.firstName,
        titreCode: item.titreCode,
        titreLabel: item.titreLabel,
        missingCcpCodes: item.missingCcpCodes,
        deadline: item.deadline,
        daysLeft: item.daysLeft,
        step,
      })),
    );
    const sent = await this.noticeKeys(
      ResitNotice,
      'candidateId',
      [...new Set(candidates.map((c) => c.candidateId))],
      resitNoticeKey,
    );
    return candidates.filter((c) => !sent.has(resitNoticeKey({ ...c, step: c.step.code })));
  }

  /**
   * The centres' yearly obligations (annual programme, provider avenants, agrément and titre
   * ends) at a reminder step (30 days, 7 days before the due date, overdue) not yet sent to each
   * of their centre's managers (the same accounts as for re-sits: the duty is the centre's).
   */
  private async pendingObligations(today: CalendarDate): Promise<PendingObligation[]> {
    const centres = await this.db.read((m) =>
      m.getRepository(Centre).find({ select: { id: true, name: true }, order: { id: 'ASC' } }),
    );
    if (centres.length === 0) return [];
    const managers = await this.centreManagers(centres.map((c) => c.id));
    const policies = await this.policies.all();
    const candidates: PendingObligation[] = [];
    for (const centre of centres) {
      if (!(policies.get(centre.id) ?? DEFAULT_REMINDER_POLICY).enabled) continue;
      const recipients = managers.get(centre.id) ?? [];
      if (recipients.length === 0) continue;
      for (const year of reminderYears(today)) {
        for (const obligation of await this.obligations.forCentre(centre.id, year)) {
          const step = obligationReminderStep(obligation, today);
          if (!step) continue;
          for (const recipientId of recipients) {
            candidates.push({
              recipientId,
              centreId: centre.id,
              centreName: centre.name,
              key: obligation.key,
              label: obligation.label,
              dueDate: obligation.dueDate,
              daysLeft: daysBetween(today, obligation.dueDate),
              step,
              href: obligation.link.href,
            });
          }
        }
      }
    }
    const sent = await this.noticeKeys(
      ObligationNotice,
      'centreId',
      [...new Set(candidates.map((c) => c.centreId))],
      obligationNoticeKey,
    );
    return candidates.filter(
      (c) =>
        !sent.has(
          obligationNoticeKey({
            recipientId: c.recipientId,
            centreId: c.centreId,
            obligationKey: c.key,
            step: c.step,
            dueDate: c.dueDate,
          }),
        ),
    );
  }

  /**
   * The reminders of the CQC-by-equivalence campaigns (campaign-timeline.ts) dated from a week
   * ago to today, not yet sent to each of their centre's managers (the same accounts as for
   * re-sits and obligations), when the centre's reminders are on.
   */
  private async pendingCampaignReminders(today: CalendarDate): Promise<PendingCampaignReminder[]> {
    const year = Number(today.slice(0, 4));
    // A campaign's reminders fall in the spring and summer after its school year starts.
    const campaigns = await this.db.read((m) =>
      m
        .getRepository(CqcCampaign)
        .find({ where: { schoolYear: In([year - 1, year]) }, order: { id: 'ASC' } }),
    );
    if (campaigns.length === 0) return [];
    const policies = await this.policies.all();
    const enabled = campaigns.filter(
      (c) => (policies.get(c.centreId) ?? DEFAULT_REMINDER_POLICY).enabled,
    );
    const centreIds = [...new Set(enabled.map((c) => c.centreId))];
    const managers = await this.centreManagers(centreIds);
    const centres = await this.centreNames(centreIds);
    const candidates: PendingCampaignReminder[] = [];
    for (const campaign of enabled) {
      const timeline = buildCampaignTimeline(campaign.schoolYear, {
        start: campaign.springHolidaysStart,
        end: campaign.springHolidaysEnd,
      });
      if (!timeline.ok) continue;
      const due = remindersBetween(
        timeline.value,
        addDays(today, -CAMPAIGN_REMINDER_CATCH_UP_DAYS),
        today,
      );
      for (const reminder of due) {
        for (const recipientId of managers.get(campaign.centreId) ?? []) {
          candidates.push({
            recipientId,
            campaignId: campaign.id,
            centreId: campaign.centreId,
            centreName: centres.get(campaign.centreId) ?? '',
            campaignLabel: campaign.label,
            stepCode: reminder.stepCode,
            on: reminder.on,
            message: reminder.message,
          });
        }
      }
    }
    const sent = await this.noticeKeys(
      CqcCampaignNotice,
      'campaignId',
      [...new Set(candidates.map((c) => c.campaignId))],
      campaignNoticeKey,
    );
    return candidates.filter((c) => !sent.has(campaignNoticeKey(c)));
  }

  /** The certificates whose card is not ordered, ending within 30 days or ended. */
  private certificateRows(today: CalendarDate): Promise<CertificateRow[]> {
    return this.db.read((m) =>
      m
        .getRepository(CqcCertificate)
        .createQueryBuilder('certificate')
        .innerJoin(Candidate, 'candidate', 'candidate.id = certificate.candidateId')
        .innerJoin(ExamSession, 'session', 'session.id = candidate.sessionId')
        .innerJoin(Titre, 'titre', 'titre.id = session.titreId')
        .select([
          'certificate.id AS "id"',
          'certificate.candidateId AS "candidateId"',
          'certificate.validUntil AS "validUntil"',
          'certificate.cardOrderedOn AS "cardOrderedOn"',
          'candidate.lastName AS "lastName"',
          'candidate.firstName AS "firstName"',
          'candidate.email AS "email"',
          'session.centreId AS "centreId"',
          'session.startDate AS "sessionStartDate"',
          'session.endDate AS "sessionEndDate"',
          'titre.code AS "titreCode"',
        ])
        .where('certificate.cardOrderedOn IS NULL')
        .andWhere('certificate.validUntil <= :horizon', {
          horizon: certificateReminderHorizon(today),
        })
        .orderBy('certificate.validUntil', 'ASC')
        .addOrderBy('certificate.id', 'ASC')
        .getRawMany<CertificateRow>(),
    );
  }

  private certificateItem(row: CertificateRow, today: CalendarDate) {
    return {
      certificateId: row.id,
      centreId: row.centreId,
      lastName: row.lastName,
      firstName: row.firstName,
      titreCode: row.titreCode,
      sessionStartDate: row.sessionStartDate,
      sessionEndDate: row.sessionEndDate,
      validUntil: row.validUntil,
      daysLeft: daysBetween(today, row.validUntil),
    };
  }

  /**
   * The drivers' certificates at a reminder step (30 days, 7 days before the end, expired) whose
   * card is not ordered, not yet sent to each of their centre's managers (the same accounts as
   * for re-sits and obligations), when the centre's reminders are on.
   */
  private async pendingCertificates(
    rows: CertificateRow[],
    today: CalendarDate,
  ): Promise<PendingCertificate[]> {
    if (rows.length === 0) return [];
    const policies = await this.policies.all();
    const enabled = rows.filter(
      (row) => (policies.get(row.centreId) ?? DEFAULT_REMINDER_POLICY).enabled,
    );
    const managers = await this.centreManagers([...new Set(enabled.map((r) => r.centreId))]);
    const sent = await this.noticeKeys(
      CqcCertificateNotice,
      'certificateId',
      enabled.map((r) => r.id),
      certificateNoticeKey,
    );
    return enabled.flatMap((row) =>
      (managers.get(row.centreId) ?? []).flatMap((recipientId) =>
        certificatesToRemind(
          [{ endDate: row.validUntil, cardOrderedOn: row.cardOrderedOn }],
          today,
          (_, step) =>
            sent.has(
              certificateNoticeKey({
                recipientKind: 'manager',
                recipientId,
                certificateId: row.id,
                step,
                validUntil: row.validUntil,
              }),
            ),
        ).map(({ step }) => ({ ...this.certificateItem(row, today), step, recipientId })),
      ),
    );
  }

  /** The same certificates for their drivers whose e-mail address is known. */
  private async pendingDriverCertificates(
    rows: CertificateRow[],
    today: CalendarDate,
  ): Promise<PendingDriverCertificate[]> {
    const withEmail = rows.filter((row) => row.email !== null && row.email.trim() !== '');
    if (withEmail.length === 0) return [];
    const policies = await this.policies.all();
    const enabled = withEmail.filter(
      (row) => (policies.get(row.centreId) ?? DEFAULT_REMINDER_POLICY).enabled,
    );
    const sent = await this.noticeKeys(
      CqcCertificateNotice,
      'certificateId',
      enabled.map((r) => r.id),
      certificateNoticeKey,
    );
    return enabled.flatMap((row) =>
      certificatesToRemind(
        [{ endDate: row.validUntil, cardOrderedOn: row.cardOrderedOn }],
        today,
        (_, step) =>
          sent.has(
            certificateNoticeKey({
              recipientKind: 'driver',
              recipientId: row.candidateId,
              certificateId: row.id,
              step,
              validUntil: row.validUntil,
            }),
          ),
      ).map(({ step }) => ({
        ...this.certificateItem(row, today),
        step,
        candidateId: row.candidateId,
        email: row.email!.trim(),
      })),
    );
  }

  /**
   * One e-mail per driver and step, with a new single-use link to confirm the card is ordered
   * (its token stored hashed), the notice recorded in the same transaction.
   */
  private async queueDrivers(items: PendingDriverCertificate[]): Promise<PlanReport> {
    const report: PlanReport = { itemsQueued: 0, messagesQueued: 0 };
    for (const item of items) {
      const token = randomSecret();
      const now = this.clock.now();
      const nowIso = now.toISOString();
      const { subject, view } = driverCertificateMessage({
        appUrl: this.config.appUrl,
        item,
        confirmUrl: `${this.config.appUrl}/cqc/confirm/${token}`,
      });
      const queued = await this.db.transaction(async (m) => {
        const id = await this.outbox.enqueue(m, {
          recipientId: item.candidateId,
          recipientEmail: item.email,
          kind: 'immediate',
          ref: item.certificateId,
          step: item.step,
          date: item.validUntil,
          subject,
          ...this.templates.render('cqc-certificate', view),
        });
        if (!id) return false;
        await m.getRepository(CqcConfirmToken).insert({
          tokenHash: sha256(token),
          certificateId: item.certificateId,
          expiresAt: new Date(now.getTime() + CQC_CONFIRM_TOKEN_DAYS * 86_400_000).toISOString(),
          usedAt: null,
          createdAt: nowIso,
        });
        await insertNotices(m, CqcCertificateNotice, [
          {
            recipientKind: 'driver' as const,
            recipientId: item.candidateId,
            certificateId: item.certificateId,
            step: item.step,
            validUntil: item.validUntil,
            outboxId: id,
            createdAt: nowIso,
          },
        ]);
        return true;
      });
      if (queued) {
        report.itemsQueued++;
        report.messagesQueued++;
      }
    }
    return report;
  }

  /** The ids of the managers of each centre (see `RESIT_REMINDER_ROLES`). */
  private async centreManagers(centreIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const ids of chunks(centreIds)) {
      const links = await this.db.read((m) =>
        m.getRepository(UserCentre).find({
          where: {
            centreId: In(ids),
            user: { active: true, role: In([...RESIT_REMINDER_ROLES]) },
          },
          relations: { user: true },
        }),
      );
      for (const link of links)
        out.set(link.centreId, [...(out.get(link.centreId) ?? []), link.userId]);
    }
    return out;
  }

  private async centreNames(centreIds: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const ids of chunks(centreIds)) {
      const centres = await this.db.read((m) =>
        m.getRepository(Centre).find({ select: { id: true, name: true }, where: { id: In(ids) } }),
      );
      for (const centre of centres) out.set(centre.id, centre.name);
    }
    return out;
  }

  /**
   * The tasks « vérifiées par les données » (every compliance check supporting them passes):
   * they are never reminded. One compliance report per session with a task at a step today.
   */
  private async provenByData(rows: OpenTaskRow[]): Promise<Set<string>> {
    const proven = new Set<string>();
    const bySession = new Map<string, OpenTaskRow[]>();
    for (const row of rows)
      bySession.set(row.sessionId, [...(bySession.get(row.sessionId) ?? []), row]);
    for (const ids of chunks([...bySession.keys()])) {
      const sessions = await this.db.read((m) =>
        m.getRepository(ExamSession).find({ where: { id: In(ids) } }),
      );
      for (const session of sessions) {
        const checks = complianceChecksByTask(await this.compliance.evaluate(session));
        for (const row of bySession.get(session.id) ?? []) {
          if (isVerifiedByData(checks.get(row.code))) proven.add(row.id);
        }
      }
    }
    return proven;
  }

  /** Uses the (status, dueDate) index: only open tasks due by the horizon are read. */
  private openTasksDueBy(limit: CalendarDate): Promise<OpenTaskRow[]> {
    return this.db.read((m) =>
      m
        .getRepository(SessionTask)
        .createQueryBuilder('t')
        .innerJoin(ExamSession, 's', 's.id = t.sessionId')
        .innerJoin(Centre, 'c', 'c.id = s.centreId')
        .select([
          'c.region AS "region"',
          't.id AS "id"',
          't.sessionId AS "sessionId"',
          't.code AS "code"',
          't.label AS "label"',
          't.regulatory AS "regulatory"',
          't.obligation AS "obligation"',
          't.dueDate AS "dueDate"',
          't.workingDayFallback AS "workingDayFallback"',
          't.applicability AS "applicability"',
          's.centreId AS "centreId"',
          's.nature AS "nature"',
          's.managerId AS "managerId"',
          's.deputyManagerId AS "deputyManagerId"',
        ])
        .where('t.status = :todo', { todo: 'todo' })
        .andWhere('t.dueDate <= :limit', { limit })
        .andWhere('s.status NOT IN (:...closed)', { closed: ['CANCELLED', 'CLOSED'] })
        .andWhere('(s.managerId IS NOT NULL OR s.deputyManagerId IS NOT NULL)')
        .getRawMany<OpenTaskRow>(),
    );
  }

  private async factsOf(rows: OpenTaskRow[]): Promise<Map<string, SessionFacts>> {
    const natures = new Map(rows.map((row) => [row.sessionId, row.nature]));
    const bySession = new Map<string, { pathway: string; accommodationRequested: boolean }[]>();
    for (const ids of chunks([...natures.keys()])) {
      const found = await this.db.read((m) =>
        m.getRepository(Candidate).find({
          select: { sessionId: true, pathway: true, accommodationRequested: true },
          where: { sessionId: In(ids) },
        }),
      );
      for (const c of found) bySession.set(c.sessionId, [...(bySession.get(c.sessionId) ?? []), c]);
    }
    return new Map(
      [...natures].map(([id, nature]) => [id, sessionFacts(nature, bySession.get(id) ?? [])]),
    );
  }

  private async sessionSummaries(ids: string[]): Promise<Map<string, SessionSummary>> {
    const out = new Map<string, SessionSummary>();
    for (const chunk of chunks(ids)) {
      const sessions = await this.db.read((m) =>
        m.getRepository(ExamSession).find({
          where: { id: In(chunk) },
          relations: { titre: true, site: true },
        }),
      );
      for (const s of sessions) {
        out.set(s.id, {
          id: s.id,
          titreCode: s.titre?.code ?? '',
          titreLabel: s.titre?.label ?? '',
          startDate: s.startDate,
          endDate: s.endDate,
          siteName: s.site?.name ?? '',
          location: s.location,
        });
      }
    }
    return out;
  }

  private async recipients(ids: string[]): Promise<Map<string, Recipient>> {
    const out = new Map<string, Recipient>();
    for (const chunk of chunks(ids)) {
      const users = await this.db.read((m) =>
        m.getRepository(User).find({ where: { id: In(chunk), active: true } }),
      );
      for (const u of users) {
        out.set(u.id, { id: u.id, email: u.email, name: `${u.firstName} ${u.lastName}` });
      }
    }
    return out;
  }

  private async queueFor(
    recipient: Recipient,
    items: Pending[],
    resits: PendingResit[],
    obligations: PendingObligation[],
    certificates: PendingCertificate[],
    sessions: ReadonlyMap<string, SessionSummary>,
    today: CalendarDate,
    campaignReminders: PendingCampaignReminder[] = [],
  ): Promise<{ items: number; messages: number }> {
    const known = items.filter((item) => sessions.has(item.sessionId));
    const immediate = known.filter((item) => isImmediate(item, item.reminder));
    const digest = known.filter((item) => !isImmediate(item, item.reminder));
    const now = this.clock.nowIso();
    return this.db.transaction(async (m) => {
      let queuedItems = 0;
      let messages = 0;
      for (const item of immediate) {
        const { subject, view } = immediateMessage({
          appUrl: this.config.appUrl,
          recipientName: recipient.name,
          item,
          session: sessions.get(item.sessionId)!,
        });
        const id = await this.outbox.enqueue(m, {
          recipientId: recipient.id,
          recipientEmail: recipient.email,
          kind: 'immediate',
          ref: item.taskId,
          step: item.reminder.step,
          date: item.reminder.stepDate,
          subject,
          ...this.templates.render('immediate', view),
        });
        if (id && (await this.recordNotices(m, recipient.id, [item], id, now)) > 0) {
          queuedItems++;
          messages++;
        }
      }
      if (
        digest.length > 0 ||
        resits.length > 0 ||
        obligations.length > 0 ||
        certificates.length > 0 ||
        campaignReminders.length > 0
      ) {
        const { subject, view } = digestMessage({
          appUrl: this.config.appUrl,
          today,
          recipientName: recipient.name,
          items: digest,
          sessions,
          resits,
          obligations,
          certificates,
          campaignReminders,
        });
        const id = await this.outbox.enqueue(m, {
          recipientId: recipient.id,
          recipientEmail: recipient.email,
          kind: 'digest',
          ref: 'digest',
          step: 'digest',
          date: today,
          subject,
          ...this.templates.render('digest', view),
        });
        // Today's digest already went (an earlier pass): these items wait for tomorrow's.
        if (id) {
          const notice = { recipientId: recipient.id, outboxId: id, createdAt: now };
          queuedItems += await this.recordNotices(m, recipient.id, digest, id, now);
          queuedItems += await insertNotices(
            m,
            ResitNotice,
            resits.map((item) => ({
              ...notice,
              candidateId: item.candidateId,
              step: item.step.code,
              deadline: item.deadline,
            })),
          );
          queuedItems += await insertNotices(
            m,
            ObligationNotice,
            obligations.map((item) => ({
              ...notice,
              centreId: item.centreId,
              obligationKey: item.key,
              step: item.step,
              dueDate: item.dueDate,
            })),
          );
          queuedItems += await insertNotices(
            m,
            CqcCertificateNotice,
            certificates.map((item) => ({
              ...notice,
              recipientKind: 'manager' as const,
              certificateId: item.certificateId,
              step: item.step,
              validUntil: item.validUntil,
            })),
          );
          queuedItems += await insertNotices(
            m,
            CqcCampaignNotice,
            campaignReminders.map((item) => ({
              ...notice,
              campaignId: item.campaignId,
              stepCode: item.stepCode,
              on: item.on,
            })),
          );
          messages++;
        }
      }
      return { items: queuedItems, messages };
    });
  }

  /** Records a task's reminder step as put in the outbox message `outboxId` (see `insertNotices`). */
  private recordNotices(
    m: EntityManager,
    recipientId: string,
    items: DueItem[],
    outboxId: string,
    createdAt: string,
  ): Promise<number> {
    return insertNotices(
      m,
      ReminderNotice,
      items.map((item) => ({
        recipientId,
        taskId: item.taskId,
        step: item.reminder.step,
        stepDate: item.reminder.stepDate,
        outboxId,
        createdAt,
      })),
    );
  }

  /** The keys of the notices already recorded for these ids of `column` (tasks, enrolments…). */
  private async noticeKeys<T extends ObjectLiteral>(
    target: EntityTarget<T>,
    column: keyof T & string,
    ids: string[],
    keyOf: (notice: T) => string,
  ): Promise<Set<string>> {
    const keys = new Set<string>();
    for (const chunk of chunks(ids)) {
      const where = { [column]: In(chunk) } as FindOptionsWhere<T>;
      const rows = await this.db.read((m) => m.getRepository(target).find({ where }));
      for (const row of rows) keys.add(keyOf(row));
    }
    return keys;
  }
}

/**
 * Inserts notices by hundreds; one already recorded (by another instance at the same time) is
 * left as it is: the unique key keeps each reminder step to one message.
 */
async function insertNotices<T extends ObjectLiteral>(
  m: EntityManager,
  target: EntityTarget<T>,
  rows: QueryDeepPartialEntity<T>[],
): Promise<number> {
  for (const chunk of chunks(rows, 100)) {
    await m.createQueryBuilder().insert().into(target).values(chunk).orIgnore().execute();
  }
  return rows.length;
}
