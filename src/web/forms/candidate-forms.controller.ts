import { Body, Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentCaller } from '../../auth/auth.decorators.js';
import {
  CONVOCATION_MODES,
  CONVOCATION_PROOF_KINDS,
  type Candidate,
  type CcpResult,
} from '../../candidates/candidate.entity.js';
import { candidateErrors } from '../../candidates/candidate-rules.js';
import { Clock } from '../../common/clock.js';
import type { FieldError } from '../../common/validation/field-errors.js';
import { CandidatesService } from '../../candidates/candidates.service.js';
import { JuryMembersService } from '../../jury/jury-members.service.js';
import { CreateCandidateDto, UpdateCandidateDto } from '../../candidates/dto/candidate.dto.js';
import type { Caller } from '../../common/caller.js';
import { formatFrenchDate } from '../../common/calendar-date.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import type { ExamSession } from '../../sessions/exam-session.entity.js';
import { SessionsService } from '../../sessions/sessions.service.js';
import type { Titre } from '../../titres/titre.entity.js';
import { TitresService } from '../../titres/titres.service.js';
import {
  ATTENDANCE_LABELS,
  CONVOCATION_MODE_LABELS,
  OUTCOME_LABELS,
  PATHWAY_LABELS,
  optionsOf,
} from '../views/labels.js';
import { convocationProofErrors } from '../../candidates/convocation-proof-rules.js';
import { VAE_RECEVABILITE_SPECS, formPathwayErrors } from './pathway-form.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import type { ListDefinition } from '../lists/list-params.js';
import { listPage } from '../lists/list-query.js';
import type { WebRequest } from '../web-pages.js';
import { candidateDeletion } from './delete-confirmation.js';
import { renderDeleteConfirmation, requireConfirmed } from './delete-confirmation-page.js';
import { labelOf } from './field-labels.js';
import { formView, withEmpty, type FieldSpec, type FieldValue } from './form-fields.js';
import {
  checked,
  nullableText,
  optionalText,
  text,
  texts,
  wellFormedDate,
  addFieldErrors,
  attempt,
  validateForm,
  type FieldErrors,
  type FormBody,
} from './form-input.js';
import { FormPages } from './form-pages.js';
import { BulkConvocationDto } from '../../candidates/dto/bulk-candidates.dto.js';
import {
  bulkAttendanceErrors,
  bulkConvocationErrors,
} from '../../candidates/bulk-candidate-rules.js';
import {
  attendanceEntries,
  attendanceField,
  BULK_CANDIDATE_LABELS,
  bulkFormsView,
  convocationPlain,
  emptyBulkState,
  type BulkFormsState,
} from './candidate-bulk-form.js';
import { ProvidersService } from '../../providers/providers.service.js';
import {
  formVersion,
  freshForm,
  sentVersion,
  typedValues,
  type FormContext,
  type FormState,
} from './form-support.js';

const LABELS = labelOf({
  address: 'Adresse postale',
  trainingProviderId: 'Organisme de formation',
  trainerIds: 'Formateur(s) du candidat',
});

/** Who trained the candidate: one of the centre's training providers, or the centre itself. */
function providerField(providers: readonly { id: string; name: string }[]): FieldSpec {
  return {
    name: 'trainingProviderId',
    label: 'Organisme de formation',
    kind: 'select',
    options: withEmpty(
      providers.map((p) => ({ value: p.id, label: p.name })),
      'Le centre lui-même',
    ),
    hint: 'Un candidat formé par un autre organisme demande une convention en vigueur avec lui.',
  };
}

const IDENTITY_SPECS: FieldSpec[] = [
  { name: 'lastName', label: 'Nom', kind: 'text', required: true, autocomplete: 'off' },
  { name: 'firstName', label: 'Prénom', kind: 'text', required: true, autocomplete: 'off' },
  { name: 'birthDate', label: 'Date de naissance', kind: 'date' },
  { name: 'email', label: 'Adresse e-mail', kind: 'email', autocomplete: 'off' },
  { name: 'phone', label: 'Téléphone', kind: 'tel', autocomplete: 'off' },
  { name: 'address', label: 'Adresse postale', kind: 'textarea' },
  {
    name: 'pathway',
    label: 'Parcours',
    kind: 'select',
    required: true,
    options: optionsOf(PATHWAY_LABELS),
  },
  {
    name: 'trainingStartDate',
    label: 'Début de la formation',
    kind: 'date',
    hint: 'Sert à l’année de prolongation d’un titre arrivé à échéance.',
  },
  ...VAE_RECEVABILITE_SPECS,
  { name: 'accommodationRequested', label: 'Aménagement des épreuves demandé', kind: 'checkbox' },
  { name: 'accommodationDetails', label: 'Aménagement des épreuves', kind: 'textarea' },
];

