import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentCaller } from '../../auth/auth.decorators.js';
import type { Caller } from '../../common/caller.js';
import { Clock } from '../../common/clock.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import {
  CancelSessionDto,
  CreateSessionDto,
  EDITABLE_STATUSES,
  UpdateSessionDto,
} from '../../sessions/dto/session.dto.js';
import type { ExamSession } from '../../sessions/exam-session.entity.js';
import { ceresCreatedOnError, sessionValuesErrors } from '../../sessions/session-rules.js';
import { SessionsService } from '../../sessions/sessions.service.js';
import { SESSION_NATURE_LABELS, SESSION_STATUS_LABELS, optionsOf } from '../views/labels.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import type { WebRequest } from '../web-pages.js';
import { labelOf } from './field-labels.js';
import {
  formView,
  withEmpty,
  type FieldSpec,
  type FieldValue,
  type Option,
} from './form-fields.js';
import {
  centreField,
  FormOptions,
  managerOptions,
  siteField,
  siteOptions,
  titreField,
  titreLabel,
  type ChoiceLists,
} from './form-options.js';
import {
  commaList,
  nullableText,
  optionalText,
  text,
  texts,
  type FieldErrors,
  type FormBody,
} from './form-input.js';
import { FormPages } from './form-pages.js';
import {
  formVersion,
  freshForm,
  requireWriter,
  sentVersion,
  typedValues,
  type FormContext,
  type FormState,
} from './form-support.js';

const LABELS = labelOf({
  ccpCodes: 'CCP concernés',
  reason: 'Motif',
  titreId: 'Titre professionnel',
  location: 'Lieu des épreuves',
  ceresCreatedOn: 'Créée dans CERES le',
});

const NATURES = optionsOf(SESSION_NATURE_LABELS);

