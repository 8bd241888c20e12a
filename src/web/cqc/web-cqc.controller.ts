/**
 * The dashboard's CQC pages (issue 15): a session's drivers for Hub Pro Transport, the checked
 * registration batch, its CSV, the registration day, then each driver's probationary certificate;
 * and the probationary certificates of the caller's centres. Same services (and scoping, audit)
 * as the API.
 */
import { Body, Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentCaller } from '../../auth/auth.decorators.js';
import { formatFrenchDate } from '../../common/calendar-date.js';
import type { Caller } from '../../common/caller.js';
import { Clock } from '../../common/clock.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import {
  CqcService,
  type CqcCertificateView,
  type CqcRegistrationView,
  type CqcSessionDriverView,
} from '../../cqc/cqc.service.js';
import {
  CqcCertificatesQuery,
  PatchCqcCertificateDto,
  PutCqcDriverDto,
  RecordCqcRegistrationDto,
} from '../../cqc/dto/cqc.dto.js';
import { LICENCE_NUMBER_FORMATS_LABEL, checkLicenceNumber } from '../../cqc/licence-number.js';
import type { ExamSession } from '../../sessions/exam-session.entity.js';
import { SessionsService } from '../../sessions/sessions.service.js';
import { CqcHubAccountService } from '../../cqc/hub-account/hub-account.service.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import { WebPages, type WebRequest } from '../web-pages.js';
import { hubAccountLabel } from './hub-account-label.js';
import { labelOf } from '../forms/field-labels.js';
import type { ListDefinition, ListView } from '../lists/list-params.js';
import { listPage } from '../lists/list-query.js';
import { formView, type FieldSpec } from '../forms/form-fields.js';
import {
  nullableText,
  optionalText,
  validateForm,
  type FieldErrors,
  type FormBody,
} from '../forms/form-input.js';
import { FormPages } from '../forms/form-pages.js';
import {
  freshForm,
  requireWriter,
  typedValues,
  type FormContext,
  type FormState,
} from '../forms/form-support.js';

const DRIVER_LABELS = labelOf({
  licenceNumber: 'Numéro de permis de conduire',
  orderNumber: 'Numéro de commande',
  reference: 'Référence',
});
const REGISTRATION_LABELS = labelOf({ registeredOn: 'Date de l’enregistrement sur le Hub' });
/** The certificates list's sortable columns (`?sort=`), the soonest expiry first. */
export const CERTIFICATE_LIST: ListDefinition<'name' | 'session' | 'validUntil' | 'card'> = {
  columns: {
    name: 'Conducteur',
    session: 'Session',
    validUntil: 'Fin de validité',
    card: 'Carte',
  },
  defaultSort: 'validUntil',
  defaultDir: 'asc',
};

/** The list's links keep the page's own `expiringBefore` filter. */
function keepExpiringBefore(list: ListView, expiringBefore: string): ListView {
  if (expiringBefore === '') return list;
  const keep = (href: string): string => {
    const [path, search = ''] = href.split('?');
    const params = new URLSearchParams(search);
    params.set('expiringBefore', expiringBefore);
    return `${path}?${params.toString()}`;
  };
  const columns = Object.fromEntries(
    Object.entries(list.columns).map(([key, header]) => [
      key,
      { ...header, href: keep(header.href) },
    ]),
  );
  return {
    ...list,
    columns,
    resetHref: keep(list.resetHref),
    hidden: [...list.hidden, { name: 'expiringBefore', value: expiringBefore }],
  };
}

const CERTIFICATE_LABELS = labelOf({
  cardOrderedOn: 'Carte commandée le',
  expiringBefore: 'Expirant avant le',
});

const DRIVER_SPECS: FieldSpec[] = [
  {
    name: 'licenceNumber',
    label: 'Numéro de permis de conduire',
    kind: 'text',
    required: true,
    autocomplete: 'off',
    hint: 'NEPH à 12 chiffres, ou numéro d’un ancien permis papier (formats détaillés plus haut) ; les espaces sont retirées.',
    wide: true,
  },
  {
    name: 'orderNumber',
    label: 'Numéro de commande',
    kind: 'text',
    hint: 'Obligatoire pour l’export : l’index de la facture du centre ; pour un organisme public, le numéro CHORUS repris sur les factures.',
  },
  {
    name: 'reference',
    label: 'Référence',
    kind: 'text',
    hint: 'Facultative : pour un centre dont le numéro de commande est annuel.',
  },
];

function registrationSpecs(endDate: string, today: string): FieldSpec[] {
  return [
    {
      name: 'registeredOn',
      label: 'Date de l’enregistrement sur le Hub',
      kind: 'date',
      required: true,
      min: endDate,
      max: today,
      hint: 'Au plus tôt la fin de la session, au plus tard aujourd’hui : chaque conducteur reçoit un certificat provisoire valable 4 mois.',
    },
  ];
}