const FOLLOW_UP_SPECS: FieldSpec[] = [
  {
    name: 'convocationDate',
    label: 'Date de convocation',
    kind: 'date',
    hint: 'Date de remise ou d’envoi : au moins un mois avant le début de la session.',
  },
  {
    name: 'convocationMode',
    label: 'Mode de convocation',
    kind: 'select',
    options: withEmpty(optionsOf(CONVOCATION_MODE_LABELS), 'Non convoqué'),
  },
  {
    name: 'convocationProofKind',
    label: 'Preuve de la convocation',
    kind: 'select',
    options: withEmpty(
      optionsOf({
        SIGNED_DISCHARGE: 'Décharge signée (remise en main propre)',
        RECEIPT_ACKNOWLEDGEMENT: 'Accusé de réception (lettre recommandée)',
      }),
      'Pas encore reçue',
    ),
    hint: 'À conserver dans le dossier de la session ; attendue au plus tard le premier jour de la session.',
  },
  { name: 'convocationProofOn', label: 'Date de la preuve', kind: 'date' },
  {
    name: 'ecfSignedByTrainingManager',
    label: 'Livret ECF signé par le responsable de formation',
    kind: 'checkbox',
  },
  { name: 'ecfSignedByTrainer', label: 'Livret ECF signé par le formateur', kind: 'checkbox' },
  { name: 'ecfSignedByCandidate', label: 'Livret ECF signé par le candidat', kind: 'checkbox' },
  { name: 'dpSigned', label: 'Dossier professionnel (DP) signé', kind: 'checkbox' },
  { name: 'certificationBooklet', label: 'Livret de certification', kind: 'checkbox' },
  { name: 'recevabiliteCollected', label: 'Recevabilité VAE reçue', kind: 'checkbox' },
  { name: 'otherDocuments', label: 'Autres pièces', kind: 'textarea' },
  {
    name: 'attendance',
    label: 'Présence le jour des épreuves',
    kind: 'select',
    options: withEmpty(optionsOf(ATTENDANCE_LABELS), 'Non renseignée'),
  },
];

const FILE_ITEMS = [
  'ecfSignedByTrainingManager',
  'ecfSignedByTrainer',
  'ecfSignedByCandidate',
  'dpSigned',
  'certificationBooklet',
  'recevabiliteCollected',
] as const;

/** A candidate's page: identity and follow-up, then one result a CCP of the session. */
const PROFILE_SPECS: FieldSpec[] = [...IDENTITY_SPECS, ...FOLLOW_UP_SPECS];

/** The candidate's trainers among the centre's jury members (options filled per centre). */
const TRAINER_SPEC: FieldSpec = {
  name: 'trainerIds',
  label: 'Formateur(s) du candidat',
  kind: 'checkboxes',
  hint: 'Membres du jury du centre qui ont formé le candidat : ils sont exclus de son évaluation (lien pédagogique).',
};

const OUTCOMES = withEmpty(optionsOf(OUTCOME_LABELS), 'Non saisi');

/** The CCP evaluated in a session: the session's own, or every CCP of the titre. */
function sessionCcps(session: ExamSession, titre: Titre): { code: string; label: string }[] {
  const ccps = titre.ccps ?? [];
  return session.nature === 'TITRE'
    ? ccps.map((c) => ({ code: c.code, label: c.label }))
    : session.ccpCodes.map((code) => ({
        code,
        label: ccps.find((c) => c.code === code)?.label ?? code,
      }));
}

function resultSpecs(ccps: { code: string; label: string }[]): FieldSpec[] {
  return ccps.map((c) => ({
    name: `result_${c.code}`,
    label: `${c.code} — ${c.label}`,
    kind: 'select',
    options: OUTCOMES,
  }));
}

