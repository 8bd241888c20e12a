/**
 * The dashboard's pages of the CQC-by-equivalence campaigns (issue 15, seed 000): the caller's
 * campaigns, a campaign (timeline, schools, classes, documents), a class (pupils, split, fiche
 * sessions and their fiches, hand-overs) and the pupils turning 18. Same service as the API
 * (`CqcCampaignService`: same scoping, validation and audit); the forms use the API's DTOs.
 */
import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentCaller } from '../../auth/auth.decorators.js';
import { CentresService } from '../../centres/centres.service.js';
import { formatFrenchDate } from '../../common/calendar-date.js';
import type { Caller } from '../../common/caller.js';
import { Clock } from '../../common/clock.js';
import { notFound } from '../../common/errors.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { FICHE_STATUS_LABELS } from '../../cqc/campaign-fiches.js';
import {
  FICHE_SESSION_KIND_LABELS,
  PLACEMENT_BASIS_LABELS,
  type FicheSessionKind,
} from '../../cqc/campaign-split.js';
import {
  CAMPAIGN_ACTOR_LABELS,
  validateSpringHolidays,
  type CampaignStep,
} from '../../cqc/campaign-timeline.js';
import {
  CAMPAIGN_DOCUMENT_KINDS,
  type CampaignDocumentKind,
} from '../../cqc/campaign/campaign-documents.types.js';
import type { CqcCampaignClass, CqcCampaignSchool } from '../../cqc/campaign/campaign.entity.js';
import {
  CqcCampaignService,
  type ClassSplitView,
  type FicheSessionView,
  type HandoverView,
  type PupilView,
} from '../../cqc/campaign/campaign.service.js';
import {
  CreateCampaignDto,
  CreateClassDto,
  CreateFicheSessionsDto,
  CreateHandoverDto,
  CreatePupilsDto,
  CreateSchoolDto,
  IssueFichesDto,
  PatchCampaignDto,
  PatchHandoverDto,
  PatchPupilDto,
  PatchSchoolDto,
  PlacePupilDto,
  VoidFicheDto,
} from '../../cqc/campaign/dto/campaign.dto.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import type { WebRequest } from '../web-pages.js';
import { labelOf } from '../forms/field-labels.js';
import type { ListDefinition } from '../lists/list-params.js';
import { listPage } from '../lists/list-query.js';
import { formView, withEmpty, type FieldSpec, type FormView } from '../forms/form-fields.js';
import {
  attempt,
  checked,
  integer,
  labelLookup,
  nullableText,
  optionalText,
  rows,
  text,
  wellFormedDate,
  type FieldErrors,
  type FormBody,
  type LabelOf,
} from '../forms/form-input.js';
import { centreOptions } from '../forms/form-options.js';
import { FormPages } from '../forms/form-pages.js';
import {
  formVersion,
  freshForm,
  requireWriter,
  sentVersion,
  typedValues,
  type FormContext,
  type FormState,
  type FormValues,
} from '../forms/form-support.js';
import {
  MAX_PUPIL_LINES,
  PUPIL_LINE_FORMAT,
  parsePupilLines,
  type ParsedPupilLines,
} from './campaign-pupil-lines.js';
import { YES_NO_UNKNOWN, yesNo, yesNoUnknown } from './yes-no-unknown.js';

/** The campaigns list's sortable columns (`?sort=`), the latest school year first. */
export const CAMPAIGN_LIST: ListDefinition<'label' | 'schoolYear' | 'centre' | 'springHolidays'> = {
  columns: {
    label: 'Campagne',
    schoolYear: 'Année scolaire',
    centre: 'Centre',
    springHolidays: 'Vacances de printemps',
  },
  defaultSort: 'schoolYear',
  defaultDir: 'desc',
};

const LABELS = labelOf({
  centreId: 'Centre',
  schoolYear: 'Année de la rentrée',
  label: 'Libellé',
  springHolidaysStart: 'Début des vacances de printemps',
  springHolidaysEnd: 'Fin des vacances de printemps',
  name: 'Nom',
  city: 'Ville',
  contactName: 'Contact',
  contactRole: 'Fonction du contact',
  email: 'Adresse e-mail',
  phone: 'Téléphone',
  conventionReference: 'Référence de la convention',
  conventionDate: 'Date de la convention',
  schoolId: 'Établissement',
  diploma: 'Diplôme',
  classId: 'Classe',
  lines: 'Élèves',
  reason: 'Motif',
  on: 'Date',
  followUp: 'Suite',
  pupilId: 'Élève',
  cardReceivedOn: 'CQC reçue le',
  handedOverOn: 'Remise à l’élève le',
  signedBy: 'Signée par',
  errorReportedOn: 'Erreur constatée le',
  errorDescription: 'Erreur sur la carte',
  errorReturnPostmarkedOn: 'Cachet de la poste du retour',
  moves: 'Répartition',
  confirm: 'Confirmation',
  lastName: 'Nom',
  firstName: 'Prénom',
  birthDate: 'Date de naissance',
  licenceHeld: 'Permis détenu',
  licenceNumber: 'Numéro de permis',
  licenceDate: 'Date du permis',
  capClmObtained: 'CAP CLM obtenu',
});

const DIPLOMA_LABELS: Readonly<Record<string, string>> = {
  BAC_PRO: 'Bac Pro CTRM',
  CAP_CLM: 'CAP CLM',
};

const DOCUMENT_LABELS: Readonly<Record<CampaignDocumentKind, string>> = {
  'attestation-reussite': 'Attestation de réussite au CAP CLM',
  'bordereau-enveloppe': 'Bordereau de l’enveloppe',
  'remise-cqc': 'Feuille de remise des CQC',
  'eleves-majeurs': 'Élèves qui auront 18 ans',
};

const KIND_OPTIONS = [
  { value: 'CAP_CLM', label: FICHE_SESSION_KIND_LABELS.CAP_CLM },
  { value: 'BAC_PRO', label: FICHE_SESSION_KIND_LABELS.BAC_PRO },
];

const MOVE_REASON_OPTIONS = [
  { value: '', label: 'Aucun (âge et permis)' },
  { value: 'BAC_PRO_FAILURE', label: PLACEMENT_BASIS_LABELS.BAC_PRO_FAILURE },
  { value: 'CAP_CLM_NOT_OBTAINED', label: PLACEMENT_BASIS_LABELS.CAP_CLM_NOT_OBTAINED },
];

const CONFIRM_MESSAGE = 'Cochez la case de confirmation pour supprimer : rien n’a été supprimé.';

function campaignSpecs(caller: Caller, centres: Awaited<ReturnType<CentresService['list']>>) {
  const specs: FieldSpec[] = [
    {
      name: 'centreId',
      label: 'Centre (délégation)',
      kind: 'select',
      required: true,
      options: withEmpty(centreOptions(caller, centres), 'Choisissez un centre'),
    },
    {
      name: 'schoolYear',
      label: 'Année de la rentrée',
      kind: 'number',
      required: true,
      hint: '2026 pour l’année scolaire 2026-2027.',
    },
    {
      name: 'springHolidaysStart',
      label: 'Début des vacances de printemps',
      kind: 'date',
      required: true,
      hint: 'Premier jour des vacances de la zone des établissements.',
    },
    {
      name: 'springHolidaysEnd',
      label: 'Fin des vacances de printemps',
      kind: 'date',
      required: true,
      hint: 'Dernier jour des vacances.',
    },
    {
      name: 'label',
      label: 'Libellé',
      kind: 'text',
      hint: 'Facultatif : « Campagne CQC par équivalence AAAA-AAAA » par défaut.',
      wide: true,
    },
  ];
  return specs;
}

