/** What the documents of a session are made from: plain data, read once per request. */
import type { Candidate } from '../candidates/candidate.entity.js';
import type { CalendarDate } from '../common/calendar-date.js';
import type { IncidentKind } from '../incidents/session-incident.entity.js';
import type { StaffRole } from '../jury/session-staff.entity.js';
import type { ExamSession } from '../sessions/exam-session.entity.js';
import type { CcpKind } from '../titres/ccp.entity.js';

export interface DossierPlace {
  name: string;
  address: string;
  postalCode: string;
  city: string;
}

export interface DossierUser {
  firstName: string;
  lastName: string;
  email: string;
}

export interface DossierCcp {
  code: string;
  label: string;
  kind: CcpKind;
}

export type DossierSession = Pick<
  ExamSession,
  | 'id'
  | 'centreId'
  | 'nature'
  | 'ccpCodes'
  | 'startDate'
  | 'endDate'
  | 'startTime'
  | 'location'
  | 'status'
  | 'cancelReason'
  | 'checklistVersion'
>;

export type DossierCandidate = Pick<
  Candidate,
  | 'id'
  | 'personId'
  | 'lastName'
  | 'firstName'
  | 'birthDate'
  | 'address'
  | 'pathway'
  | 'vaeValidUntil'
  | 'accommodationRequested'
  | 'accommodationDetails'
  | 'convocationDate'
  | 'convocationMode'
  | 'attendance'
  | 'results'
>;

/** A person assigned to the session (juror, invigilator or actor). */
export interface DossierStaff {
  assignmentId: string;
  role: StaffRole;
  juryMemberId: string;
  lastName: string;
  firstName: string;
  employer: string;
  /** End of the member's latest habilitation for the session's titre. */
  habilitationUntil: CalendarDate | null;
  /**
   * What the centre must notice before sending the juror's convocation (habilitation absent,
   * expired or too short; the titre's jury requirements unmet); absent or empty: nothing.
   */
  alerts?: string[];
}

export interface DossierDeclaration {
  juryMemberId: string;
  candidateId: string;
  hasLink: boolean;
}

export interface DossierIncident {
  id: string;
  kind: IncidentKind;
  candidateId: string | null;
  occurredOn: CalendarDate;
  description: string;
  measures: string;
  reportedBy: string;
}

/** A CCP of the titre acquired by the person, with the session that gave it. */
export interface DossierAcquisition {
  code: string;
  /** End date of the session that gave it. */
  acquiredOn: CalendarDate;
  sessionId: string;
  sessionStartDate: CalendarDate;
  sessionEndDate: CalendarDate;
}

/**
 * The certification record of a candidate's person for the session's titre version, as it stood
 * at the end of this session (later sessions left out: an old PV does not change).
 */
export interface DossierRecord {
  /** The titre was completed at this session (its last missing CCP acquired here). */
  titreObtained: boolean;
  /** Each CCP (not CCS) of the titre acquired so far, in the titre's order. */
  acquisitions: DossierAcquisition[];
  /** CCP of the titre still missing after this session. */
  missingCcpCodes: string[];
}

export interface SessionDossier {
  /** The day the documents are issued (Europe/Paris). */
  today: CalendarDate;
  session: DossierSession;
  centre: DossierPlace;
  site: DossierPlace;
  titre: {
    code: string;
    label: string;
    version: string;
    ccps: DossierCcp[];
    /** The tests of the titre's référentiel d'évaluation (`EXAM_TESTS` codes). */
    examTests: string[];
    /** Documents the candidates bring besides the identity document. */
    convocationDocuments: string[];
  };
  agrementReference: string | null;
  manager: DossierUser | null;
  deputyManager: DossierUser | null;
  /** By name. */
  candidates: DossierCandidate[];
  /** The certification record of each candidate as of this session, by candidate id. */
  records: Readonly<Record<string, DossierRecord>>;
  /** By name. */
  staff: DossierStaff[];
  declarations: DossierDeclaration[];
  /** Incidents and fraud reports, in the order they happened. */
  incidents: DossierIncident[];
  /**
   * The users of Jalon whose e-mail address is recorded on the session (who reported an incident,
   * who ticked a task), so that the documents show their name; absent: none known.
   */
  people?: DossierUser[];
}