function candidateValues(candidate: Candidate): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {
    lastName: candidate.lastName,
    firstName: candidate.firstName,
    birthDate: candidate.birthDate,
    email: candidate.email,
    phone: candidate.phone,
    address: candidate.address,
    pathway: candidate.pathway,
    trainingProviderId: candidate.trainingProviderId,
    trainingStartDate: candidate.trainingStartDate,
    vaeNotifiedOn: candidate.vaeNotifiedOn,
    vaeAllowedNatures: candidate.vaeAllowedNatures,
    // A computed end of validity is shown empty: it follows the notification date.
    vaeValidUntil:
      candidate.vaeNotifiedOn !== null && candidate.vaeOverrideReason === ''
        ? null
        : candidate.vaeValidUntil,
    vaeOverrideReason: candidate.vaeOverrideReason,
    trainerIds: candidate.trainerIds,
    accommodationRequested: candidate.accommodationRequested,
    accommodationDetails: candidate.accommodationDetails,
    convocationDate: candidate.convocationDate,
    convocationMode: candidate.convocationMode,
    convocationProofKind: candidate.convocationProofKind,
    convocationProofOn: candidate.convocationProofOn,
    otherDocuments: candidate.otherDocuments,
    attendance: candidate.attendance,
  };
  for (const item of FILE_ITEMS) values[item] = candidate[item];
  for (const result of candidate.results) values[`result_${result.ccpCode}`] = result.outcome;
  return values;
}

/**
 * The candidate's rules needing no database (VAE recevabilité, dates not in the future), run with
 * the DTO on the well-formed values so that the form reports every problem at once. A malformed
 * value is the DTO's to report: the rule then reads it as not given.
 */
function candidateRules(plain: Record<string, unknown>, today: string): FieldError[] {
  const date = (value: unknown) => wellFormedDate(value) ?? null;
  const dateErrors = candidateErrors(
    {
      birthDate: wellFormedDate(plain.birthDate),
      convocationDate: wellFormedDate(plain.convocationDate),
    },
    today,
  );
  const proofErrors = convocationProofErrors(
    {
      convocationDate: date(plain.convocationDate),
      convocationMode: CONVOCATION_MODES.find((m) => m === plain.convocationMode) ?? null,
      convocationProofKind:
        CONVOCATION_PROOF_KINDS.find((k) => k === plain.convocationProofKind) ?? null,
      convocationProofOn: date(plain.convocationProofOn),
    },
    today,
  ).filter((e) => !dateErrors.some((d) => d.field === e.field));
  dateErrors.push(...proofErrors);
  return [...dateErrors, ...formPathwayErrors(plain, today)];
}

/** The candidates list's sortable columns (`?sort=`), by name first. */
export const CANDIDATE_LIST: ListDefinition<
  'name' | 'birthDate' | 'pathway' | 'convocation' | 'fileItems' | 'attendance'
> = {
  columns: {
    name: 'Nom',
    birthDate: 'Naissance',
    pathway: 'Parcours',
    convocation: 'Convocation',
    fileItems: 'Pièces du dossier',
    attendance: 'Présence',
  },
  defaultSort: 'name',
  defaultDir: 'asc',
};

