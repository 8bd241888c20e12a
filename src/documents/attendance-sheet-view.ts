/** The « feuille d'émargement »: one sheet per day of the session, candidates and staff. */
import { formatFrenchDate, formatFrenchLongDate } from '../common/calendar-date.js';
import { PATHWAY_LABELS, ROLE_LABELS, sessionDays } from './document-format.js';
import type { SessionDossier } from './session-dossier.js';
import {
  documentFooter,
  sessionIdentity,
  type FooterView,
  type IdentityView,
} from './session-identity.js';

export interface AttendanceSheetsView {
  title: string;
  identity: IdentityView;
  footer: FooterView;
  days: { date: string; longDate: string; position: string }[];
  candidates: { number: number; lastName: string; firstName: string; pathway: string }[];
  staff: { lastName: string; firstName: string; role: string }[];
  candidatesNotice: string | null;
  staffNotice: string | null;
}

export function attendanceSheets(dossier: SessionDossier): AttendanceSheetsView {
  const title = 'Feuille d’émargement';
  const days = sessionDays(dossier.session.startDate, dossier.session.endDate);
  return {
    title,
    identity: sessionIdentity(dossier),
    footer: documentFooter(dossier, title),
    days: days.map((day, index) => ({
      date: formatFrenchDate(day),
      longDate: formatFrenchLongDate(day),
      position: `Jour ${index + 1} sur ${days.length}`,
    })),
    candidates: dossier.candidates.map((c, index) => ({
      number: index + 1,
      lastName: c.lastName,
      firstName: c.firstName,
      pathway: PATHWAY_LABELS[c.pathway],
    })),
    staff: dossier.staff.map((s) => ({
      lastName: s.lastName,
      firstName: s.firstName,
      role: ROLE_LABELS[s.role],
    })),
    candidatesNotice:
      dossier.candidates.length === 0 ? 'Aucun candidat n’est inscrit à cette session.' : null,
    staffNotice:
      dossier.staff.length === 0
        ? 'Aucun membre de jury, surveillant ou comédien n’est affecté à cette session.'
        : null,
  };
}
