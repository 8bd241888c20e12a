/**
 * « Créez votre compte Hub Pro Transport » (issue 15, seed 001): the driver must create their
 * account on the Hub without waiting for the end of the training, so that the certificate of
 * qualification the centre's registration gives reaches them at once. Jalon e-mails each
 * candidate of a session whose titre gives the CQC, once, from a set number of days before the
 * session's first day (the end of the training as Jalon knows it), and prints the same steps on a
 * sheet per driver.
 */
import {
  addDays,
  compareDates,
  formatFrenchDate,
  type CalendarDate,
} from '../../common/calendar-date.js';
import type { RuleSource } from '../../certification/certification-sources.js';
import { personName } from '../../common/person-order.js';

const HUB_DRIVER_GUIDE =
  'ECF PRO — « Le guide pratique : nouvelles modalités de délivrance de la carte de qualification de conducteur, réaliser sa demande en ligne », seeds/001_98a4669c826a5dd4.txt';

export const HUB_ACCOUNT_SOURCES = {
  /** « Vous devez créer votre compte sans attendre la fin de formation. » */
  HUB_ACCOUNT_WITHOUT_WAITING: {
    code: 'HUB_ACCOUNT_WITHOUT_WAITING',
    text: HUB_DRIVER_GUIDE,
    article: '« Principe de mise en œuvre » et § 01 « Je crée mon compte »',
    date: null,
    url: 'https://hubprotransport.com',
    summary:
      'Le conducteur doit créer son compte sur Hub Pro Transport sans attendre la fin de sa formation ; à l’issue de la formation, le centre renseigne la formation sur le portail. La création du compte est analysée sous 24 heures au maximum.',
    referenceCode: null,
  },
  /**
   * The 21 days are Jalon's choice (issue 15): three weeks leave the driver time to create the
   * account (analysed within 24 hours, corrected and analysed again on an error) and the centre
   * time to send it again before the session, when the training's last days are still ahead.
   */
  HUB_ACCOUNT_NOTICE_DAYS: {
    code: 'HUB_ACCOUNT_NOTICE_DAYS',
    text: HUB_DRIVER_GUIDE,
    article:
      '« Principe de mise en œuvre » (« sans attendre la fin de formation ») et § 08 ; délai d’envoi : issue 15 de Jalon',
    date: null,
    url: null,
    summary:
      'Jalon écrit au conducteur 21 jours avant le premier jour de la session d’examen (la fin de la formation telle que Jalon la connaît) : trois semaines pour créer son compte, dont l’analyse prend jusqu’à 24 heures et peut demander une correction, avant que le centre n’enregistre la formation et que le certificat de qualification de 4 mois ne soit délivré.',
    referenceCode: null,
  },
  /** What comes after: the centre's registration, the 4-month certificate, the card's order. */
  HUB_ACCOUNT_NEXT_STEPS: {
    code: 'HUB_ACCOUNT_NEXT_STEPS',
    text: HUB_DRIVER_GUIDE,
    article:
      '§ 05 « Je fais ma demande », § 08 « J’accède à mon certificat de qualification », § 12',
    date: null,
    url: null,
    summary:
      'À chaque formation enregistrée donnant droit à une nouvelle CQC, le conducteur qui a un compte reçoit par courrier électronique son certificat de qualification, valable 4 mois ; il commande sa carte dans l’onglet « Mes demandes » et la reçoit à l’adresse de son choix ; au-delà des 4 mois, il peut être verbalisé lors d’un contrôle sur route.',
    referenceCode: null,
  },
} as const satisfies Record<string, RuleSource>;

/** A number of days with the text that sets it. */
export interface DaysRule {
  readonly days: number;
  readonly source: RuleSource;
}

/** The e-mail goes from 21 days before the session's first day. */
export const HUB_ACCOUNT_NOTICE: DaysRule = {
  days: 21,
  source: HUB_ACCOUNT_SOURCES.HUB_ACCOUNT_NOTICE_DAYS,
};

export const HUB_PRO_TRANSPORT_URL = 'https://hubprotransport.com';
export const HUB_PRO_TRANSPORT_CONTACT = 'contact-hubprotransport@ingroupe.com';