/** The candidates of a session: list, add, edit (convocation, file, attendance, results), delete. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('sessions/:id/candidates')
export class CandidateFormsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly candidates: CandidatesService,
    private readonly titres: TitresService,
    private readonly forms: FormPages,
    private readonly clock: Clock,
    private readonly providers: ProvidersService,
    private readonly members: JuryMembersService,
  ) {}

  @Get()
  async list(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    const session = await this.sessions.findForCaller(caller, id);
    await this.renderList(
      { req, res, caller },
      session,
      emptyBulkState(),
      query.presence === 'tous',
      200,
      query,
    );
  }

  /** The same convocation date and mode for the candidates ticked (all or nothing). */
  @Post('bulk-convocation')
  async bulkConvocation(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const ctx = { req, res, caller };
    const session = await this.forms.writableSession(caller, id);
    const plain = convocationPlain(body);
    const validated = await validateForm(BulkConvocationDto, plain, BULK_CANDIDATE_LABELS);
    const errors: FieldErrors = { ...(validated.errors ?? {}) };
    addFieldErrors(
      errors,
      bulkConvocationErrors(
        {
          candidateIds: plain.candidateIds,
          convocationDate: wellFormedDate(plain.convocationDate),
          convocationMode: CONVOCATION_MODES.find((m) => m === plain.convocationMode),
        },
        this.clock.today(),
      ),
      BULK_CANDIDATE_LABELS,
    );
    let status = 400;
    if (validated.dto && Object.keys(errors).length === 0) {
      const dto = validated.dto;
      const done = await attempt(
        () => this.candidates.bulkConvocation(caller, id, dto),
        BULK_CANDIDATE_LABELS,
      );
      if (done.ok) {
        this.forms.redirect(res, {
          to: `/sessions/${id}/candidates`,
          flash: 'candidates-bulk-convoked',
        });
        return;
      }
      Object.assign(errors, done.errors);
      status = done.status;
    }
    const state = emptyBulkState();
    state.convocation = { errors, values: plain };
    await this.renderList(ctx, session, state, false, status);
  }

  /** The attendance of each candidate on the day (« tous présents » then adjust), all or nothing. */
  @Post('bulk-attendance')
  async bulkAttendance(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const ctx = { req, res, caller };
    const session = await this.forms.writableSession(caller, id);
    const candidates = await this.candidates.listForSession(id);
    const { entries, errors: valueErrors } = attendanceEntries(body, candidates);
    const errors: FieldErrors = {};
    addFieldErrors(errors, valueErrors, BULK_CANDIDATE_LABELS);
    if (valueErrors.length === 0) {
      addFieldErrors(errors, bulkAttendanceErrors(entries), BULK_CANDIDATE_LABELS);
    }
    let status = 400;
    if (Object.keys(errors).length === 0) {
      const done = await attempt(
        () => this.candidates.bulkAttendance(caller, id, { entries }),
        BULK_CANDIDATE_LABELS,
      );
      if (done.ok) {
        this.forms.redirect(res, {
          to: `/sessions/${id}/candidates`,
          flash: 'candidates-bulk-attendance',
        });
        return;
      }
      Object.assign(errors, done.errors);
      status = done.status;
    }
    const state = emptyBulkState();
    const values: Record<string, string> = {};
    for (const c of candidates) values[attendanceField(c.id)] = text(body, attendanceField(c.id));
    state.attendance = { errors, values };
    await this.renderList(ctx, session, state, false, status);
  }

  @Get('new')
  async newForm(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
  ): Promise<void> {
    const session = await this.forms.writableSession(caller, id);
    await this.renderNew({ req, res, caller }, session, freshForm({ pathway: 'FORMATION' }));
  }

  @Post('new')
  async create(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const ctx = { req, res, caller };
    const session = await this.sessions.findWritable(caller, id);
    const plain = {
      lastName: text(body, 'lastName'),
      firstName: text(body, 'firstName'),
      birthDate: optionalText(body, 'birthDate'),
      email: optionalText(body, 'email'),
      phone: optionalText(body, 'phone'),
      address: optionalText(body, 'address'),
      pathway: optionalText(body, 'pathway'),
      trainingProviderId: optionalText(body, 'trainingProviderId'),
      trainingStartDate: optionalText(body, 'trainingStartDate'),
      vaeNotifiedOn: optionalText(body, 'vaeNotifiedOn'),
      vaeAllowedNatures: texts(body, 'vaeAllowedNatures'),
      vaeValidUntil: optionalText(body, 'vaeValidUntil'),
      vaeOverrideReason: optionalText(body, 'vaeOverrideReason'),
      accommodationRequested: checked(body, 'accommodationRequested'),
      accommodationDetails: optionalText(body, 'accommodationDetails'),
      trainerIds: texts(body, 'trainerIds'),
    };
    await this.forms.submit(ctx, {
      dto: CreateCandidateDto,
      plain,
      rules: candidateRules(plain, this.clock.today()),
      labels: LABELS,
      work: (dto) => this.candidates.create(caller, id, dto),
      done: (created) => ({
        to: `/sessions/${id}/candidates`,
        flash: created.personKnown ? 'candidate-enrolled-known-person' : 'candidate-created',
      }),
      again: (refusal) =>
        this.renderNew(ctx, session, {
          values: {
            ...typedValues([...IDENTITY_SPECS, TRAINER_SPEC], body),
            trainingProviderId: text(body, 'trainingProviderId'),
          },
          ...refusal,
        }),
    });
  }

  @Get(':cid')
  async editForm(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('cid') cid: string,
  ): Promise<void> {
    const candidate = await this.candidates.get(caller, id, cid);
    const session = await this.sessions.findForCaller(caller, id);
    await this.renderEdit(
      { req, res, caller },
      session,
      candidate,
      freshForm(candidateValues(candidate)),
    );
  }

  @Post(':cid')
  async update(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('cid') cid: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const ctx = { req, res, caller };
    const candidate = await this.candidates.get(caller, id, cid);
    const session = await this.sessions.findWritable(caller, id);
    const titre = await this.titres.get(session.titreId);
    const results: CcpResult[] = [];
    for (const ccp of sessionCcps(session, titre)) {
      const outcome = text(body, `result_${ccp.code}`);
      if (outcome !== '') results.push({ ccpCode: ccp.code, outcome } as CcpResult);
    }
    const plain: Record<string, unknown> = {
      lastName: text(body, 'lastName'),
      firstName: text(body, 'firstName'),
      birthDate: nullableText(body, 'birthDate'),
      email: nullableText(body, 'email'),
      phone: nullableText(body, 'phone'),
      address: text(body, 'address'),
      pathway: optionalText(body, 'pathway'),
      trainingProviderId: nullableText(body, 'trainingProviderId'),
      trainingStartDate: nullableText(body, 'trainingStartDate'),
      vaeNotifiedOn: nullableText(body, 'vaeNotifiedOn'),
      vaeAllowedNatures: texts(body, 'vaeAllowedNatures'),
      vaeValidUntil: nullableText(body, 'vaeValidUntil'),
      vaeOverrideReason: text(body, 'vaeOverrideReason'),
      trainerIds: texts(body, 'trainerIds'),
      accommodationRequested: checked(body, 'accommodationRequested'),
      accommodationDetails: text(body, 'accommodationDetails'),
      convocationDate: nullableText(body, 'convocationDate'),
      convocationMode: nullableText(body, 'convocationMode'),
      convocationProofKind: nullableText(body, 'convocationProofKind'),
      convocationProofOn: nullableText(body, 'convocationProofOn'),
      otherDocuments: text(body, 'otherDocuments'),
      attendance: nullableText(body, 'attendance'),
      results,
      version: sentVersion(body),
    };
    for (const item of FILE_ITEMS) plain[item] = checked(body, item);
    await this.forms.submit(ctx, {
      dto: UpdateCandidateDto,
      plain,
      rules: candidateRules(plain, this.clock.today()),
      versioned: true,
      labels: LABELS,
      work: (dto) => this.candidates.update(caller, id, cid, dto),
      done: { to: `/sessions/${id}/candidates`, flash: 'candidate-updated' },
      again: (refusal) =>
        this.renderEdit(ctx, session, candidate, {
          values: typedValues(
            [...PROFILE_SPECS, TRAINER_SPEC, ...resultSpecs(sessionCcps(session, titre))],
            body,
            ['version', 'trainingProviderId'],
          ),
          ...refusal,
        }),
    });
  }

  /** What deleting the candidate removes, and a button that deletes it (no one-click delete). */
  @Get(':cid/supprimer')
  async confirmRemove(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('cid') cid: string,
  ): Promise<void> {
    const session = await this.sessions.findWritable(caller, id);
    const c = await this.candidates.get(caller, id, cid);
    const path = `/sessions/${id}/candidates`;
    await renderDeleteConfirmation(
      this.forms,
      { req, res, caller },
      session,
      'candidates',
      (summary) => ({
        ...candidateDeletion({
          name: `${c.firstName} ${c.lastName.toUpperCase()}`,
          results: c.results.map(
            (r) => `${r.ccpCode} : ${OUTCOME_LABELS[r.outcome].toLowerCase()}`,
          ),
          convocationDate: c.convocationDate ? formatFrenchDate(c.convocationDate) : null,
          attendance: c.attendance ? ATTENDANCE_LABELS[c.attendance].toLowerCase() : null,
          fileItems: FILE_ITEMS.filter((item) => c[item]).length,
          cqc: summary.cqc,
        }),
        action: `${path}/${cid}/delete`,
        cancel: `${path}/${cid}`,
      }),
    );
  }

  @Post(':cid/delete')
  async remove(
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('cid') cid: string,
    @Body() body: FormBody,
  ): Promise<void> {
    requireConfirmed(body);
    await this.candidates.remove(caller, id, cid);
    this.forms.redirect(res, { to: `/sessions/${id}/candidates`, flash: 'candidate-deleted' });
  }

  private async renderList(
    ctx: FormContext,
    session: ExamSession,
    bulk: BulkFormsState,
    allPresent: boolean,
    status = 200,
    query: Record<string, unknown> = {},
  ): Promise<void> {
    const candidates = await this.candidates.listForSession(session.id);
    const rows = candidates.map((c) => ({
      id: c.id,
      personId: c.personId,
      name: `${c.lastName.toUpperCase()} ${c.firstName}`,
      birthDate: c.birthDate ? formatFrenchDate(c.birthDate) : '—',
      birthDateValue: c.birthDate,
      pathway: PATHWAY_LABELS[c.pathway],
      convocation: c.convocationDate
        ? `${formatFrenchDate(c.convocationDate)}${c.convocationMode ? `, ${CONVOCATION_MODE_LABELS[c.convocationMode]}` : ''}`
        : 'Non convoqué',
      convocationValue: c.convocationDate,
      fileItemCount: FILE_ITEMS.filter((item) => c[item]).length,
      fileItems: `${FILE_ITEMS.filter((item) => c[item]).length}/${FILE_ITEMS.length}`,
      attendance: c.attendance ? ATTENDANCE_LABELS[c.attendance] : '—',
      results:
        c.results.map((r) => `${r.ccpCode} : ${OUTCOME_LABELS[r.outcome]}`).join(', ') || '—',
    }));
    const { rows: shown, list } = listPage(
      `/sessions/${session.id}/candidates`,
      CANDIDATE_LIST,
      query,
      rows,
      {
        sortValue: {
          name: (r) => r.name,
          birthDate: (r) => r.birthDateValue,
          pathway: (r) => r.pathway,
          convocation: (r) => r.convocationValue,
          fileItems: (r) => r.fileItemCount,
          attendance: (r) => (r.attendance === '—' ? null : r.attendance),
        },
        searchText: (r) =>
          [r.name, r.birthDate, r.pathway, r.convocation, r.attendance, r.results].join(' '),
      },
    );
    await this.forms.renderSession(
      ctx,
      session,
      { view: 'candidates/list', title: 'Candidats de la session', tab: 'candidates' },
      ({ summary }) => ({
        writable: summary.editable,
        count: candidates.length,
        bulk: bulkFormsView(candidates, bulk, allPresent),
        list,
        candidates: shown,
      }),
      status,
    );
  }

  private async renderNew(ctx: FormContext, session: ExamSession, state: FormState): Promise<void> {
    await this.forms.renderSession(
      ctx,
      session,
      { view: 'candidates/new', title: 'Ajouter un candidat', tab: 'candidates' },
      async () => {
        const [providers, trainers] = await Promise.all([
          this.providers.listForCentre(session.centreId),
          this.trainerField(ctx.caller, session.centreId),
        ]);
        return {
          form: formView(
            [...IDENTITY_SPECS, providerField(providers), trainers],
            state.values,
            state.errors,
          ),
        };
      },
      state.status,
    );
  }

  private async renderEdit(
    ctx: FormContext,
    session: ExamSession,
    candidate: Candidate,
    state: FormState,
  ): Promise<void> {
    const name = `${candidate.firstName} ${candidate.lastName}`;
    const trainers = await this.trainerField(ctx.caller, session.centreId);
    await this.forms.renderSession(
      ctx,
      session,
      { view: 'candidates/edit', title: name, tab: 'candidates' },
      async ({ summary, titre }) => {
        const results = resultSpecs(sessionCcps(session, titre));
        const provider = providerField(await this.providers.listForCentre(session.centreId));
        const form = formView(
          [...PROFILE_SPECS, provider, trainers, ...results],
          state.values,
          state.errors,
        );
        return {
          candidate: { id: candidate.id, personId: candidate.personId, name },
          writable: summary.editable,
          version: formVersion(state.values, candidate),
          form,
          fileItems: FILE_ITEMS.map((item) => form.fields[item]),
          results: results.map((spec) => form.fields[spec.name]),
        };
      },
      state.status,
    );
  }

  /** The trainers' field with the centre's jury members as options. */
  private async trainerField(caller: Caller, centreId: string): Promise<FieldSpec> {
    const members = await this.members.list(caller, { centreId });
    return {
      ...TRAINER_SPEC,
      options: members.map((m) => ({
        value: m.id,
        label: `${m.lastName.toUpperCase()} ${m.firstName}`,
      })),
    };
  }
}
