/**
 * A session with the names its heading shows (titre, site, centre, managers) and its candidate
 * counts, in one query scoped to the caller's centres: the one read path of a session's heading,
 * for every tab of the dashboard and for the API's GET of a session.
 */
import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '../common/calendar-date.js';
import { canReadCentre, type Caller } from '../common/caller.js';
import { notFound } from '../common/errors.js';
import { DEFAULT_REGION, isFrenchRegion, type FrenchRegion } from '../common/french-holidays.js';
import { Database } from '../database/database.js';
import { json, num, sqlRows, str } from '../web/queries/sql.js';
import { ExamSession } from './exam-session.entity.js';

export interface SessionHeader {
  centreName: string;
  /** The centre's region (its holidays, the administration's name in the labels). */
  centreRegion: FrenchRegion;
  siteName: string;
  siteCity: string;
  titreCode: string;
  titreLabel: string;
  titreVersion: string;
  /** The titre version's end of validity and prolongation end set by hand (null: default). */
  titreValidUntil: CalendarDate;
  titreProlongationUntil: CalendarDate | null;
  /** The titre, or one of its CCP, gives the CQC: the session has a « CQC » tab. */
  titreGivesCqc: boolean;
  managerFirstName: string | null;
  managerLastName: string | null;
  managerEmail: string | null;
  deputyFirstName: string | null;
  deputyLastName: string | null;
  deputyEmail: string | null;
  formationCount: number;
  vaeCount: number;
  /** Candidates with a livret de certification (suite de parcours, progressif, équivalence). */
  livretCount: number;
  accommodationCount: number;
}

@Injectable()
export class SessionHeaderQuery {
  constructor(private readonly db: Database) {}

  /** The session a caller may read (404 otherwise), with its names and candidate counts. */
  async read(
    caller: Caller,
    sessionId: string,
  ): Promise<{ session: ExamSession; header: SessionHeader }> {
    // One query for the session (the same scoping as SessionsService.findForCaller) and its names.
    const [row] = await this.db.read((m) =>
      sqlRows<Record<string, unknown>>(
        m,
        `SELECT s."id", s."centreId", s."siteId", s."titreId", s."nature", s."ccpCodes", s."startDate",
          s."endDate", s."ceresCreatedOn", s."startTime", s."location", s."managerId", s."deputyManagerId", s."status",
          s."cancelReason", s."checklistVersion", s."createdAt", s."updatedAt", s."version",
          c."name" AS "centreName", c."region" AS "centreRegion", si."name" AS "siteName", si."city" AS "siteCity",
          ti."code" AS "titreCode", ti."label" AS "titreLabel", ti."version" AS "titreVersion",
          ti."validUntil" AS "titreValidUntil", ti."prolongationUntil" AS "titreProlongationUntil",
          CASE WHEN ti."cqc" IS NOT NULL OR EXISTS (SELECT 1 FROM "ccp" cc WHERE cc."titreId" = ti."id"
            AND cc."cqc" IS NOT NULL) THEN 1 ELSE 0 END AS "titreGivesCqc",
          m."firstName" AS "managerFirstName", m."lastName" AS "managerLastName", m."email" AS "managerEmail",
          d."firstName" AS "deputyFirstName", d."lastName" AS "deputyLastName", d."email" AS "deputyEmail",
          k."formationCount", k."vaeCount", k."livretCount", k."accommodationCount"
        FROM "exam_session" s
        CROSS JOIN (
          SELECT COUNT(CASE WHEN "pathway" = 'FORMATION' THEN 1 END) AS "formationCount",
            COUNT(CASE WHEN "pathway" = 'VAE' THEN 1 END) AS "vaeCount",
            COUNT(CASE WHEN "pathway" IN ('SUITE_PARCOURS', 'PARCOURS_PROGRESSIF', 'EQUIVALENCE')
              THEN 1 END) AS "livretCount",
            COUNT(CASE WHEN "accommodationRequested" THEN 1 END) AS "accommodationCount"
          FROM "candidate" WHERE "sessionId" = :id
        ) k
        JOIN "centre" c ON c."id" = s."centreId"
        JOIN "site" si ON si."id" = s."siteId"
        JOIN "titre" ti ON ti."id" = s."titreId"
        LEFT JOIN "app_user" m ON m."id" = s."managerId"
        LEFT JOIN "app_user" d ON d."id" = s."deputyManagerId"
        WHERE s."id" = :id`,
        { id: sessionId },
      ),
    );
    if (!row || !canReadCentre(caller, String(row.centreId))) throw notFound('Session');
    const session = Object.assign(new ExamSession(), {
      id: String(row.id),
      centreId: String(row.centreId),
      siteId: String(row.siteId),
      titreId: String(row.titreId),
      nature: row.nature as ExamSession['nature'],
      ccpCodes: json<string[]>(row.ccpCodes),
      startDate: String(row.startDate),
      endDate: String(row.endDate),
      ceresCreatedOn: str(row.ceresCreatedOn),
      startTime: String(row.startTime),
      location: String(row.location),
      managerId: str(row.managerId),
      deputyManagerId: str(row.deputyManagerId),
      status: row.status as ExamSession['status'],
      cancelReason: str(row.cancelReason),
      checklistVersion: num(row.checklistVersion),
      createdAt: String(row.createdAt),
      updatedAt: String(row.updatedAt),
      version: num(row.version),
    });
    return {
      session,
      header: {
        centreName: String(row.centreName),
        centreRegion: isFrenchRegion(row.centreRegion) ? row.centreRegion : DEFAULT_REGION,
        siteName: String(row.siteName),
        siteCity: String(row.siteCity ?? ''),
        titreCode: String(row.titreCode),
        titreLabel: String(row.titreLabel),
        titreVersion: String(row.titreVersion),
        titreValidUntil: String(row.titreValidUntil),
        titreProlongationUntil: str(row.titreProlongationUntil),
        titreGivesCqc: num(row.titreGivesCqc) === 1,
        managerFirstName: str(row.managerFirstName),
        managerLastName: str(row.managerLastName),
        managerEmail: str(row.managerEmail),
        deputyFirstName: str(row.deputyFirstName),
        deputyLastName: str(row.deputyLastName),
        deputyEmail: str(row.deputyEmail),
        formationCount: num(row.formationCount),
        vaeCount: num(row.vaeCount),
        livretCount: num(row.livretCount),
        accommodationCount: num(row.accommodationCount),
      },
    };
  }
}