/** The guide's text for the driver, as the e-mail and the sheet show it (seed 001). */
export const HUB_ACCOUNT_GUIDE = {
  /** § 01 to § 03: create the account, set the password, log in. */
  steps: [
    `Rendez-vous sur ${HUB_PRO_TRANSPORT_URL} (de préférence avec Chrome ou Firefox).`,
    'Cliquez sur « Créer un compte » et choisissez le profil « Particulier ».',
    'Remplissez le formulaire de création de compte. Si votre permis de conduire a été obtenu en France, une aide à la saisie vous est proposée en cliquant sur le champ « Numéro de permis de conduire ».',
    'Lisez la politique de confidentialité et les conditions générales, cochez les 4 cases en bas du formulaire, puis cliquez sur « Créer ».',
    'Sous 24 heures au maximum, vous recevez un courrier électronique : cliquez sur « Créer mon mot de passe ». Votre mot de passe doit compter au moins 12 caractères, dont 1 majuscule, 1 minuscule et 1 caractère spécial (par exemple ? ! * # -). Cliquez sur « Valider », puis sur « Revenir à l’application ».',
    'Connectez-vous avec votre adresse e-mail et votre mot de passe : vous accédez à votre espace personnel. Si une information de votre demande est erronée, vous êtes invité(e) à la corriger pour une nouvelle analyse.',
  ],
  /** What to have at hand (§ 01 and § 07). */
  prepare: [
    'une adresse e-mail personnelle que vous consultez : le Hub vous y écrit et elle sera votre identifiant ;',
    'votre permis de conduire (son numéro vous est demandé) ;',
    'votre carte nationale d’identité ; plus tard, pour commander la carte, une photo prise avec la caméra de votre ordinateur et votre signature peuvent vous être demandées.',
  ],
  /** § 05, § 08 and § 12: what comes after the account. */
  next: [
    'Après votre réussite, votre centre de formation enregistre votre formation sur Hub Pro Transport ; le récapitulatif de votre formation est déposé dans l’onglet « Mes formations » de votre espace.',
    'Vous recevez alors par e-mail votre certificat de qualification, valable 4 mois (il est aussi dans l’onglet « Mes certificats ») ; sans compte, vous n’y aurez accès qu’après l’avoir créé.',
    'Pendant ces 4 mois, commandez votre carte de qualification de conducteur (CQC) dans l’onglet « Mes demandes », rubrique « Faire une demande », en indiquant l’adresse où la recevoir. Au-delà, vous pouvez être verbalisé(e) lors d’un contrôle sur route.',
    `À réception, vérifiez votre carte et activez-la sur ${HUB_PRO_TRANSPORT_URL}. Une question : ${HUB_PRO_TRANSPORT_CONTACT}.`,
  ],
  sources: [
    HUB_ACCOUNT_SOURCES.HUB_ACCOUNT_WITHOUT_WAITING,
    HUB_ACCOUNT_SOURCES.HUB_ACCOUNT_NEXT_STEPS,
  ],
} as const;

/** First day the daily run e-mails the candidates of a session starting on `startDate`. */
export function hubAccountNoticeFrom(startDate: CalendarDate): CalendarDate {
  return addDays(startDate, -HUB_ACCOUNT_NOTICE.days);
}

export interface HubAccountSession {
  readonly startDate: CalendarDate;
  readonly endDate: CalendarDate;
  readonly cancelled: boolean;
  /** The titre gives the CQC. */
  readonly givesCqc: boolean;
}

/**
 * Whether the daily run e-mails a session's candidates today: its titre gives the CQC, it is not
 * cancelled, and today is between 21 days before its first day and its last day (after it, the
 * centre sends the e-mail itself if it is still useful).
 */
export function isHubAccountNoticeDue(session: HubAccountSession, today: CalendarDate): boolean {
  if (!session.givesCqc || session.cancelled) return false;
  return (
    compareDates(today, hubAccountNoticeFrom(session.startDate)) >= 0 &&
    compareDates(today, session.endDate) <= 0
  );
}

export interface HubAccountCandidate {
  readonly id: string;
  readonly email: string | null;
  /** The candidate's data was purged (retention). */
  readonly purged: boolean;
}

export interface HubAccountRecipients<T extends HubAccountCandidate> {
  /** Not told yet, with an address: the e-mail goes to them (the address trimmed). */
  readonly toTell: (T & { address: string })[];
  /** Already told (by the daily run or the centre). */
  readonly alreadyTold: T[];
  /** Not told and without an address: the centre hands them the printed sheet. */
  readonly withoutEmail: T[];
}

