import { randomBytes } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AuthenticatedRequest } from '../auth/auth.decorators.js';
import { formatFrenchDate, isValidCalendarDate } from '../common/calendar-date.js';
import type { Caller } from '../common/caller.js';
import { TemplateRenderer } from '../common/template-renderer.js';
import { ROLE_LABELS } from './views/labels.js';
import { csrfTokenFor } from './web-session.js';

export type WebRequest = Request & AuthenticatedRequest;

export type Section =
  | 'deadlines'
  | 'sessions'
  | 'calendar'
  | 'resits'
  | 'jury'
  | 'campaigns'
  | 'agrements'
  | 'titres'
  | 'centres'
  | 'users'
  | 'cqc'
  | 'none';

export interface NavItem {
  label: string;
  href: string;
  current: boolean;
}

export interface LayoutView {
  title: string;
  user: {
    email: string;
    roleLabel: string;
    isAdmin: boolean;
    canWrite: boolean;
  } | null;
  nav: NavItem[];
  flash: { kind: 'ok' | 'error'; text: string } | null;
}

/** Messages shown once after a redirect (`?ok=code`): fixed texts, never taken from the URL. */
export const FLASH_MESSAGES: Readonly<Record<string, string>> = {
  'session-created': 'La session a été créée avec sa liste de contrôle.',
  'session-updated': 'La session a été modifiée.',
  'session-postponed': 'La session a été reportée : les échéances ont été recalculées.',
  'session-cancelled': 'La session a été annulée.',
  'task-saved': 'La tâche a été enregistrée.',
  'tasks-bulk-completed':
    'Les tâches sélectionnées ont été cochées « fait » à la date indiquée (une entrée de journal par tâche).',
  'candidates-bulk-convoked':
    'La convocation a été enregistrée pour les candidats sélectionnés (une entrée de journal par candidat).',
  'candidates-bulk-attendance':
    'La présence a été enregistrée pour les candidats indiqués (une entrée de journal par candidat).',
  'candidate-created': 'Le candidat a été ajouté.',
  'candidate-enrolled-known-person':
    'Le candidat a été ajouté (personne déjà connue : rattachée à sa fiche).',
  'candidate-updated': 'Le candidat a été modifié.',
  'candidate-deleted': 'Le candidat a été supprimé.',
  'candidates-imported': 'Les candidats du fichier ont été importés.',
  'person-updated': 'La fiche de la personne a été modifiée.',
  'person-enrolled': 'La personne a été inscrite à la session.',
  'staff-assigned': 'Le membre a été affecté à la session.',
  'staff-removed': "L'affectation a été retirée.",
  'declarations-saved': 'Les déclarations de liens ont été enregistrées.',
  'attendance-saved': 'La présence du membre a été enregistrée.',
  'convocation-saved': 'La date de convocation du membre a été enregistrée.',
  'jury-member-created': 'Le membre du jury a été créé.',
  'jury-member-updated': 'Le membre du jury a été modifié.',
  'habilitation-added': "L'habilitation a été ajoutée.",
  'agrement-created': "L'agrément a été enregistré.",
  'agrement-updated': 'L’agrément a été modifié.',
  'titre-created': 'Le titre a été créé.',
  'titre-updated': 'Les dates du titre ont été enregistrées.',
  'campaign-created': 'La campagne CQC a été créée avec son calendrier.',
  'campaign-updated': 'La campagne a été modifiée : son calendrier a été recalculé.',
  'campaign-school-created': 'L’établissement a été ajouté à la campagne.',
  'campaign-school-updated': 'L’établissement a été modifié.',
  'campaign-school-deleted': 'L’établissement a été supprimé de la campagne.',
  'campaign-class-created': 'La classe a été ajoutée : saisissez ses élèves.',
  'campaign-pupil-created': 'L’élève a été ajouté à la classe.',
  'campaign-pupils-created': 'Les élèves ont été ajoutés à la classe.',
  'campaign-pupil-updated': 'L’élève a été modifié.',
  'campaign-pupil-deleted': 'L’élève a été supprimé de la classe.',
  'fiche-sessions-created': 'Les sessions de fiches navettes de la classe ont été créées.',
  'fiches-issued': 'Les fiches navettes ont été éditées et numérotées.',
  'pupil-placed': 'L’élève a été placé dans la session de fiches.',
  'fiche-voided': 'La fiche a été annulée et sa suite enregistrée.',
  'handover-created': 'La réception de la CQC a été enregistrée.',
  'handover-updated': 'La remise de la CQC a été enregistrée.',
  'centre-created': 'Le centre a été créé.',
  'site-created': 'Le site a été ajouté.',
  'provider-created': 'L’organisme de formation a été enregistré.',
  'convention-created': 'La convention a été enregistrée.',
  'avenant-created': 'L’avenant a été enregistré.',
  'provider-updated': 'L’organisme de formation a été modifié.',
  'provider-deleted': 'L’organisme de formation a été supprimé, avec ses conventions et avenants.',
  'convention-updated': 'La convention a été modifiée.',
  'convention-deleted': 'La convention a été supprimée, avec ses avenants.',
  'avenant-updated': 'L’avenant a été modifié.',
  'avenant-deleted': 'L’avenant a été supprimé.',
  'programme-recorded': 'La communication du programme annuel a été enregistrée.',
  'user-created': 'Le compte a été créé.',
  'user-disabled': 'Le compte a été désactivé : ses sessions sont fermées.',
  'user-enabled': 'Le compte a été réactivé.',
  'password-changed':
    'Votre mot de passe a été changé : vos autres sessions ouvertes ont été fermées.',
  'password-reset-done': 'Votre nouveau mot de passe est enregistré : connectez-vous avec lui.',
  'incident-recorded': "L'incident a été enregistré.",
  'incident-deleted': "L'incident a été supprimé.",
  'resit-enrolled':
    'La personne a été inscrite à la session CCP (suite de parcours) : son rattrapage est prévu. Pensez à l’en informer.',
  'feed-created':
    'Votre lien de flux iCalendar est prêt : copiez-le ci-dessous, il ne sera affiché qu’une fois.',
  'feed-revoked': 'Le lien de votre flux iCalendar a été révoqué : il ne fonctionne plus.',
  'cqc-driver-saved': 'Les données du conducteur pour Hub Pro Transport ont été enregistrées.',
  'cqc-registered':
    'L’enregistrement sur Hub Pro Transport a été saisi : chaque conducteur a un certificat provisoire valable 4 mois.',
  'cqc-card-saved': 'La commande de la carte a été enregistrée.',
  'cqc-hub-account-sent':
    'Le message « Créez votre compte Hub Pro Transport » part aux conducteurs qui ne l’avaient pas encore reçu ; ceux sans adresse e-mail reçoivent leur fiche imprimée.',
  logout: 'Vous êtes déconnecté(e).',
};