const CARD_SPECS: FieldSpec[] = [
  {
    name: 'cardOrderedOn',
    label: 'Carte commandée le',
    kind: 'date',
    hint: 'Laissez vide si la carte n’est pas encore commandée.',
  },
];

const FILTER_SPECS: FieldSpec[] = [
  { name: 'expiringBefore', label: 'Expirant avant le', kind: 'date' },
];

/** The page state of one driver's form shown again, or of the registration form. */
interface SessionPageState {
  driver?: { candidateId: string; state: FormState };
  registration?: FormState;
  status: number;
}

function ageLabel(days: number): string {
  if (days < 0) return `expiré depuis ${-days} jour${-days > 1 ? 's' : ''}`;
  if (days === 0) return 'expire aujourd’hui';
  return `${days} jour${days > 1 ? 's' : ''}`;
}

function sourceLabel(source: { text: string; article: string; date: string | null }): string {
  return `${source.text}, ${source.article}${source.date ? ` (${formatFrenchDate(source.date)})` : ''}`;
}

@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller()
export class WebCqcController {
  constructor(
    private readonly cqc: CqcService,
    private readonly sessions: SessionsService,
    private readonly forms: FormPages,
    private readonly clock: Clock,
    private readonly hubAccounts: CqcHubAccountService,
    private readonly pages: WebPages,
  ) {}

  @Get('sessions/:id/cqc')
  async page(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
  ): Promise<void> {
    const session = await this.sessions.findForCaller(caller, id);
    await this.renderSession({ req, res, caller }, session, { status: 200 });
  }

  @Post('sessions/:id/cqc/drivers/:cid')
  async putDriver(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('cid') candidateId: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const ctx = { req, res, caller };
    const session = await this.forms.writableSession(
      caller,
      id,
      'les données de ses conducteurs ne peuvent plus être modifiées',
    );
    const plain = {
      licenceNumber: optionalText(body, 'licenceNumber'),
      orderNumber: nullableText(body, 'orderNumber'),
      reference: nullableText(body, 'reference'),
    };
    const licence =
      plain.licenceNumber === undefined ? null : checkLicenceNumber(plain.licenceNumber);
    await this.forms.submit(ctx, {
      dto: PutCqcDriverDto,
      plain,
      required: ['licenceNumber'],
      rules: [licence && !licence.ok ? { field: 'licenceNumber', message: licence.message } : null],
      labels: DRIVER_LABELS,
      work: (dto) => this.cqc.putDriver(caller, id, candidateId, dto),
      done: { to: `/sessions/${id}/cqc#conducteur-${candidateId}`, flash: 'cqc-driver-saved' },
      again: (refusal) =>
        this.renderSession(ctx, session, {
          driver: {
            candidateId,
            state: { values: typedValues(DRIVER_SPECS, body), ...refusal },
          },
          status: refusal.status,
        }),
    });
  }

  @Post('sessions/:id/cqc/hub-account-emails')
  async sendHubAccountEmails(
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
  ): Promise<void> {
    await this.hubAccounts.send(caller, id);
    this.pages.redirect(res, `/sessions/${id}/cqc#cqc-hub-account`, 'cqc-hub-account-sent');
  }

  @Get('sessions/:id/cqc/registration.csv')
  async csv(
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Query('training') training: unknown,
  ): Promise<void> {
    const file = await this.cqc.registrationCsv(
      caller,
      id,
      typeof training === 'string' && training !== '' ? training.slice(0, 30) : undefined,
    );
    const headers = file.getHeaders();
    res.setHeader('Content-Type', String(headers.type));
    if (headers.disposition) res.setHeader('Content-Disposition', String(headers.disposition));
    file.getStream().pipe(res);
  }

  @Post('sessions/:id/cqc/registration')
  async record(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const ctx = { req, res, caller };
    const session = await this.forms.writableSession(
      caller,
      id,
      'son enregistrement sur Hub Pro Transport ne peut pas être saisi',
    );
    const specs = registrationSpecs(session.endDate, this.clock.today());
    await this.forms.submit(ctx, {
      dto: RecordCqcRegistrationDto,
      plain: { registeredOn: optionalText(body, 'registeredOn') },
      labels: REGISTRATION_LABELS,
      work: (dto) => this.cqc.recordRegistration(caller, id, dto),
      done: { to: `/sessions/${id}/cqc`, flash: 'cqc-registered' },
      again: (refusal) =>
        this.renderSession(ctx, session, {
          registration: { values: typedValues(specs, body), ...refusal },
          status: refusal.status,
        }),
    });
  }