/** Session forms: create, edit, postpone (new dates), cancel with a reason. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('sessions')
export class SessionFormsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly options: FormOptions,
    private readonly forms: FormPages,
    private readonly clock: Clock,
  ) {}

  @Get('new')
  async newForm(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    requireWriter(caller);
    await this.renderCreate({ req, res, caller }, freshForm({ startTime: '09:00' }));
  }

  @Post('new')
  async create(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @Body() body: FormBody,
  ): Promise<void> {
    const ctx = { req, res, caller };
    const plain = {
      centreId: optionalText(body, 'centreId'),
      siteId: optionalText(body, 'siteId'),
      titreId: optionalText(body, 'titreId'),
      nature: optionalText(body, 'nature'),
      ccpCodes: commaList(text(body, 'ccpCodes')),
      startDate: optionalText(body, 'startDate'),
      endDate: optionalText(body, 'endDate'),
      ceresCreatedOn: optionalText(body, 'ceresCreatedOn'),
      startTime: optionalText(body, 'startTime'),
      location: optionalText(body, 'location'),
      managerId: optionalText(body, 'managerId'),
      deputyManagerId: optionalText(body, 'deputyManagerId'),
    };
    await this.forms.submit(ctx, {
      dto: CreateSessionDto,
      plain,
      rules: [
        ...sessionValuesErrors(plain),
        ceresCreatedOnError(plain.ceresCreatedOn, plain.startDate, this.clock.today()),
      ],
      labels: LABELS,
      work: (dto) => this.sessions.create(caller, dto),
      done: (created) => ({ to: `/sessions/${created.id}`, flash: 'session-created' }),
      again: async (refusal) => {
        const specs = createSpecs(caller, await this.options.lists(caller));
        await this.renderCreate(ctx, { values: typedValues(specs, body), ...refusal });
      },
    });
  }

  @Get(':id/edit')
  async editForm(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
  ): Promise<void> {
    const session = await this.forms.writableSession(caller, id);
    await this.renderEdit({ req, res, caller }, session, freshForm(editValues(session)));
  }

  @Post(':id/edit')
  async update(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const ctx = { req, res, caller };
    const session = await this.sessions.findWritable(caller, id);
    const plain = {
      siteId: optionalText(body, 'siteId'),
      nature: optionalText(body, 'nature'),
      ccpCodes: texts(body, 'ccpCodes'),
      ceresCreatedOn: nullableText(body, 'ceresCreatedOn'),
      startTime: optionalText(body, 'startTime'),
      location: text(body, 'location'),
      managerId: optionalText(body, 'managerId'),
      deputyManagerId: nullableText(body, 'deputyManagerId'),
      status: optionalText(body, 'status'),
      version: sentVersion(body),
    };
    await this.forms.submit(ctx, {
      dto: UpdateSessionDto,
      plain,
      rules: [
        ...sessionValuesErrors(plain),
        ceresCreatedOnError(plain.ceresCreatedOn, session.startDate, this.clock.today()),
      ],
      versioned: true,
      labels: LABELS,
      work: (dto) => this.sessions.update(caller, id, dto),
      done: { to: `/sessions/${id}`, flash: 'session-updated' },
      again: (refusal) =>
        this.renderEdit(ctx, session, {
          values: typedValues(editSpecs(session, [], []), body, ['version']),
          ...refusal,
        }),
    });
  }

  @Get(':id/postpone')
  async postponeForm(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
  ): Promise<void> {
    const session = await this.forms.writableSession(caller, id);
    const values = {
      startDate: session.startDate,
      endDate: session.endDate,
      reason: '',
      version: String(session.version),
    };
    await this.renderPostpone({ req, res, caller }, session, freshForm(values));
  }

  @Post(':id/postpone')
  async postpone(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const ctx = { req, res, caller };
    const session = await this.sessions.findWritable(caller, id);
    const plain = {
      startDate: optionalText(body, 'startDate'),
      endDate: optionalText(body, 'endDate'),
      reason: text(body, 'reason'),
      version: sentVersion(body),
    };
    const checks: FieldErrors = {};
    if (plain.startDate === session.startDate && plain.endDate === session.endDate) {
      checks.startDate = 'Indiquez de nouvelles dates : elles sont identiques aux dates actuelles.';
    }
    if (plain.reason.trim() === '') checks.reason = 'Le champ « Motif du report » est obligatoire.';
    await this.forms.submit(ctx, {
      dto: UpdateSessionDto,
      plain,
      labels: POSTPONE_LABELS,
      checks,
      rules: sessionValuesErrors(plain),
      versioned: true,
      work: (dto) => this.sessions.update(caller, id, dto),
      done: { to: `/sessions/${id}`, flash: 'session-postponed' },
      again: (refusal) =>
        this.renderPostpone(ctx, session, {
          values: typedValues(POSTPONE_SPECS, body, ['version']),
          ...refusal,
        }),
    });
  }

  @Get(':id/cancel')
  async cancelForm(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
  ): Promise<void> {
    const session = await this.forms.writableSession(caller, id, 'elle est déjà annulée');
    await this.renderCancel({ req, res, caller }, session, freshForm({ reason: '' }));
  }

  @Post(':id/cancel')
  async cancel(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const ctx = { req, res, caller };
    const session = await this.sessions.findForCaller(caller, id, 'write');
    await this.forms.submit(ctx, {
      dto: CancelSessionDto,
      plain: { reason: text(body, 'reason') },
      labels: CANCEL_LABELS,
      work: (dto) => this.sessions.cancel(caller, id, dto),
      done: { to: `/sessions/${id}`, flash: 'session-cancelled' },
      again: (refusal) =>
        this.renderCancel(ctx, session, { values: typedValues(CANCEL_SPECS, body), ...refusal }),
    });
  }

  private async renderCreate(ctx: FormContext, state: FormState): Promise<void> {
    const specs = createSpecs(ctx.caller, await this.options.lists(ctx.caller));
    this.forms.render(
      ctx,
      { view: 'sessions/new', title: 'Nouvelle session', section: 'sessions' },
      { form: formView(specs, state.values, state.errors) },
      state.status,
    );
  }

  private async renderEdit(
    ctx: FormContext,
    session: ExamSession,
    state: FormState,
  ): Promise<void> {
    const lists = await this.options.lists(ctx.caller);
    const managers = managerOptions(lists.managers, session.centreId);
    // A manager who has left the centre stays visible (the select must not silently pick another).
    for (const id of [session.managerId, session.deputyManagerId]) {
      if (id && !managers.some((m) => m.value === id)) {
        managers.push({
          value: id,
          label: 'Responsable actuel (compte inactif ou hors du centre)',
        });
      }
    }
    const specs = editSpecs(
      session,
      siteOptions(ctx.caller, lists.centres, session.centreId),
      managers,
    );
    await this.forms.renderSession(
      ctx,
      session,
      { view: 'sessions/edit', title: 'Modifier la session', tab: 'edit' },
      ({ titre }) => {
        const ccpSpec = specs.find((s) => s.name === 'ccpCodes');
        if (ccpSpec) {
          ccpSpec.options = (titre.ccps ?? []).map((c) => ({
            value: c.code,
            label: `${c.code} — ${c.label}`,
          }));
        }
        return {
          titre: titreLabel(titre),
          form: formView(specs, state.values, state.errors),
          version: formVersion(state.values, session),
        };
      },
      state.status,
    );
  }

  private async renderPostpone(
    ctx: FormContext,
    session: ExamSession,
    state: FormState,
  ): Promise<void> {
    await this.forms.renderSession(
      ctx,
      session,
      { view: 'sessions/postpone', title: 'Reporter la session', tab: 'edit' },
      () => ({
        form: formView(POSTPONE_SPECS, state.values, state.errors),
        version: formVersion(state.values, session),
      }),
      state.status,
    );
  }

  private async renderCancel(
    ctx: FormContext,
    session: ExamSession,
    state: FormState,
  ): Promise<void> {
    await this.forms.renderSession(
      ctx,
      session,
      { view: 'sessions/cancel', title: 'Annuler la session', tab: 'edit' },
      () => ({ form: formView(CANCEL_SPECS, state.values, state.errors) }),
      state.status,
    );
  }
}

/** The day the session was created in CERES: needed for a session of a titre's prolongation year. */
const CERES_SPEC: FieldSpec = {
  name: 'ceresCreatedOn',
  label: 'Créée dans CERES le',
  kind: 'date',
  hint: 'Obligatoire pour une session du délai de prolongation d’un titre : elle doit avoir été créée dans CERES au plus tard à la fin de validité du titre.',
};