const NAV: { section: Section; label: string; href: string; adminOnly?: boolean }[] = [
  { section: 'deadlines', label: 'Mes échéances', href: '/echeances' },
  { section: 'sessions', label: 'Sessions', href: '/sessions' },
  { section: 'calendar', label: 'Calendrier', href: '/calendar' },
  { section: 'resits', label: 'Rattrapages', href: '/resits' },
  { section: 'campaigns', label: 'Campagnes CQC', href: '/cqc/campaigns' },
  { section: 'jury', label: 'Jury', href: '/jury' },
  { section: 'agrements', label: 'Agréments', href: '/agrements' },
  { section: 'titres', label: 'Titres', href: '/titres' },
  { section: 'cqc', label: 'Certificats CQC', href: '/cqc/certificates' },
  { section: 'centres', label: 'Centres', href: '/centres' },
  { section: 'users', label: 'Utilisateurs', href: '/users', adminOnly: true },
];

export function canWrite(caller: Caller | undefined): boolean {
  return caller !== undefined && caller.role !== 'viewer';
}

/** Renders the dashboard's views inside the layout, with the user, the navigation and the CSRF token. */
@Injectable()
export class WebPages implements OnModuleInit {
  /** Marks, in a rendered view, where bytes rendered beforehand go (see `render`). */
  readonly insertSlot = `insert-${randomBytes(16).toString('hex')}`;
  private readonly csrfTokens = new WeakMap<WebRequest, string>();

