import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentCaller } from '../../auth/auth.decorators.js';
import type { Caller } from '../../common/caller.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import {
  CancelSessionDto,
  CreateSessionDto,
  EDITABLE_STATUSES,
  UpdateSessionDto,
} from '../../sessions/dto/session.dto.js';
import type { ExamSession } from '../../sessions/exam-session.entity.js';
import { SessionsService } from '../../sessions/sessions.service.js';
import { TitresService } from '../../titres/titres.service.js';
import { SESSION_NATURE_LABELS, SESSION_STATUS_LABELS, optionsOf } from '../views/labels.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import { WebPages, type WebRequest } from '../web-pages.js';
import { labelOf } from './field-labels.js';
import {
  formView,
  withEmpty,
  type FieldSpec,
  type FieldValue,
  type Option,
} from './form-fields.js';
import {
  centreOptions,
  FormOptions,
  managerOptions,
  siteOptions,
  titreLabel,
  titreOptions,
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
import { requireWriter, sentVersion, submit, typedValues } from './form-support.js';
import { SessionSummaries } from './session-summary.js';

const LABELS = labelOf({
  ccpCodes: 'CCP concernés',
  reason: 'Motif',
  titreId: 'Titre professionnel',
  location: 'Lieu des épreuves',
});

const NATURES = optionsOf(SESSION_NATURE_LABELS);

/** Session forms: create, edit, postpone (new dates), cancel with a reason. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('sessions')
export class SessionFormsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly titres: TitresService,
    private readonly options: FormOptions,
    private readonly summaries: SessionSummaries,
    private readonly pages: WebPages,
  ) {}

  @Get('new')
  async newForm(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    requireWriter(caller);
    await this.renderCreate(req, res, caller, { startTime: '09:00' }, null, 200);
  }

  @Post('new')
  async create(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @Body() body: FormBody,
  ): Promise<void> {
    const plain = {
      centreId: optionalText(body, 'centreId'),
      siteId: optionalText(body, 'siteId'),
      titreId: optionalText(body, 'titreId'),
      nature: optionalText(body, 'nature'),
      ccpCodes: commaList(text(body, 'ccpCodes')),
      startDate: optionalText(body, 'startDate'),
      endDate: optionalText(body, 'endDate'),
      startTime: optionalText(body, 'startTime'),
      location: optionalText(body, 'location'),
      managerId: optionalText(body, 'managerId'),
      deputyManagerId: optionalText(body, 'deputyManagerId'),
    };
    const result = await submit(CreateSessionDto, plain, LABELS, (dto) =>
      this.sessions.create(caller, dto),
    );
    if (result.ok) {
      this.pages.redirect(res, `/sessions/${result.value.id}`, 'session-created');
      return;
    }
    const specs = await this.createSpecs(caller);
    await this.renderCreate(
      req,
      res,
      caller,
      typedValues(specs, body),
      result.errors,
      result.status,
    );
  }

  @Get(':id/edit')
  async editForm(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
  ): Promise<void> {
    requireWriter(caller);
    const session = await this.sessions.findWritable(caller, id);
    await this.renderEdit(req, res, caller, session, editValues(session), null, 200);
  }

  @Post(':id/edit')
  async update(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const session = await this.sessions.findWritable(caller, id);
    const plain = {
      siteId: optionalText(body, 'siteId'),
      nature: optionalText(body, 'nature'),
      ccpCodes: texts(body, 'ccpCodes'),
      startTime: optionalText(body, 'startTime'),
      location: text(body, 'location'),
      managerId: optionalText(body, 'managerId'),
      deputyManagerId: nullableText(body, 'deputyManagerId'),
      status: optionalText(body, 'status'),
      version: sentVersion(body),
    };
    const result = await submit(UpdateSessionDto, plain, LABELS, (dto) =>
      this.sessions.update(caller, id, dto),
    );
    if (result.ok) {
      this.pages.redirect(res, `/sessions/${id}`, 'session-updated');
      return;
    }
    const values = {
      ...typedValues(this.editSpecs(session, [], []), body),
      version: text(body, 'version'),
    };
    await this.renderEdit(req, res, caller, session, values, result.errors, result.status);
  }

  @Get(':id/postpone')
  async postponeForm(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
  ): Promise<void> {
    requireWriter(caller);
    const session = await this.sessions.findWritable(caller, id);
    const values = {
      startDate: session.startDate,
      endDate: session.endDate,
      reason: '',
      version: String(session.version),
    };
    await this.renderPostpone(req, res, caller, session, values, null, 200);
  }

  @Post(':id/postpone')
  async postpone(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const session = await this.sessions.findWritable(caller, id);
    const plain = {
      startDate: optionalText(body, 'startDate'),
      endDate: optionalText(body, 'endDate'),
      reason: text(body, 'reason'),
      version: sentVersion(body),
    };
    const errors: FieldErrors = {};
    if (plain.startDate === session.startDate && plain.endDate === session.endDate) {
      errors.startDate = 'Indiquez de nouvelles dates : elles sont identiques aux dates actuelles.';
    }
    if (plain.reason.trim() === '') errors.reason = 'Le champ « Motif du report » est obligatoire.';
    const result =
      Object.keys(errors).length > 0
        ? { ok: false as const, errors, status: 400 }
        : await submit(UpdateSessionDto, plain, POSTPONE_LABELS, (dto) =>
            this.sessions.update(caller, id, dto),
          );
    if (result.ok) {
      this.pages.redirect(res, `/sessions/${id}`, 'session-postponed');
      return;
    }
    const values = { ...typedValues(POSTPONE_SPECS, body), version: text(body, 'version') };
    await this.renderPostpone(req, res, caller, session, values, result.errors, result.status);
  }

  @Get(':id/cancel')
  async cancelForm(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
  ): Promise<void> {
    requireWriter(caller);
    const session = await this.sessions.findWritable(caller, id, 'elle est déjà annulée');
    await this.renderCancel(req, res, caller, session, { reason: '' }, null, 200);
  }

  @Post(':id/cancel')
  async cancel(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const session = await this.sessions.findForCaller(caller, id, 'write');
    const result = await submit(
      CancelSessionDto,
      { reason: text(body, 'reason') },
      CANCEL_LABELS,
      (dto) => this.sessions.cancel(caller, id, dto),
    );
    if (result.ok) {
      this.pages.redirect(res, `/sessions/${id}`, 'session-cancelled');
      return;
    }
    await this.renderCancel(
      req,
      res,
      caller,
      session,
      typedValues(CANCEL_SPECS, body),
      result.errors,
      result.status,
    );
  }

  private async createSpecs(caller: Caller): Promise<FieldSpec[]> {
    const lists = await this.options.lists(caller);
    return [
      {
        name: 'centreId',
        label: 'Centre',
        kind: 'select',
        required: true,
        options: withEmpty(centreOptions(caller, lists.centres), 'Choisissez un centre'),
      },
      {
        name: 'siteId',
        label: 'Site',
        kind: 'select',
        required: true,
        hint: 'Le site doit appartenir au centre choisi.',
        options: withEmpty(siteOptions(caller, lists.centres), 'Choisissez un site'),
      },
      {
        name: 'titreId',
        label: 'Titre professionnel',
        kind: 'select',
        required: true,
        options: withEmpty(titreOptions(lists.titres), 'Choisissez un titre'),
        wide: true,
      },
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

  private editSpecs(
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

  private async renderCreate(
    req: WebRequest,
    res: Response,
    caller: Caller,
    values: Record<string, FieldValue>,
    errors: FieldErrors | null,
    status: number,
  ): Promise<void> {
    const specs = await this.createSpecs(caller);
    this.pages.render(
      req,
      res,
      'sessions/new',
      'Nouvelle session',
      'sessions',
      {
        form: formView(specs, values, errors),
      },
      status,
    );
  }

  private async renderEdit(
    req: WebRequest,
    res: Response,
    caller: Caller,
    session: ExamSession,
    values: Record<string, FieldValue>,
    errors: FieldErrors | null,
    status: number,
  ): Promise<void> {
    const [lists, { summary, titre }] = await Promise.all([
      this.options.lists(caller),
      this.summaries.of(caller, session),
    ]);
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
    const specs = this.editSpecs(
      session,
      siteOptions(caller, lists.centres, session.centreId),
      managers,
    );
    const ccpSpec = specs.find((s) => s.name === 'ccpCodes');
    if (ccpSpec) {
      ccpSpec.options = (titre.ccps ?? []).map((c) => ({
        value: c.code,
        label: `${c.code} — ${c.label}`,
      }));
    }
    this.pages.render(
      req,
      res,
      'sessions/edit',
      'Modifier la session',
      'sessions',
      {
        session: summary,
        tab: 'edit',
        titre: titreLabel(titre),
        form: formView(specs, values, errors),
        version: typeof values.version === 'string' ? values.version : String(session.version),
      },
      status,
    );
  }

  private async renderPostpone(
    req: WebRequest,
    res: Response,
    caller: Caller,
    session: ExamSession,
    values: Record<string, FieldValue>,
    errors: FieldErrors | null,
    status: number,
  ): Promise<void> {
    const { summary } = await this.summaries.of(caller, session);
    this.pages.render(
      req,
      res,
      'sessions/postpone',
      'Reporter la session',
      'sessions',
      {
        session: summary,
        tab: 'edit',
        form: formView(POSTPONE_SPECS, values, errors),
        version: typeof values.version === 'string' ? values.version : String(session.version),
      },
      status,
    );
  }

  private async renderCancel(
    req: WebRequest,
    res: Response,
    caller: Caller,
    session: ExamSession,
    values: Record<string, FieldValue>,
    errors: FieldErrors | null,
    status: number,
  ): Promise<void> {
    const { summary } = await this.summaries.of(caller, session);
    this.pages.render(
      req,
      res,
      'sessions/cancel',
      'Annuler la session',
      'sessions',
      {
        session: summary,
        tab: 'edit',
        form: formView(CANCEL_SPECS, values, errors),
      },
      status,
    );
  }
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
    location: session.location,
    managerId: session.managerId,
    deputyManagerId: session.deputyManagerId ?? '',
    status: session.status === 'POSTPONED' ? '' : session.status,
    version: String(session.version),
  };
}