  private async renderSession(
    ctx: FormContext,
    session: ExamSession,
    state: SessionPageState,
  ): Promise<void> {
    const [drivers, registration, hubAccount] = await Promise.all([
      this.cqc.sessionDrivers(ctx.caller, session.id),
      this.cqc.registration(ctx.caller, session.id),
      this.hubAccounts.status(ctx.caller, session.id),
    ]);
    const certificates = registration.registration
      ? await this.cqc.certificates(ctx.caller, {}, { sessionId: session.id })
      : [];
    const today = this.clock.today();
    await this.forms.renderSession(
      ctx,
      session,
      { view: 'cqc/session', title: 'CQC — enregistrement sur Hub Pro Transport', tab: 'cqc' },
      ({ summary }) =>
        sessionModel({
          sessionId: session.id,
          writable: summary.editable,
          drivers,
          registration,
          certificates,
          hubAccount,
          canSend: summary.editable,
          state,
          registrationForm: formView(
            registrationSpecs(session.endDate, today),
            state.registration?.values ?? { registeredOn: today },
            state.registration?.errors ?? null,
            'r',
          ),
        }),
      state.status,
    );
  }

  @Get('cqc/certificates')
  async certificates(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    const expiringBefore = typeof query.expiringBefore === 'string' ? query.expiringBefore : '';
    const plain = expiringBefore.trim() === '' ? {} : { expiringBefore };
    const validated = await validateForm(CqcCertificatesQuery, plain, CERTIFICATE_LABELS);
    const filter = formView(FILTER_SPECS, { expiringBefore }, validated.errors, 'q');
    await this.renderCertificates(
      { req, res, caller },
      validated.dto ?? {},
      filter,
      null,
      validated.errors ? 400 : 200,
      query,
    );
  }

  @Post('cqc/certificates/:id')
  async patchCertificate(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    requireWriter(caller);
    const ctx = { req, res, caller };
    await this.forms.submit(ctx, {
      dto: PatchCqcCertificateDto,
      plain: { cardOrderedOn: nullableText(body, 'cardOrderedOn') },
      labels: CERTIFICATE_LABELS,
      work: (dto) => this.cqc.patchCertificate(caller, id, dto),
      done: { to: `/cqc/certificates#certificat-${id}`, flash: 'cqc-card-saved' },
      again: (refusal) =>
        this.renderCertificates(
          ctx,
          {},
          formView(FILTER_SPECS, {}, null, 'q'),
          { id, state: { values: typedValues(CARD_SPECS, body), ...refusal } },
          refusal.status,
        ),
    });
  }

  private async renderCertificates(
    ctx: FormContext,
    query: CqcCertificatesQuery,
    filter: ReturnType<typeof formView>,
    refused: { id: string; state: FormState } | null,
    status: number,
    listQuery: Record<string, unknown> = {},
  ): Promise<void> {
    const found = await this.cqc.certificates(ctx.caller, query);
    const writable = ctx.caller.role !== 'viewer';
    const all = found.map((c, index) => ({ c, row: certificateRow(c, index, refused) }));
    const page = listPage('/cqc/certificates', CERTIFICATE_LIST, listQuery, all, {
      sortValue: {
        name: (r) => `${r.c.lastName} ${r.c.firstName}`,
        session: (r) => `${r.c.session.titreCode} ${r.c.session.startDate}`,
        validUntil: (r) => r.c.validUntil,
        card: (r) => r.c.cardOrderedOn,
      },
      searchText: (r) =>
        [
          r.c.lastName,
          r.c.firstName,
          r.c.session.titreCode,
          formatFrenchDate(r.c.session.startDate),
          formatFrenchDate(r.c.validUntil),
          r.c.cardOrderedOn ? 'commandée' : 'non commandée',
        ].join(' '),
    });
    const expiringBefore = query.expiringBefore ?? '';
    this.forms.render(
      ctx,
      { view: 'cqc/certificates', title: 'Certificats provisoires CQC', section: 'cqc' },
      {
        filter,
        filtered: query.expiringBefore !== undefined,
        expiringBefore: query.expiringBefore ? formatFrenchDate(query.expiringBefore) : null,
        writable,
        list: keepExpiringBefore(page.list, expiringBefore),
        certificates: page.rows.map((r) => r.row),
      },
      status,
    );
  }
}

const ORDERED_BY_LABELS = { DRIVER: 'confirmée par le conducteur', CENTRE: 'saisie par le centre' };