const CAMPAIGN_EDIT_SPECS: FieldSpec[] = [
  { name: 'label', label: 'Libellé', kind: 'text', required: true, wide: true },
  {
    name: 'springHolidaysStart',
    label: 'Début des vacances de printemps',
    kind: 'date',
    required: true,
  },
  {
    name: 'springHolidaysEnd',
    label: 'Fin des vacances de printemps',
    kind: 'date',
    required: true,
  },
];

const SCHOOL_SPECS: FieldSpec[] = [
  { name: 'name', label: 'Nom de l’établissement', kind: 'text', required: true, wide: true },
  { name: 'city', label: 'Ville', kind: 'text' },
  { name: 'contactName', label: 'Contact', kind: 'text' },
  {
    name: 'contactRole',
    label: 'Fonction du contact',
    kind: 'text',
    hint: 'Chef des travaux, proviseur, directeur…',
  },
  { name: 'email', label: 'Adresse e-mail', kind: 'email', autocomplete: 'off' },
  { name: 'phone', label: 'Téléphone', kind: 'tel', autocomplete: 'off' },
  { name: 'conventionReference', label: 'Référence de la convention', kind: 'text' },
  { name: 'conventionDate', label: 'Date de la convention', kind: 'date' },
];

function classSpecs(schools: readonly CqcCampaignSchool[]): FieldSpec[] {
  return [
    {
      name: 'schoolId',
      label: 'Établissement',
      kind: 'select',
      required: true,
      options: withEmpty(
        schools.map((s) => ({ value: s.id, label: s.name })),
        'Choisissez un établissement',
      ),
    },
    { name: 'name', label: 'Nom de la classe', kind: 'text', required: true },
    {
      name: 'diploma',
      label: 'Diplôme',
      kind: 'select',
      required: true,
      options: withEmpty(
        Object.entries(DIPLOMA_LABELS).map(([value, label]) => ({ value, label })),
        'Choisissez un diplôme',
      ),
    },
  ];
}

function voidSpecs(today: string): FieldSpec[] {
  return [
    {
      name: 'reason',
      label: 'Motif de l’annulation',
      kind: 'text',
      required: true,
      wide: true,
    },
    { name: 'on', label: 'Annulée le', kind: 'date', max: today },
    {
      name: 'followUp',
      label: 'Suite',
      kind: 'select',
      required: true,
      options: [
        { value: 'REPLACE', label: 'Nouveau numéro' },
        { value: 'RE_EDIT', label: 'Rééditer la même fiche (PDF conservé)' },
      ],
    },
  ];
}

function handoverNewSpecs(pupils: readonly PupilView[], today: string): FieldSpec[] {
  return [
    {
      name: 'pupilId',
      label: 'Élève',
      kind: 'select',
      required: true,
      options: withEmpty(
        pupils.map((p) => ({ value: p.id, label: `${p.lastName} ${p.firstName}` })),
        'Choisissez un élève',
      ),
    },
    { name: 'cardReceivedOn', label: 'CQC reçue le', kind: 'date', required: true, max: today },
  ];
}

function handoverSpecs(today: string): FieldSpec[] {
  return [
    { name: 'cardReceivedOn', label: 'CQC reçue le', kind: 'date', required: true, max: today },
    { name: 'handedOverOn', label: 'Remise à l’élève le', kind: 'date', max: today },
    {
      name: 'signedBy',
      label: 'Signée par',
      kind: 'text',
      hint: 'La CQC se remet contre signature.',
    },
    { name: 'errorReportedOn', label: 'Erreur constatée le', kind: 'date', max: today },
    { name: 'errorDescription', label: 'Erreur sur la carte', kind: 'text', wide: true },
    {
      name: 'errorReturnPostmarkedOn',
      label: 'Cachet de la poste du retour',
      kind: 'date',
      max: today,
      hint: 'Carte erronée retournée avec le formulaire « défaut qualité », dans le mois de sa réception.',
    },
  ];
}

function pupilSpecs(today: string): FieldSpec[] {
  return [
    { name: 'lastName', label: 'Nom', kind: 'text', required: true, autocomplete: 'off' },
    { name: 'firstName', label: 'Prénom', kind: 'text', required: true, autocomplete: 'off' },
    { name: 'birthDate', label: 'Date de naissance', kind: 'date', required: true, max: today },
    {
      name: 'licenceHeld',
      label: 'Permis détenu',
      kind: 'select',
      options: YES_NO_UNKNOWN,
      hint: 'Compte pour la session CAP CLM d’un élève majeur à la mi-mai.',
    },
    { name: 'licenceNumber', label: 'Numéro de permis', kind: 'text', autocomplete: 'off' },
    { name: 'licenceDate', label: 'Date du permis', kind: 'date', max: today },
    {
      name: 'capClmObtained',
      label: 'CAP CLM obtenu',
      kind: 'select',
      options: YES_NO_UNKNOWN,
      hint: 'Les lauréats figurent sur l’attestation de réussite.',
    },
  ];
}

/** The form of a page shown again after a refusal, by its key (`school-new`, `void-…`). */
interface Refused {
  key: string;
  state: FormState;
}

function stateFor(refused: Refused | null, key: string, values: FormValues): FormState {
  return refused?.key === key ? refused.state : freshForm(values);
}

/**
 * A refusal whose form the page no longer shows (its item deleted meanwhile, the step done by
 * another post…), shown at the top of the page.
 */
function pageAlert(refused: Refused | null, shown: readonly string[]): FormView | null {
  if (refused === null || shown.includes(refused.key)) return null;
  return formView([], {}, refused.state.errors, 'page');
}

function fr(date: string | null): string | null {
  return date === null ? null : formatFrenchDate(date);
}

