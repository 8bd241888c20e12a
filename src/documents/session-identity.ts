/** The identity of a session as every document shows it, and the page footer. */
import { formatFrenchDate } from '../common/calendar-date.js';
import {
  addressLines,
  dateRange,
  frenchTime,
  longDateRange,
  NATURE_LABELS,
  userName,
  withoutDoubledWord,
} from './document-format.js';
import type { DossierCcp, SessionDossier } from './session-dossier.js';

export interface IdentityView {
  centre: { name: string; lines: string[] };
  /** `label`: « site Vénissieux », or « Site de Vénissieux » as named, never « site Site de… ». */
  site: { name: string; lines: string[]; label: string };
  titre: { code: string; label: string; version: string };
  nature: string;
  /** The CCP (or CCS) the session covers. */
  ccps: { code: string; label: string }[];
  /** 'du 14/06/2027 au 18/06/2027'. */
  dates: string;
  /** 'du lundi 14 juin 2027 au vendredi 18 juin 2027'. */
  longDates: string;
  startTime: string;
  /** Where the tests take place: the session's location, else the site's address. */
  place: string[];
  manager: string;
  deputyManager: string | null;
  agrementReference: string | null;
  /** 'Lyon, le 01/03/2027'. */
  issued: string;
  /** Shown as a banner when the session is cancelled. */
  cancelled: string | null;
}

export interface FooterView {
  centre: string;
  /** « site Vénissieux » (or the site's name when it says « site » already); '' when unnamed. */
  site: string;
  title: string;
}

/** « site Vénissieux », or the site's own name when it starts with « Site »; '' when unnamed. */
export function siteLabel(name: string): string {
  return name.trim() === '' ? '' : withoutDoubledWord('site', name);
}

/** The CCP of the session: all CCP blocks of the titre for a TITRE session, else the chosen ones. */
export function sessionCcps(dossier: Pick<SessionDossier, 'session' | 'titre'>): DossierCcp[] {
  const { session, titre } = dossier;
  if (session.nature === 'TITRE') {
    const blocks = titre.ccps.filter((ccp) => ccp.kind === 'CCP');
    return blocks.length > 0 ? blocks : titre.ccps;
  }
  return titre.ccps.filter((ccp) => session.ccpCodes.includes(ccp.code));
}

export function sessionIdentity(dossier: SessionDossier): IdentityView {
  const { session, centre, site, titre } = dossier;
  const siteLines = addressLines(site);
  const location = session.location.trim();
  const city = site.city.trim() || centre.city.trim();
  const today = formatFrenchDate(dossier.today);
  return {
    centre: { name: centre.name, lines: addressLines(centre) },
    site: { name: site.name, lines: siteLines, label: siteLabel(site.name) },
    titre: { code: titre.code, label: titre.label, version: titre.version },
    nature: NATURE_LABELS[session.nature],
    ccps: sessionCcps(dossier).map(({ code, label }) => ({ code, label })),
    dates: dateRange(session.startDate, session.endDate),
    longDates: longDateRange(session.startDate, session.endDate),
    startTime: frenchTime(session.startTime),
    place: location !== '' ? [location] : [site.name, ...siteLines],
    manager: userName(dossier.manager) ?? 'non désigné(e)',
    deputyManager: userName(dossier.deputyManager),
    agrementReference: dossier.agrementReference || null,
    issued: city === '' ? `Le ${today}` : `${city}, le ${today}`,
    cancelled:
      session.status === 'CANCELLED'
        ? `Session annulée${session.cancelReason ? ` : ${session.cancelReason}` : ''}.`
        : null,
  };
}

export function documentFooter(dossier: SessionDossier, title: string): FooterView {
  return { centre: dossier.centre.name, site: siteLabel(dossier.site.name), title };
}