function certificateRow(
  c: CqcCertificateView,
  index: number,
  refused: { id: string; state: FormState } | null,
): object {
  const state =
    refused?.id === c.id ? refused.state : freshForm({ cardOrderedOn: c.cardOrderedOn ?? '' });
  return {
    id: c.id,
    name: `${c.lastName.toLocaleUpperCase('fr-FR')} ${c.firstName}`,
    sessionId: c.session.id,
    session: `${c.session.titreCode} — ${formatFrenchDate(c.session.startDate)} au ${formatFrenchDate(c.session.endDate)}`,
    registeredOn: formatFrenchDate(c.registeredOn),
    validUntil: formatFrenchDate(c.validUntil),
    daysLeft: ageLabel(c.daysLeft),
    urgent: c.cardOrderedOn === null && c.daysLeft <= 30,
    ordered: c.cardOrderedOn !== null,
    cardOrderedOn: c.cardOrderedOn ? formatFrenchDate(c.cardOrderedOn) : null,
    orderedBy: c.cardOrderedBy ? ORDERED_BY_LABELS[c.cardOrderedBy] : null,
    reminder: c.reminderMessage,
    form: formView(CARD_SPECS, state.values, state.errors, `c${index}`),
  };
}

interface SessionModelInput {
  sessionId: string;
  writable: boolean;
  drivers: CqcSessionDriverView[];
  registration: CqcRegistrationView;
  certificates: CqcCertificateView[];
  /** Per candidate: the day « Créez votre compte Hub Pro Transport » was e-mailed, an address. */
  hubAccount: Map<string, { toldOn: string | null; hasEmail: boolean }>;
  /** The session can still be changed: the centre can send the e-mail. */
  canSend: boolean;
  state: SessionPageState;
  registrationForm: ReturnType<typeof formView>;
}

function sessionModel(input: SessionModelInput): object {
  const { sessionId, writable, drivers, registration, certificates, hubAccount, state } = input;
  const trainingOf = new Map(registration.trainings.map((t) => [t.key, t]));
  const registered = registration.registration !== null;
  const errorsOf = new Map<string, string[]>();
  for (const e of registration.errors) {
    if (e.candidateId === null) continue;
    errorsOf.set(e.candidateId, [...(errorsOf.get(e.candidateId) ?? []), e.message]);
  }
  const certificateOf = new Map(certificates.map((c) => [c.candidateId, c]));
  const tariff = registration.fee.tariff;
  return {
    writable: writable && !registered,
    registered,
    canSend: input.canSend,
    hubAccountPdf: `/api/sessions/${sessionId}/cqc/hub-account.pdf`,
    registeredOn: registration.registration
      ? formatFrenchDate(registration.registration.registeredOn)
      : null,
    formatsLabel: LICENCE_NUMBER_FORMATS_LABEL,
    drivers: drivers.map((d, index) => {
      const refused = state.driver?.candidateId === d.candidateId ? state.driver.state : null;
      const values = refused?.values ?? {
        licenceNumber: d.licenceNumber ?? '',
        orderNumber: d.orderNumber ?? '',
        reference: d.reference ?? '',
      };
      const training = d.trainingKey === null ? undefined : trainingOf.get(d.trainingKey);
      const certificate = certificateOf.get(d.candidateId);
      return {
        candidateId: d.candidateId,
        name: `${d.lastName.toLocaleUpperCase('fr-FR')} ${d.firstName}`,
        birthDate: d.birthDate ? formatFrenchDate(d.birthDate) : null,
        hubAccount: hubAccountLabel(hubAccount.get(d.candidateId)),
        training: training ? `${training.label} — ${training.kindLabel}` : null,
        errors: errorsOf.get(d.candidateId) ?? [],
        form: formView(
          DRIVER_SPECS,
          values,
          (refused?.errors ?? null) as FieldErrors | null,
          `d${index}`,
        ),
        certificate: certificate
          ? {
              validUntil: formatFrenchDate(certificate.validUntil),
              daysLeft: ageLabel(certificate.daysLeft),
              ordered: certificate.cardOrderedOn !== null,
              cardOrderedOn: certificate.cardOrderedOn
                ? formatFrenchDate(certificate.cardOrderedOn)
                : null,
              orderedBy: certificate.cardOrderedBy
                ? ORDERED_BY_LABELS[certificate.cardOrderedBy]
                : null,
            }
          : null,
      };
    }),
    trainings: registration.trainings.map((t) => ({
      ...t,
      csvHref: `/sessions/${sessionId}/cqc/registration.csv?training=${encodeURIComponent(t.key)}`,
      educationNationale: t.educationNationale,
    })),
    batchErrors: registration.errors.map((e) => e.message),
    rows: registration.rows.map((r) => ({
      ...r,
      birthDate: r.birthDate ? formatFrenchDate(r.birthDate) : '',
      training: trainingOf.get(r.trainingKey)?.label ?? '',
      hasErrors: r.errors.length > 0,
    })),
    exportable: registration.exportable,
    severalTrainings: registration.trainings.length > 1,
    fee: {
      label: registration.fee.label,
      date: formatFrenchDate(registration.fee.date),
      source: tariff ? sourceLabel(tariff.source) : null,
      tariffFrom: tariff ? formatFrenchDate(tariff.validFrom) : null,
    },
    registrationForm: input.registrationForm,
  };
}