function createSpecs(caller: Caller, lists: ChoiceLists): FieldSpec[] {
  return [
    centreField(caller, lists.centres),
    siteField(caller, lists.centres, 'Le site doit appartenir au centre choisi.'),
    titreField(lists.titres),
    {
      name: 'nature',
      label: 'Nature',
      kind: 'select',
      required: true,
      options: withEmpty(NATURES, 'Choisissez'),
    },
    {
      name: 'ccpCodes',
      label: 'CCP concernés',
      kind: 'text',
      hint: 'Sessions CCP ou CCS : les codes séparés par des virgules (par exemple CCP1, CCP2). Vide pour un titre complet.',
    },
    { name: 'startDate', label: 'Date de début', kind: 'date', required: true },
    { name: 'endDate', label: 'Date de fin', kind: 'date', required: true },
    { name: 'startTime', label: 'Heure de début', kind: 'time' },
    CERES_SPEC,
    {
      name: 'location',
      label: 'Lieu des épreuves',
      kind: 'text',
      wide: true,
      hint: 'Salle et adresse, reprises dans les convocations.',
    },
    {
      name: 'managerId',
      label: 'Responsable de session',
      kind: 'select',
      options: withEmpty(managerOptions(lists.managers), 'Moi-même'),
    },
    {
      name: 'deputyManagerId',
      label: 'Responsable suppléant',
      kind: 'select',
      options: withEmpty(managerOptions(lists.managers), 'Aucun'),
    },
  ];
}

function editSpecs(
  session: ExamSession,
  sites: FieldSpec['options'],
  managers: FieldSpec['options'],
): FieldSpec[] {
  return [
    { name: 'siteId', label: 'Site', kind: 'select', required: true, options: sites },
    { name: 'nature', label: 'Nature', kind: 'select', required: true, options: NATURES },
    {
      name: 'ccpCodes',
      label: 'CCP concernés',
      kind: 'checkboxes',
      hint: 'Pour une session CCP ou CCS ; aucun pour un titre complet.',
    },
    { name: 'startTime', label: 'Heure de début', kind: 'time' },
    CERES_SPEC,
    { name: 'location', label: 'Lieu des épreuves', kind: 'text', wide: true },
    {
      name: 'managerId',
      label: 'Responsable de session',
      kind: 'select',
      required: true,
      options: managers,
    },
    {
      name: 'deputyManagerId',
      label: 'Responsable suppléant',
      kind: 'select',
      options: withEmpty(managers ?? [], 'Aucun'),
    },
    {
      name: 'status',
      label: 'Statut',
      kind: 'select',
      options: EDITABLE_STATUSES.map((s): Option => ({
        value: s,
        label: SESSION_STATUS_LABELS[s],
      })).concat(
        session.status === 'POSTPONED'
          ? [{ value: '', label: SESSION_STATUS_LABELS.POSTPONED }]
          : [],
      ),
      hint: 'Une session reportée reste « Reportée » tant que vous ne choisissez pas un autre statut.',
    },
  ];
}

const POSTPONE_LABELS = labelOf({
  startDate: 'Nouvelle date de début',
  endDate: 'Nouvelle date de fin',
  reason: 'Motif du report',
});

const POSTPONE_SPECS: FieldSpec[] = [
  { name: 'startDate', label: 'Nouvelle date de début', kind: 'date', required: true },
  { name: 'endDate', label: 'Nouvelle date de fin', kind: 'date', required: true },
  {
    name: 'reason',
    label: 'Motif du report',
    kind: 'textarea',
    required: true,
    hint: 'Inscrit au journal d’audit avec les anciennes et les nouvelles dates.',
  },
];

const CANCEL_LABELS = labelOf({ reason: 'Motif de l’annulation' });

const CANCEL_SPECS: FieldSpec[] = [
  { name: 'reason', label: 'Motif de l’annulation', kind: 'textarea', required: true },
];

function editValues(session: ExamSession): Record<string, FieldValue> {
  return {
    siteId: session.siteId,
    nature: session.nature,
    ccpCodes: session.ccpCodes,
    startTime: session.startTime,
    ceresCreatedOn: session.ceresCreatedOn ?? '',
    location: session.location,
    managerId: session.managerId,
    deputyManagerId: session.deputyManagerId ?? '',
    status: session.status === 'POSTPONED' ? '' : session.status,
    version: String(session.version),
  };
}