/** Splits a session's candidates: who gets the e-mail, who already had it, who has no address. */
export function hubAccountRecipients<T extends HubAccountCandidate>(
  candidates: readonly T[],
  told: ReadonlySet<string>,
): HubAccountRecipients<T> {
  const toTell: (T & { address: string })[] = [];
  const alreadyTold: T[] = [];
  const withoutEmail: T[] = [];
  for (const candidate of candidates) {
    if (candidate.purged) continue;
    if (told.has(candidate.id)) {
      alreadyTold.push(candidate);
      continue;
    }
    const address = candidate.email?.trim() ?? '';
    if (address === '') withoutEmail.push(candidate);
    else toTell.push({ ...candidate, address });
  }
  return { toTell, alreadyTold, withoutEmail };
}

/** The e-mail's subject. */
export const HUB_ACCOUNT_SUBJECT =
  'Carte de qualification de conducteur : créez dès maintenant votre compte Hub Pro Transport';

/**
 * The e-mail's opening sentence: « Votre session d’examen Conducteur du transport routier de
 * marchandises sur porteur (CTRMP) a lieu du 14/06/2027 au 18/06/2027 : créez dès maintenant… »
 */
export function hubAccountIntro(session: {
  titreLabel: string;
  titreCode: string;
  startDate: CalendarDate;
  endDate: CalendarDate;
}): string {
  const dates =
    session.startDate === session.endDate
      ? `le ${formatFrenchDate(session.startDate)}`
      : `du ${formatFrenchDate(session.startDate)} au ${formatFrenchDate(session.endDate)}`;
  return `Votre session d’examen « ${session.titreLabel} » (${session.titreCode}) a lieu ${dates}. Pour obtenir votre carte de qualification de conducteur (CQC), créez dès maintenant votre compte sur Hub Pro Transport, sans attendre la fin de votre formation : c’est là que vous recevrez votre certificat de qualification et que vous commanderez votre carte.`;
}

export interface HubAccountMessageInput {
  readonly firstName: string;
  readonly lastName: string;
  readonly titreLabel: string;
  readonly titreCode: string;
  readonly startDate: CalendarDate;
  readonly endDate: CalendarDate;
  readonly centreName: string;
  readonly appUrl: string;
}

export interface HubAccountMessageView {
  greeting: string;
  intro: string;
  prepare: string[];
  steps: { number: number; text: string }[];
  next: string[];
  hubUrl: string;
  signature: string;
  appUrl: string;
}

/** The subject and the view of the e-mail to one driver (templates/emails/cqc-hub-account.*). */
export function hubAccountMessage(input: HubAccountMessageInput): {
  subject: string;
  view: HubAccountMessageView;
} {
  return {
    subject: HUB_ACCOUNT_SUBJECT,
    view: {
      greeting: `Bonjour ${personName(input)},`,
      intro: hubAccountIntro(input),
      prepare: [...HUB_ACCOUNT_GUIDE.prepare],
      steps: HUB_ACCOUNT_GUIDE.steps.map((text, i) => ({ number: i + 1, text })),
      next: [...HUB_ACCOUNT_GUIDE.next],
      hubUrl: HUB_PRO_TRANSPORT_URL,
      signature:
        input.centreName.trim() === ''
          ? 'Votre centre de formation'
          : `Votre centre de formation, ${input.centreName.trim()}`,
      appUrl: input.appUrl,
    },
  };
}

/** The report's sentence: « 2 conducteurs prévenus par e-mail ; 1 sans adresse e-mail… ». */
export function hubAccountSendMessage(report: {
  readonly told: readonly unknown[];
  readonly alreadyTold: readonly unknown[];
  readonly withoutEmail: readonly unknown[];
}): string {
  const count = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
  const parts = [
    report.told.length === 0
      ? 'Aucun nouveau conducteur prévenu'
      : `${count(report.told.length, 'conducteur prévenu', 'conducteurs prévenus')} par e-mail`,
  ];
  if (report.alreadyTold.length > 0) {
    parts.push(`${count(report.alreadyTold.length, 'déjà prévenu', 'déjà prévenus')}`);
  }
  if (report.withoutEmail.length > 0) {
    parts.push(
      `${count(report.withoutEmail.length, 'conducteur', 'conducteurs')} sans adresse e-mail : remettez-leur la fiche imprimée`,
    );
  }
  return `${parts.join(' ; ')}.`;
}