function sourceView(step: CampaignStep): { label: string; url: string | null } {
  const s = step.source;
  return {
    label: `${s.text}, ${s.article}${s.date ? ` (${formatFrenchDate(s.date)})` : ''}`,
    url: s.url,
  };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

/** The labels of the pupils' rows: « Prénom (ligne 3) », with the textarea's line numbers. */
function pupilLineLabels(parsed: ParsedPupilLines): LabelOf {
  const leaves = ['lastName', 'firstName', 'birthDate', 'licenceHeld'];
  const names = parsed.lines.flatMap((_l, i) => leaves.map((leaf) => `pupils[${i}].${leaf}`));
  return labelLookup(
    (field) => {
      const match = /^pupils\[(\d+)\]\.(\w+)$/.exec(field);
      if (!match) return LABELS(field);
      const line = parsed.lines[Number(match[1])];
      const leaf = LABELS(match[2]) ?? match[2];
      return line === undefined ? undefined : `${leaf} (ligne ${line})`;
    },
    [...names, ...LABELS.names],
  );
}

/**
 * The pupils' form errors as one list, in line order: the lines' own problems first on their
 * line, the DTO's and the service's messages (their « Ligne k » read as the textarea's line).
 */
function pupilLineErrors(
  parsed: ParsedPupilLines,
  errors: FieldErrors,
): { lines: string[]; general: FieldErrors } {
  const byLine: { line: number; message: string }[] = [...parsed.errors];
  const broken = new Set(parsed.errors.map((e) => e.line));
  const general: FieldErrors = {};
  for (const [field, message] of Object.entries(errors)) {
    const row = /^pupils\[(\d+)\]/.exec(field);
    if (row) {
      const line = parsed.lines[Number(row[1])] ?? 0;
      if (broken.has(line)) continue;
      const fixed = message.replace(
        /Ligne (\d+)/g,
        (_m, k: string) => `Ligne ${parsed.lines[Number(k) - 1] ?? k}`,
      );
      byLine.push({
        line,
        message: fixed.startsWith('Ligne') ? fixed : `Ligne ${line} : ${fixed}`,
      });
    } else if (field.startsWith('lines.')) {
      // A line that is not a row (count of fields): already in the lines' own problems.
      continue;
    } else if (field === 'pupils' || field === 'lines') {
      byLine.push({ line: 0, message });
    } else {
      general[field] = message;
    }
  }
  byLine.sort((a, b) => a.line - b.line);
  return { lines: byLine.map((e) => e.message), general };
}

@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('cqc/campaigns')
export class WebCampaignController {
  constructor(
    private readonly campaigns: CqcCampaignService,
    private readonly centres: CentresService,
    private readonly forms: FormPages,
    private readonly clock: Clock,
  ) {}

  // ---- the list ----------------------------------------------------------------------------

  @Get()
  async list(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    await this.renderList({ req, res, caller }, null, query);
  }

  @Post()
  async create(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @Body() body: FormBody,
  ): Promise<void> {
    requireWriter(caller);
    const ctx = { req, res, caller };
    const centres = await this.centres.list(caller);
    await this.forms.submit(ctx, {
      dto: CreateCampaignDto,
      plain: {
        centreId: optionalText(body, 'centreId'),
        schoolYear: integer(body, 'schoolYear'),
        springHolidaysStart: optionalText(body, 'springHolidaysStart'),
        springHolidaysEnd: optionalText(body, 'springHolidaysEnd'),
        label: optionalText(body, 'label'),
      },
      labels: LABELS,
      work: (dto) => this.campaigns.create(caller, dto),
      done: (campaign) => ({ to: `/cqc/campaigns/${campaign.id}`, flash: 'campaign-created' }),
      again: (refusal) =>
        this.renderList(ctx, {
          values: typedValues(campaignSpecs(caller, centres), body),
          ...refusal,
        }),
    });
  }

  private async renderList(
    ctx: FormContext,
    refused: FormState | null,
    query: Record<string, unknown> = {},
  ): Promise<void> {
    const [list, centres] = await Promise.all([
      this.campaigns.list(ctx.caller),
      this.centres.list(ctx.caller),
    ]);
    const centreName = new Map(centres.map((c) => [c.id, c.name]));
    const writable = centreOptions(ctx.caller, centres);
    const state =
      refused ??
      freshForm({
        centreId: writable.length === 1 ? writable[0].value : '',
        // The school year under way: from August, the one starting that year.
        schoolYear: String(
          Number(this.clock.today().slice(0, 4)) -
            (Number(this.clock.today().slice(5, 7)) >= 8 ? 0 : 1),
        ),
      });
    const rows = list.map((c) => ({
      id: c.id,
      label: c.label,
      year: c.schoolYear,
      schoolYear: `${c.schoolYear}-${c.schoolYear + 1}`,
      centre: centreName.get(c.centreId) ?? '',
      springStart: c.springHolidaysStart,
      springHolidays: `du ${formatFrenchDate(c.springHolidaysStart)} au ${formatFrenchDate(c.springHolidaysEnd)}`,
    }));
    const page = listPage('/cqc/campaigns', CAMPAIGN_LIST, query, rows, {
      sortValue: {
        label: (r) => r.label,
        schoolYear: (r) => r.year,
        centre: (r) => r.centre,
        springHolidays: (r) => r.springStart,
      },
      searchText: (r) => [r.label, r.schoolYear, r.centre, r.springHolidays].join(' '),
    });
    this.forms.render(
      ctx,
      { view: 'cqc/campaign-list', title: 'Campagnes CQC par équivalence', section: 'campaigns' },
      {
        list: page.list,
        campaigns: page.rows,
        canCreate: ctx.caller.role !== 'viewer' && writable.length > 0,
        form: formView(campaignSpecs(ctx.caller, centres), state.values, state.errors, 'camp'),
      },
      state.status,
    );
  }

  // ---- a campaign ---------------------------------------------------------------------------

  @Get(':id')
  async campaign(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
  ): Promise<void> {
    await this.renderCampaign({ req, res, caller }, id, null);
  }

  @Post(':id/edit')
  async edit(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    requireWriter(caller);
    const ctx = { req, res, caller };
    const campaign = await this.campaigns.get(caller, id);
    const start = wellFormedDate(text(body, 'springHolidaysStart'));
    const end = wellFormedDate(text(body, 'springHolidaysEnd'));
    await this.forms.submit(ctx, {
      dto: PatchCampaignDto,
      plain: {
        version: sentVersion(body),
        label: optionalText(body, 'label'),
        springHolidaysStart: optionalText(body, 'springHolidaysStart'),
        springHolidaysEnd: optionalText(body, 'springHolidaysEnd'),
      },
      required: ['label', 'springHolidaysStart', 'springHolidaysEnd'],
      // The service's check of the spring holidays, reported with the other fields' errors.
      rules:
        start && end
          ? validateSpringHolidays(campaign.schoolYear, { start, end }).map((message) => ({
              field: message.startsWith('Début') ? 'springHolidaysStart' : 'springHolidaysEnd',
              message,
            }))
          : [],
      versioned: true,
      labels: LABELS,
      work: (dto) => this.campaigns.patch(caller, id, dto),
      done: { to: `/cqc/campaigns/${id}#timeline`, flash: 'campaign-updated' },
      again: (refusal) =>
        this.renderCampaign(ctx, id, {
          key: 'campaign',
          state: { values: typedValues(CAMPAIGN_EDIT_SPECS, body, ['version']), ...refusal },
        }),
    });
  }

  @Post(':id/schools')
  async createSchool(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    requireWriter(caller);
    const ctx = { req, res, caller };
    await this.forms.submit(ctx, {
      dto: CreateSchoolDto,
      plain: this.schoolPlain(body, optionalText),
      labels: LABELS,
      work: (dto) => this.campaigns.createSchool(caller, id, dto),
      done: (school) => ({
        to: `/cqc/campaigns/${id}#etablissement-${school.id}`,
        flash: 'campaign-school-created',
      }),
      again: (refusal) =>
        this.renderCampaign(ctx, id, {
          key: 'school-new',
          state: { values: typedValues(SCHOOL_SPECS, body), ...refusal },
        }),
    });
  }

  private schoolPlain(
    body: FormBody,
    read: (body: FormBody, name: string) => string | null | undefined,
  ): Record<string, string | null | undefined> {
    const plain: Record<string, string | null | undefined> = {
      name: optionalText(body, 'name'),
    };
    for (const name of [
      'city',
      'contactName',
      'contactRole',
      'email',
      'phone',
      'conventionReference',
      'conventionDate',
    ]) {
      plain[name] = read(body, name);
    }
    return plain;
  }

  @Post(':id/schools/:schoolId/edit')
  async editSchool(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('schoolId') schoolId: string,
    @Body() body: FormBody,
  ): Promise<void> {
    requireWriter(caller);
    const ctx = { req, res, caller };
    await this.forms.submit(ctx, {
      dto: PatchSchoolDto,
      plain: this.schoolPlain(body, nullableText),
      required: ['name'],
      labels: LABELS,
      work: (dto) => this.campaigns.patchSchool(caller, id, schoolId, dto),
      done: {
        to: `/cqc/campaigns/${id}#etablissement-${schoolId}`,
        flash: 'campaign-school-updated',
      },
      again: (refusal) =>
        this.renderCampaign(ctx, id, {
          key: `school-${schoolId}`,
          state: { values: typedValues(SCHOOL_SPECS, body), ...refusal },
        }),
    });
  }

  @Post(':id/schools/:schoolId/delete')
  async deleteSchool(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('schoolId') schoolId: string,
    @Body() body: FormBody,
  ): Promise<void> {
    requireWriter(caller);
    const ctx = { req, res, caller };
    const key = `school-delete-${schoolId}`;
    if (!checked(body, 'confirm')) {
      // Out of the caller's centres, or not of this campaign: 404 rather than the form again.
      const schools = await this.campaigns.schools(caller, id);
      if (!schools.some((s) => s.id === schoolId)) throw notFound('Établissement');
      await this.renderCampaign(ctx, id, {
        key,
        state: { values: {}, errors: { confirm: CONFIRM_MESSAGE }, status: 400 },
      });
      return;
    }
    const result = await attempt(() => this.campaigns.deleteSchool(caller, id, schoolId), LABELS);
    if (!result.ok) {
      if (result.status === 404) throw notFound('Établissement');
      await this.renderCampaign(ctx, id, { key, state: { values: {}, ...result } });
      return;
    }
    this.forms.redirect(res, { to: `/cqc/campaigns/${id}`, flash: 'campaign-school-deleted' });
  }

  @Post(':id/classes')
  async createClass(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    requireWriter(caller);
    const ctx = { req, res, caller };
    const schools = await this.campaigns.schools(caller, id);
    await this.forms.submit(ctx, {
      dto: CreateClassDto,
      plain: {
        schoolId: optionalText(body, 'schoolId'),
        name: optionalText(body, 'name'),
        diploma: optionalText(body, 'diploma'),
      },
      labels: LABELS,
      work: (dto) => this.campaigns.createClass(caller, id, dto),
      done: (klass) => ({
        to: `/cqc/campaigns/${id}/classes/${klass.id}`,
        flash: 'campaign-class-created',
      }),
      again: (refusal) =>
        this.renderCampaign(ctx, id, {
          key: 'class-new',
          state: { values: typedValues(classSpecs(schools), body), ...refusal },
        }),
    });
  }

  private async renderCampaign(
    ctx: FormContext,
    id: string,
    refused: Refused | null,
  ): Promise<void> {
    const campaign = await this.campaigns.get(ctx.caller, id);
    const [schools, classes, pupils, sessions] = await Promise.all([
      this.campaigns.schools(ctx.caller, id),
      this.campaigns.classes(ctx.caller, id),
      this.campaigns.pupils(ctx.caller, id),
      this.campaigns.ficheSessions(ctx.caller, id),
    ]);
    const writable = ctx.caller.role !== 'viewer';
    const pupilsOf = (classId: string) => pupils.filter((p) => p.classId === classId).length;
    const sessionsOf = (classId: string) => sessions.filter((s) => s.classId === classId).length;
    const classNew = stateFor(refused, 'class-new', { schoolId: '', name: '', diploma: 'BAC_PRO' });
    const schoolNew = stateFor(refused, 'school-new', {});
    const counts = campaign.counts;
    const edit = stateFor(refused, 'campaign', {
      label: campaign.label,
      springHolidaysStart: campaign.springHolidaysStart,
      springHolidaysEnd: campaign.springHolidaysEnd,
    });
    const shown = writable
      ? [
          'campaign',
          'school-new',
          ...(schools.length > 0 ? ['class-new'] : []),
          ...schools.flatMap((s) => [`school-${s.id}`, `school-delete-${s.id}`]),
        ]
      : [];
    this.forms.render(
      ctx,
      { view: 'cqc/campaign-show', title: campaign.label, section: 'campaigns' },
      {
        campaign: {
          id: campaign.id,
          label: campaign.label,
          schoolYear: campaign.schoolYearLabel,
          springHolidays: `du ${formatFrenchDate(campaign.springHolidaysStart)} au ${formatFrenchDate(campaign.springHolidaysEnd)}`,
        },
        writable,
        pageAlert: pageAlert(refused, shown),
        editOpen: refused?.key === 'campaign',
        editForm: formView(CAMPAIGN_EDIT_SPECS, edit.values, edit.errors, 'edit'),
        version: formVersion(edit.values, campaign),
        counts: [
          plural(counts.schools, 'établissement', 'établissements'),
          plural(counts.classes, 'classe', 'classes'),
          plural(counts.pupils, 'élève', 'élèves'),
          plural(counts.ficheSessions, 'session de fiches', 'sessions de fiches'),
          plural(counts.fichesIssued, 'fiche éditée', 'fiches éditées'),
          plural(counts.fichesVoided, 'fiche annulée', 'fiches annulées'),
          plural(counts.cardsReceived, 'CQC reçue', 'CQC reçues'),
          plural(counts.cardsHandedOver, 'CQC remise', 'CQC remises'),
        ],
        timeline: campaign.timeline.map((step) => ({
          label: step.label,
          actor: CAMPAIGN_ACTOR_LABELS[step.actor],
          from: fr(step.from),
          due: fr(step.due),
          reminders: step.reminders.map((r) => ({
            on: formatFrenchDate(r.on),
            message: r.message,
          })),
          notes: step.notes,
          source: sourceView(step),
        })),
        schools: schools.map((school, index) => {
          const schoolClasses = classes.filter((c) => c.schoolId === school.id);
          const edit = stateFor(refused, `school-${school.id}`, {
            name: school.name,
            city: school.city ?? '',
            contactName: school.contactName ?? '',
            contactRole: school.contactRole ?? '',
            email: school.email ?? '',
            phone: school.phone ?? '',
            conventionReference: school.conventionReference ?? '',
            conventionDate: school.conventionDate ?? '',
          });
          const remove = stateFor(refused, `school-delete-${school.id}`, {});
          return {
            id: school.id,
            name: school.name,
            city: school.city,
            contact: [school.contactName, school.contactRole].filter(Boolean).join(', '),
            email: school.email,
            phone: school.phone,
            convention: school.conventionReference
              ? `${school.conventionReference}${school.conventionDate ? ` du ${formatFrenchDate(school.conventionDate)}` : ''}`
              : school.conventionDate
                ? `du ${formatFrenchDate(school.conventionDate)}`
                : null,
            classes: schoolClasses.map((c) =>
              this.classRow(id, c, pupilsOf(c.id), sessionsOf(c.id)),
            ),
            documents: CAMPAIGN_DOCUMENT_KINDS.map((kind) => ({
              label: DOCUMENT_LABELS[kind],
              href: `/api/cqc/campaigns/${id}/documents/${kind}.pdf?schoolId=${school.id}`,
            })),
            editOpen: refused?.key === `school-${school.id}`,
            editForm: formView(SCHOOL_SPECS, edit.values, edit.errors, `s${index}`),
            remove: {
              open: refused?.key === `school-delete-${school.id}`,
              what: `l’établissement « ${school.name} »`,
              action: `/cqc/campaigns/${id}/schools/${school.id}/delete`,
              confirmId: `s${index}-confirm`,
              text:
                schoolClasses.length > 0
                  ? `Ses coordonnées et sa convention seront effacées de la campagne. Il a encore ${plural(schoolClasses.length, 'classe', 'classes')} : la suppression sera refusée tant qu’elles existent.`
                  : 'Ses coordonnées et sa convention seront effacées de la campagne (il n’a aucune classe). La suppression est tracée dans le journal.',
              form: formView([], {}, remove.errors, `s${index}-del`),
            },
          };
        }),
        schoolForm: formView(SCHOOL_SPECS, schoolNew.values, schoolNew.errors, 'school'),
        schoolFormOpen: refused?.key === 'school-new' || schools.length === 0,
        classForm: formView(classSpecs(schools), classNew.values, classNew.errors, 'class'),
        canAddClass: schools.length > 0,
      },
      refused?.state.status ?? 200,
    );
  }

  private classRow(
    campaignId: string,
    c: CqcCampaignClass,
    pupils: number,
    sessions: number,
  ): object {
    return {
      name: c.name,
      diploma: DIPLOMA_LABELS[c.diploma] ?? c.diploma,
      href: `/cqc/campaigns/${campaignId}/classes/${c.id}`,
      pupils: plural(pupils, 'élève', 'élèves'),
      sessions:
        sessions === 0 ? 'sessions de fiches à créer' : plural(sessions, 'session', 'sessions'),
    };
  }

  // ---- the pupils turning 18 ----------------------------------------------------------------

  @Get(':id/majority')
  async majority(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
  ): Promise<void> {
    const campaign = await this.campaigns.get(caller, id);
    const view = await this.campaigns.majority(caller, id, {});
    const today = this.clock.today();
    this.forms.render(
      { req, res },
      { view: 'cqc/campaign-majority', title: 'Élèves qui auront 18 ans', section: 'campaigns' },
      {
        campaign: { id, label: campaign.label },
        from: formatFrenchDate(view.from),
        entries: view.entries.map((e) => ({
          name: `${e.lastName} ${e.firstName}`,
          className: e.className,
          birthDate: formatFrenchDate(e.birthDate),
          majorityDate: formatFrenchDate(e.majorityDate),
          past: e.majorityDate <= today,
          leapDayBirth: e.leapDayBirth,
        })),
        pdf: `/api/cqc/campaigns/${id}/documents/eleves-majeurs.pdf`,
      },
    );
  }

  // ---- a class ------------------------------------------------------------------------------

  @Get(':id/classes/:classId')
  async klass(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('classId') classId: string,
  ): Promise<void> {
    await this.renderClass({ req, res, caller }, id, classId, null);
  }

  @Post(':id/classes/:classId/pupils')
  async addPupils(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('classId') classId: string,
    @Body() body: FormBody,
  ): Promise<void> {
    requireWriter(caller);
    const ctx = { req, res, caller };
    const typed = text(body, 'lines');
    const parsed = parsePupilLines(typed);
    const checks: FieldErrors = {};
    if (parsed.rows.length === 0 && parsed.errors.length === 0) {
      checks.lines = `Le champ « Élèves » est obligatoire : un élève par ligne, « ${PUPIL_LINE_FORMAT} ».`;
    } else if (parsed.rows.length > MAX_PUPIL_LINES) {
      checks.lines = `Le champ « Élèves » compte ${parsed.rows.length} lignes : ${MAX_PUPIL_LINES} au plus par envoi.`;
    }
    for (const e of parsed.errors) {
      const index = parsed.lines.indexOf(e.line);
      checks[index >= 0 ? `pupils[${index}]` : `lines.${e.line}`] = e.message;
    }
    const labels = pupilLineLabels(parsed);
    await this.forms.submit(ctx, {
      dto: CreatePupilsDto,
      plain: { classId, pupils: parsed.rows },
      checks,
      labels,
      work: (dto) => this.campaigns.createPupils(caller, id, dto),
      done: (created) => ({
        to: `/cqc/campaigns/${id}/classes/${classId}#eleves`,
        flash: created.length > 1 ? 'campaign-pupils-created' : 'campaign-pupil-created',
      }),
      again: (refusal) => {
        const grouped = pupilLineErrors(parsed, refusal.errors);
        return this.renderClass(ctx, id, classId, {
          key: 'pupils',
          state: {
            values: { lines: typed, lineErrors: grouped.lines },
            errors: {
              ...grouped.general,
              ...(grouped.lines.length > 0
                ? {
                    lines: `Le champ « Élèves » a ${plural(grouped.lines.length, 'erreur', 'erreurs')} à corriger, détaillée${grouped.lines.length > 1 ? 's' : ''} sous le champ.`,
                  }
                : {}),
            },
            status: refusal.status,
          },
        });
      },
    });
  }

  @Post(':id/classes/:classId/fiche-sessions')
  async createSessions(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('classId') classId: string,
    @Body() body: FormBody,
  ): Promise<void> {
    requireWriter(caller);
    const ctx = { req, res, caller };
    const [split] = await this.campaigns.split(caller, id, classId);
    const proposed = new Map((split?.placements ?? []).map((p) => [p.pupilId, p.kind]));
    const ids = rows(body, 'pupilId');
    const kinds = rows(body, 'to');
    const reasons = rows(body, 'reason');
    const moves = ids
      .map((pupilId, i) => ({
        pupilId,
        to: kinds[i] ?? '',
        reason: reasons[i] === '' || reasons[i] === undefined ? null : reasons[i],
      }))
      .filter((m) => m.to !== proposed.get(m.pupilId) || m.reason !== null);
    const values: FormValues = {};
    ids.forEach((pupilId, i) => {
      values[`to.${pupilId}`] = kinds[i] ?? '';
      values[`reason.${pupilId}`] = reasons[i] ?? '';
    });
    await this.forms.submit(ctx, {
      dto: CreateFicheSessionsDto,
      plain: { classId, moves },
      labels: LABELS,
      work: (dto) => this.campaigns.createFicheSessions(caller, id, dto),
      done: {
        to: `/cqc/campaigns/${id}/classes/${classId}#fiches`,
        flash: 'fiche-sessions-created',
      },
      again: (refusal) =>
        this.renderClass(ctx, id, classId, {
          key: 'split',
          state: { values, ...refusal },
        }),
    });
  }

  @Post(':id/classes/:classId/pupils/:pupilId/placement')
  async placePupil(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('classId') classId: string,
    @UuidParam('pupilId') pupilId: string,
    @Body() body: FormBody,
  ): Promise<void> {
    requireWriter(caller);
    const ctx = { req, res, caller };
    const pupils = await this.campaigns.pupils(caller, id, classId);
    if (!pupils.some((p) => p.id === pupilId)) throw notFound('Élève');
    const reason = optionalText(body, 'reason');
    await this.forms.submit(ctx, {
      dto: PlacePupilDto,
      plain: { ficheSessionId: optionalText(body, 'ficheSessionId'), reason: reason ?? null },
      labels: LABELS,
      work: (dto) => this.campaigns.placePupil(caller, id, pupilId, dto),
      done: { to: `/cqc/campaigns/${id}/classes/${classId}#placer`, flash: 'pupil-placed' },
      again: (refusal) =>
        this.renderClass(ctx, id, classId, {
          key: `place-${pupilId}`,
          state: {
            values: {
              ficheSessionId: text(body, 'ficheSessionId'),
              reason: text(body, 'reason'),
            },
            ...refusal,
          },
        }),
    });
  }

  @Post(':id/classes/:classId/pupils/:pupilId/edit')
  async editPupil(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('classId') classId: string,
    @UuidParam('pupilId') pupilId: string,
    @Body() body: FormBody,
  ): Promise<void> {
    requireWriter(caller);
    const ctx = { req, res, caller };
    const pupils = await this.campaigns.pupils(caller, id, classId);
    if (!pupils.some((p) => p.id === pupilId)) throw notFound('Élève');
    await this.forms.submit(ctx, {
      dto: PatchPupilDto,
      plain: {
        lastName: optionalText(body, 'lastName'),
        firstName: optionalText(body, 'firstName'),
        birthDate: optionalText(body, 'birthDate'),
        licenceHeld: yesNoUnknown(body, 'licenceHeld'),
        licenceNumber: nullableText(body, 'licenceNumber'),
        licenceDate: nullableText(body, 'licenceDate'),
        capClmObtained: yesNoUnknown(body, 'capClmObtained'),
      },
      required: ['lastName', 'firstName', 'birthDate'],
      labels: LABELS,
      work: (dto) => this.campaigns.patchPupil(caller, id, pupilId, dto),
      done: {
        to: `/cqc/campaigns/${id}/classes/${classId}#eleve-${pupilId}`,
        flash: 'campaign-pupil-updated',
      },
      again: (refusal) =>
        this.renderClass(ctx, id, classId, {
          key: `pupil-${pupilId}`,
          state: { values: typedValues(pupilSpecs(this.clock.today()), body), ...refusal },
        }),
    });
  }

  @Post(':id/classes/:classId/pupils/:pupilId/delete')
  async deletePupil(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('classId') classId: string,
    @UuidParam('pupilId') pupilId: string,
    @Body() body: FormBody,
  ): Promise<void> {
    requireWriter(caller);
    const ctx = { req, res, caller };
    const key = `pupil-delete-${pupilId}`;
    // Out of the caller's centres, or not of this class: 404 rather than the form again.
    const pupils = await this.campaigns.pupils(caller, id, classId);
    if (!pupils.some((p) => p.id === pupilId)) throw notFound('Élève');
    if (!checked(body, 'confirm')) {
      await this.renderClass(ctx, id, classId, {
        key,
        state: { values: {}, errors: { confirm: CONFIRM_MESSAGE }, status: 400 },
      });
      return;
    }
    const result = await attempt(() => this.campaigns.deletePupil(caller, id, pupilId), LABELS);
    if (!result.ok) {
      if (result.status === 404) throw notFound('Élève');
      await this.renderClass(ctx, id, classId, { key, state: { values: {}, ...result } });
      return;
    }
    this.forms.redirect(res, {
      to: `/cqc/campaigns/${id}/classes/${classId}#eleves`,
      flash: 'campaign-pupil-deleted',
    });
  }

  @Post(':id/fiche-sessions/:ficheSessionId/fiches')
  async issueFiches(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('ficheSessionId') ficheSessionId: string,
    @Body() body: FormBody,
  ): Promise<void> {
    requireWriter(caller);
    const ctx = { req, res, caller };
    const session = await this.campaigns.ficheSession(caller, id, ficheSessionId);
    await this.forms.submit(ctx, {
      dto: IssueFichesDto,
      plain: { on: optionalText(body, 'on') },
      labels: LABELS,
      work: (dto) => this.campaigns.issueFiches(caller, id, ficheSessionId, dto),
      done: {
        to: `/cqc/campaigns/${id}/classes/${session.classId}#session-${ficheSessionId}`,
        flash: 'fiches-issued',
      },
      again: (refusal) =>
        this.renderClass(ctx, id, session.classId, {
          key: `issue-${ficheSessionId}`,
          state: { values: { on: text(body, 'on') }, ...refusal },
        }),
    });
  }

  @Post(':id/fiche-sessions/:ficheSessionId/fiches/:number/void')
  async voidFiche(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('ficheSessionId') ficheSessionId: string,
    @Param('number') numberText: string,
    @Body() body: FormBody,
  ): Promise<void> {
    requireWriter(caller);
    const ctx = { req, res, caller };
    const session = await this.campaigns.ficheSession(caller, id, ficheSessionId);
    const number = /^[1-9]\d{0,2}$/.test(numberText) ? Number(numberText) : NaN;
    if (!session.fiches.some((f) => f.number === number)) throw notFound('Fiche');
    const today = this.clock.today();
    await this.forms.submit(ctx, {
      dto: VoidFicheDto,
      plain: {
        reason: optionalText(body, 'reason'),
        on: optionalText(body, 'on'),
        followUp: optionalText(body, 'followUp'),
      },
      labels: LABELS,
      work: (dto) => this.campaigns.voidFiche(caller, id, ficheSessionId, number, dto),
      done: {
        to: `/cqc/campaigns/${id}/classes/${session.classId}#session-${ficheSessionId}`,
        flash: 'fiche-voided',
      },
      again: (refusal) =>
        this.renderClass(ctx, id, session.classId, {
          key: `void-${ficheSessionId}-${number}`,
          state: { values: typedValues(voidSpecs(today), body), ...refusal },
        }),
    });
  }

  @Post(':id/classes/:classId/hand-overs')
  async createHandover(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('classId') classId: string,
    @Body() body: FormBody,
  ): Promise<void> {
    requireWriter(caller);
    const ctx = { req, res, caller };
    const pupils = await this.campaigns.pupils(caller, id, classId);
    const pupilId = optionalText(body, 'pupilId');
    const today = this.clock.today();
    await this.forms.submit(ctx, {
      dto: CreateHandoverDto,
      plain: { pupilId, cardReceivedOn: optionalText(body, 'cardReceivedOn') },
      // A pupil of another class of the campaign is not offered here.
      checks:
        pupilId !== undefined && !pupils.some((p) => p.id === pupilId)
          ? { pupilId: 'Le champ « Élève » ne désigne aucun élève de cette classe.' }
          : {},
      labels: LABELS,
      work: (dto) => this.campaigns.createHandover(caller, id, dto),
      done: (h) => ({
        to: `/cqc/campaigns/${id}/classes/${classId}#remise-${h.id}`,
        flash: 'handover-created',
      }),
      again: (refusal) =>
        this.renderClass(ctx, id, classId, {
          key: 'handover-new',
          state: { values: typedValues(handoverNewSpecs(pupils, today), body), ...refusal },
        }),
    });
  }

  @Post(':id/classes/:classId/hand-overs/:handoverId')
  async patchHandover(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('classId') classId: string,
    @UuidParam('handoverId') handoverId: string,
    @Body() body: FormBody,
  ): Promise<void> {
    requireWriter(caller);
    const ctx = { req, res, caller };
    const handovers = await this.campaigns.handovers(caller, id);
    if (!handovers.some((h) => h.id === handoverId && h.classId === classId)) {
      throw notFound('Remise de CQC');
    }
    const today = this.clock.today();
    await this.forms.submit(ctx, {
      dto: PatchHandoverDto,
      plain: {
        cardReceivedOn: optionalText(body, 'cardReceivedOn'),
        handedOverOn: nullableText(body, 'handedOverOn'),
        signedBy: nullableText(body, 'signedBy'),
        errorReportedOn: nullableText(body, 'errorReportedOn'),
        errorDescription: nullableText(body, 'errorDescription'),
        errorReturnPostmarkedOn: nullableText(body, 'errorReturnPostmarkedOn'),
      },
      required: ['cardReceivedOn'],
      labels: LABELS,
      work: (dto) => this.campaigns.patchHandover(caller, id, handoverId, dto),
      done: {
        to: `/cqc/campaigns/${id}/classes/${classId}#remise-${handoverId}`,
        flash: 'handover-updated',
      },
      again: (refusal) =>
        this.renderClass(ctx, id, classId, {
          key: `handover-${handoverId}`,
          state: { values: typedValues(handoverSpecs(today), body), ...refusal },
        }),
    });
  }

  private async renderClass(
    ctx: FormContext,
    id: string,
    classId: string,
    refused: Refused | null,
  ): Promise<void> {
    const campaign = await this.campaigns.get(ctx.caller, id);
    const classes = await this.campaigns.classes(ctx.caller, id);
    const klass = classes.find((c) => c.id === classId);
    if (!klass) throw notFound('Classe');
    const [schools, pupils, splits, allSessions, allHandovers] = await Promise.all([
      this.campaigns.schools(ctx.caller, id),
      this.campaigns.pupils(ctx.caller, id, classId),
      this.campaigns.split(ctx.caller, id, classId),
      this.campaigns.ficheSessions(ctx.caller, id),
      this.campaigns.handovers(ctx.caller, id),
    ]);
    const sessions = allSessions.filter((s) => s.classId === classId);
    const handovers = allHandovers.filter((h) => h.classId === classId);
    const school = schools.find((s) => s.id === klass.schoolId);
    const writable = ctx.caller.role !== 'viewer';
    const today = this.clock.today();
    const sessionLabel = new Map(sessions.map((s) => [s.id, s.label]));
    const pupilsState = stateFor(refused, 'pupils', { lines: '' });
    const lineErrors = Array.isArray(pupilsState.values.lineErrors)
      ? (pupilsState.values.lineErrors as string[])
      : [];
    const pupilsForm = formView(
      [{ name: 'lines', label: 'Élèves', kind: 'textarea' }],
      { lines: pupilsState.values.lines },
      pupilsState.errors,
      'pupils',
    );
    const withoutHandover = pupils.filter((p) => !allHandovers.some((h) => h.pupilId === p.id));
    const handoverNew = stateFor(refused, 'handover-new', { pupilId: '', cardReceivedOn: today });
    const split = splits[0] ?? null;
    const splitShown =
      split !== null && sessions.length === 0 && split.placements.length > 0 && writable;
    const shown = writable
      ? [
          'pupils',
          ...(splitShown ? ['split'] : []),
          // A session shows the refusals of its forms itself (`alert`).
          ...sessions.flatMap((s) => [
            `issue-${s.id}`,
            ...s.fiches.map((f) => `void-${s.id}-${f.number}`),
          ]),
          ...pupils.flatMap((p) => [`pupil-${p.id}`, `pupil-delete-${p.id}`]),
          ...(withoutHandover.length > 0 ? ['handover-new'] : []),
          ...handovers.map((h) => `handover-${h.id}`),
          ...(sessions.length > 0
            ? pupils.filter((p) => p.ficheSessionId === null).map((p) => `place-${p.id}`)
            : []),
        ]
      : [];
    this.forms.render(
      ctx,
      {
        view: 'cqc/campaign-class',
        title: `${klass.name} — ${campaign.label}`,
        section: 'campaigns',
      },
      {
        campaign: { id, label: campaign.label },
        klass: {
          id: klass.id,
          name: klass.name,
          diploma: DIPLOMA_LABELS[klass.diploma] ?? klass.diploma,
          school: school?.name ?? '',
        },
        writable,
        pageAlert: pageAlert(refused, shown),
        format: PUPIL_LINE_FORMAT,
        pupils: pupils.map((p, index) =>
          this.pupilModel(id, classId, p, index, refused, today, {
            session: p.ficheSessionId ? (sessionLabel.get(p.ficheSessionId) ?? '') : null,
            fiche: allSessions.some((s) => s.fiches.some((f) => f.pupilId === p.id)),
            handover: allHandovers.some((h) => h.pupilId === p.id),
          }),
        ),
        pupilsForm,
        lineErrors,
        hasLineErrors: lineErrors.length > 0,
        pupilsOpen: refused?.key === 'pupils' || pupils.length === 0,
        split: this.splitModel(split, sessions.length > 0, refused),
        sessions: sessions.map((s) => this.sessionModel(id, s, refused, today, writable)),
        unplaced:
          sessions.length === 0 ? [] : this.unplacedModel(id, classId, pupils, sessions, refused),
        handovers: handovers.map((h, index) =>
          this.handoverModel(id, classId, h, index, refused, today),
        ),
        handoverForm: formView(
          handoverNewSpecs(withoutHandover, today),
          handoverNew.values,
          handoverNew.errors,
          'hnew',
        ),
        canAddHandover: withoutHandover.length > 0,
      },
      refused?.state.status ?? 200,
    );
  }

  /** Pupils without a fiche session once the sessions exist (added late), with their form. */
  private unplacedModel(
    campaignId: string,
    classId: string,
    pupils: readonly PupilView[],
    sessions: readonly FicheSessionView[],
    refused: Refused | null,
  ): object[] {
    const specs: FieldSpec[] = [
      {
        name: 'ficheSessionId',
        label: 'Session',
        kind: 'select',
        required: true,
        options: withEmpty(
          sessions.map((s) => ({ value: s.id, label: s.label })),
          'Choisissez une session',
        ),
      },
      { name: 'reason', label: 'Motif', kind: 'select', options: MOVE_REASON_OPTIONS },
    ];
    return pupils
      .filter((p) => p.ficheSessionId === null)
      .map((p, index) => {
        const state = stateFor(refused, `place-${p.id}`, { ficheSessionId: '', reason: '' });
        return {
          name: `${p.lastName} ${p.firstName}`,
          birthDate: formatFrenchDate(p.birthDate),
          action: `/cqc/campaigns/${campaignId}/classes/${classId}/pupils/${p.id}/placement`,
          form: formView(specs, state.values, state.errors, `p${index}`),
        };
      });
  }

  private splitModel(
    split: ClassSplitView | null,
    created: boolean,
    refused: Refused | null,
  ): object | null {
    if (split === null || (split.placements.length === 0 && split.errors.length === 0)) {
      return null;
    }
    const state = refused?.key === 'split' ? refused.state : null;
    const form = formView([], {}, state?.errors ?? null, 'split');
    return {
      created,
      errors: split.errors,
      referenceDate: fr(split.referenceDate),
      envelopeDeadline: fr(split.envelopeDeadline),
      sessions: split.sessions.map((s) => ({
        label: s.label,
        count: plural(s.pupilIds.length, 'élève', 'élèves'),
      })),
      form,
      placements: split.placements.map((p, index) => {
        const to = state?.values[`to.${p.pupilId}`] ?? p.kind;
        const reason = state?.values[`reason.${p.pupilId}`] ?? '';
        return {
          pupilId: p.pupilId,
          index,
          name: `${p.lastName} ${p.firstName}`,
          birthDate: formatFrenchDate(p.birthDate),
          majorityDate: formatFrenchDate(p.majorityDate),
          kind: FICHE_SESSION_KIND_LABELS[p.kind as FicheSessionKind] ?? p.kind,
          basis: p.basisLabel,
          warnings: p.warnings,
          kinds: KIND_OPTIONS.map((o) => ({ ...o, selected: o.value === to })),
          reasons: MOVE_REASON_OPTIONS.map((o) => ({ ...o, selected: o.value === reason })),
        };
      }),
    };
  }

  private sessionModel(
    campaignId: string,
    s: FicheSessionView,
    refused: Refused | null,
    today: string,
    writable: boolean,
  ): object {
    const issue = stateFor(refused, `issue-${s.id}`, {});
    const withoutFiche = s.pupils.filter(
      (p) => !s.fiches.some((f) => f.pupilId === p.id && f.status === 'ISSUED'),
    );
    // A refusal whose form is no longer shown (the fiche was voided meanwhile, or every pupil
    // has a fiche) is shown at the top of the session.
    const voidable = (n: number) =>
      s.fiches.some((f) => f.number === n && f.status === 'ISSUED') && writable;
    const orphan =
      refused !== null &&
      ((refused.key === `issue-${s.id}` && !(writable && withoutFiche.length > 0)) ||
        (refused.key.startsWith(`void-${s.id}-`) &&
          !voidable(Number(refused.key.slice(`void-${s.id}-`.length)))));
    return {
      id: s.id,
      alert: orphan ? formView([], {}, refused.state.errors, `alert-${s.id}`) : null,
      label: s.label,
      kind: FICHE_SESSION_KIND_LABELS[s.kind as FicheSessionKind] ?? s.kind,
      summary: `${s.summary.used} numéro${s.summary.used > 1 ? 's' : ''} utilisé${s.summary.used > 1 ? 's' : ''} sur ${s.summary.capacity} (${s.summary.remaining} libre${s.summary.remaining > 1 ? 's' : ''}) · ${s.summary.issued} valide${s.summary.issued > 1 ? 's' : ''} · ${s.summary.voided} annulée${s.summary.voided > 1 ? 's' : ''}`,
      pupils: s.pupils.map((p) => `${p.lastName} ${p.firstName}`).join(', '),
      pupilCount: plural(s.pupils.length, 'élève', 'élèves'),
      canIssue: writable && withoutFiche.length > 0,
      toIssue: plural(withoutFiche.length, 'élève sans fiche', 'élèves sans fiche'),
      issueAction: `/cqc/campaigns/${campaignId}/fiche-sessions/${s.id}/fiches`,
      issueForm: formView([], {}, issue.errors, `issue-${s.id}`),
      fiches: s.fiches.map((f) => {
        const key = `void-${s.id}-${f.number}`;
        const state = stateFor(refused, key, { reason: '', on: today, followUp: 'REPLACE' });
        return {
          number: f.number,
          pupil: f.pupilName ?? 'fiche vierge',
          voided: f.status === 'VOIDED',
          status: FICHE_STATUS_LABELS[f.status],
          edition: f.edition === 1 ? '1re édition' : `${f.edition}e édition`,
          editedOn: formatFrenchDate(f.editedOn),
          note: [
            f.replaces !== null ? `remplace le n° ${f.replaces}` : null,
            f.voidedOn
              ? `annulée le ${formatFrenchDate(f.voidedOn)} : ${f.voidReason ?? ''}`
              : null,
            f.replacedBy !== null ? `remplacée par le n° ${f.replacedBy}` : null,
          ]
            .filter((v) => v !== null)
            .join(' · '),
          canVoid: writable && f.status === 'ISSUED',
          voidOpen: refused?.key === key,
          voidAction: `/cqc/campaigns/${campaignId}/fiche-sessions/${s.id}/fiches/${f.number}/void`,
          voidForm: formView(voidSpecs(today), state.values, state.errors, `v-${s.id}-${f.number}`),
        };
      }),
      history: s.history.map((e) => ({
        on: formatFrenchDate(e.on),
        label: e.label,
      })),
    };
  }

  private pupilModel(
    campaignId: string,
    classId: string,
    p: PupilView,
    index: number,
    refused: Refused | null,
    today: string,
    links: { session: string | null; fiche: boolean; handover: boolean },
  ): object {
    const name = `${p.lastName} ${p.firstName}`;
    const key = `pupil-${p.id}`;
    const edit = stateFor(refused, key, {
      lastName: p.lastName,
      firstName: p.firstName,
      birthDate: p.birthDate,
      licenceHeld: yesNo(p.licenceHeld),
      licenceNumber: p.licenceNumber ?? '',
      licenceDate: p.licenceDate ?? '',
      capClmObtained: yesNo(p.capClmObtained),
    });
    const remove = stateFor(refused, `pupil-delete-${p.id}`, {});
    const action = `/cqc/campaigns/${campaignId}/classes/${classId}/pupils/${p.id}`;
    const kept = links.fiche
      ? 'une fiche navette numérotée'
      : links.handover
        ? 'une remise de CQC enregistrée'
        : null;
    return {
      id: p.id,
      name,
      birthDate: formatFrenchDate(p.birthDate),
      licence: p.licenceHeld === null ? 'à vérifier' : p.licenceHeld ? 'oui' : 'non',
      licenceDetail: [
        p.licenceNumber !== null ? `n° ${p.licenceNumber}` : null,
        p.licenceDate !== null ? `du ${formatFrenchDate(p.licenceDate)}` : null,
      ]
        .filter((v) => v !== null)
        .join(' '),
      capClm: p.capClmObtained === null ? null : p.capClmObtained ? 'obtenu' : 'non obtenu',
      session: links.session,
      basis: p.placementBasisLabel,
      editOpen: refused?.key === key,
      editAction: `${action}/edit`,
      editForm: formView(pupilSpecs(today), edit.values, edit.errors, `p${index}`),
      remove: {
        open: refused?.key === `pupil-delete-${p.id}`,
        what: `l’élève ${name}`,
        action: `${action}/delete`,
        confirmId: `p${index}-confirm`,
        text:
          kept !== null
            ? `${name} a ${kept} : la suppression sera refusée (chaque numéro reste tracé).`
            : `Son nom, sa date de naissance, son permis${links.session !== null ? ' et sa place dans la session de fiches' : ''} seront effacés de la classe. La suppression est tracée dans le journal.`,
        form: formView([], {}, remove.errors, `p${index}-del`),
      },
    };
  }

  private handoverModel(
    campaignId: string,
    classId: string,
    h: HandoverView,
    index: number,
    refused: Refused | null,
    today: string,
  ): object {
    const key = `handover-${h.id}`;
    const state = stateFor(refused, key, {
      cardReceivedOn: h.cardReceivedOn,
      handedOverOn: h.handedOverOn ?? '',
      signedBy: h.signedBy ?? '',
      errorReportedOn: h.errorReportedOn ?? '',
      errorDescription: h.errorDescription ?? '',
      errorReturnPostmarkedOn: h.errorReturnPostmarkedOn ?? '',
    });
    return {
      id: h.id,
      name: `${h.lastName} ${h.firstName}`,
      cardReceivedOn: formatFrenchDate(h.cardReceivedOn),
      handedOver: h.handedOverOn !== null,
      handedOverOn: fr(h.handedOverOn),
      signedBy: h.signedBy,
      error: h.errorReportedOn !== null,
      errorDescription: h.errorDescription,
      errorNote: h.errorNote,
      errorLate: h.errorReturnInTime === false,
      deadline: formatFrenchDate(h.errorReturnDeadline),
      open: refused?.key === key,
      action: `/cqc/campaigns/${campaignId}/classes/${classId}/hand-overs/${h.id}`,
      form: formView(handoverSpecs(today), state.values, state.errors, `h${index}`),
    };
  }
}