  constructor(private readonly views: TemplateRenderer) {}

  onModuleInit(): void {
    this.views.registerPartials('views/partials');
    this.views.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    this.views.registerHelper('frDate', (value: unknown) =>
      typeof value === 'string' && isValidCalendarDate(value) ? formatFrenchDate(value) : '',
    );
  }

  /** The CSRF token of the request's session (computed once per request). */
  csrf(req: WebRequest): string {
    if (!req.sessionToken) return '';
    let token = this.csrfTokens.get(req);
    if (token === undefined) this.csrfTokens.set(req, (token = csrfTokenFor(req.sessionToken)));
    return token;
  }

  layout(req: WebRequest, title: string, section: Section): LayoutView {
    const caller = req.caller;
    const flashCode = typeof req.query.ok === 'string' ? req.query.ok : '';
    const flash = FLASH_MESSAGES[flashCode];
    return {
      title,
      user: caller
        ? {
            email: caller.email,
            roleLabel: ROLE_LABELS[caller.role],
            isAdmin: caller.role === 'admin',
            canWrite: canWrite(caller),
          }
        : null,
      nav: caller
        ? NAV.filter((item) => !item.adminOnly || caller.role === 'admin').map((item) => ({
            label: item.label,
            href: item.href,
            current: item.section === section,
          }))
        : [],
      flash: flash ? { kind: 'ok', text: flash } : null,
    };
  }

  /** The HTML of a view with the layout's context (`layout`, `csrf`, `canWrite`). */
  html(req: WebRequest, view: string, title: string, section: Section, data: object): string {
    return this.views.render(`views/${view}.hbs`, {
      ...data,
      layout: this.layout(req, title, section),
      csrf: this.csrf(req),
      canWrite: canWrite(req.caller),
    });
  }

  /** A fragment (no layout) for htmx swaps. */
  fragment(req: WebRequest, view: string, data: object): string {
    return this.views.render(`views/${view}.hbs`, {
      ...data,
      csrf: this.csrf(req),
      canWrite: canWrite(req.caller),
    });
  }

  send(res: Response, html: string | Buffer, status = 200): void {
    res.status(status).type('html').setHeader('Cache-Control', 'no-store').send(html);
  }

  /**
   * A view in the layout. `inserts` are HTML rendered beforehand, as UTF-8 bytes: the view's data
   * puts `insertSlot` (with `{{{…}}}`) where each goes, and the k-th slot receives `inserts[k]`.
   */
  render(
    req: WebRequest,
    res: Response,
    view: string,
    title: string,
    section: Section,
    data: object,
    status = 200,
    inserts: readonly (readonly Buffer[])[] = [],
  ): void {
    const html = this.html(req, view, title, section, data);
    if (inserts.length === 0) {
      this.send(res, html, status);
      return;
    }
    const pieces = html.split(this.insertSlot);
    if (pieces.length !== inserts.length + 1) {
      throw new Error(`${view}: ${pieces.length - 1} insert slots for ${inserts.length} inserts`);
    }
    const chunks: Buffer[] = [Buffer.from(pieces[0])];
    inserts.forEach((insert, k) => chunks.push(...insert, Buffer.from(pieces[k + 1])));
    this.send(res, Buffer.concat(chunks), status);
  }

  /** After a successful form: back to a page, with a message (303: the browser then GETs). */
  redirect(res: Response, path: string, flash?: keyof typeof FLASH_MESSAGES): void {
    const [base, hash] = path.split('#');
    const url = flash ? `${base}${base.includes('?') ? '&' : '?'}ok=${flash}` : base;
    res.redirect(303, hash ? `${url}#${hash}` : url);
  }
}

/** Whether the request comes from htmx (it then expects a fragment). */
export function isHtmx(req: Request): boolean {
  return req.headers['hx-request'] === 'true';
}
