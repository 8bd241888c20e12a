import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentCaller } from '../../auth/auth.decorators.js';
import { Clock } from '../../common/clock.js';
import { futureDateError } from '../../common/validation/date-rules.js';
import { CandidatesService } from '../../candidates/candidates.service.js';
import type { Caller } from '../../common/caller.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import {
  AssignStaffDto,
  DeclareLinkDto,
  RecordAttendanceDto,
  RecordConvocationDto,
} from '../../jury/dto/session-jury.dto.js';
import { compareDates, daysBetween, formatFrenchDate } from '../../common/calendar-date.js';
import { JURY_CONVOCATION_DAYS_BEFORE_START } from '../../compliance/compliance-rules.js';
import { JuryMembersService } from '../../jury/jury-members.service.js';
import { LINK_KINDS, type LinkKind } from '../../jury/link-declaration.entity.js';
import { SessionJuryService } from '../../jury/session-jury.service.js';
import { habilitationWarning } from '../../jury/habilitation-rules.js';
import { requirementsWarning } from '../../jury/jury-requirements.js';
import type { ExamSession } from '../../sessions/exam-session.entity.js';
import { SessionsService } from '../../sessions/sessions.service.js';
import { TitresService } from '../../titres/titres.service.js';
import { STAFF_ROLE_LABELS, optionsOf } from '../views/labels.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import type { WebRequest } from '../web-pages.js';
import { notFound } from '../../common/errors.js';
import { staffDeletion } from './delete-confirmation.js';
import { renderDeleteConfirmation, requireConfirmed } from './delete-confirmation-page.js';
import { labelOf } from './field-labels.js';
import { formView, withEmpty, type FieldSpec } from './form-fields.js';
import {
  attempt,
  localizeMessage,
  optionalText,
  text,
  validateForm,
  wellFormedDate,
  type FormBody,
  type LabelOf,
} from './form-input.js';
import { FormPages } from './form-pages.js';
import { freshForm, typedValues, type FormContext, type FormState } from './form-support.js';
import { habilitationLines } from './jury-forms.controller.js';

const LABELS = labelOf({
  juryMemberId: 'Membre du jury',
  role: 'Rôle',
  convocationDate: 'Date de convocation',
});
const DECLARATION_LABELS = labelOf({ details: 'Précisions', declaredOn: 'Date de la déclaration' });

const LINK_CHOICES = [
  { value: '', label: 'Non déclaré' },
  { value: 'none', label: 'Aucun lien' },
  { value: 'PERSONAL', label: 'Lien personnel' },
  { value: 'PROFESSIONAL', label: 'Lien professionnel' },
  { value: 'PEDAGOGICAL', label: 'Lien pédagogique (formateur)' },
];
/** A link declared before its kind was asked: shown as it was recorded. */
const UNSPECIFIED_LINK = { value: 'link', label: 'Lien déclaré (nature non précisée)' };

/** The link kind a choice of the form stands for; undefined: not a link choice. */
function linkKindOf(choice: string): LinkKind | null | undefined {
  if (choice === 'link') return null;
  return LINK_KINDS.find((kind) => kind === choice);
}

/** What was chosen and typed for one candidate in a juror's declarations form. */
interface TypedDeclaration {
  choice: string;
  details: string;
}

/** A juror's declarations refused: the messages, and everything typed, shown again as it was. */
interface DeclarationProblem {
  juryMemberId: string;
  messages: string[];
  typed: ReadonlyMap<string, TypedDeclaration>;
  declaredOn: string;
}

const ATTENDANCE_LABELS = labelOf({ attendance: 'Présence', arrivalTime: 'Heure d’arrivée' });

const ATTENDANCE_CHOICES = [
  { value: '', label: 'Non relevée' },
  { value: 'PRESENT', label: 'Présent(e)' },
  { value: 'ABSENT', label: 'Absent(e)' },
];

/** A member's attendance refused: the messages, and what was typed, shown again on that row. */
interface AttendanceProblem {
  assignmentId: string;
  messages: string[];
  attendance: string;
  arrivalTime: string;
}

/** A member's convocation date refused: the messages and what was typed, on that row. */
interface ConvocationProblem {
  assignmentId: string;
  messages: string[];
  convocationDate: string;
}

/** A session's jury: assignments (juré, surveillant, comédien) and link declarations. */
/**
 * The form of one staff row: checked by its DTO, then saved. The French messages to show by the
 * row when refused; null once saved.
 */
async function saveRow<T extends object>(
  dtoClass: new () => T,
  plain: object,
  labels: LabelOf,
  save: (dto: T) => Promise<unknown>,
): Promise<string[] | null> {
  const validated = await validateForm(dtoClass, plain, labels);
  if (validated.dto === null) return Object.values(validated.errors ?? {});
  const dto = validated.dto;
  const result = await attempt(() => save(dto), labels);
  return result.ok ? null : Object.values(result.errors);
}

@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('sessions/:id/jury')
export class SessionJuryFormsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly jury: SessionJuryService,
    private readonly members: JuryMembersService,
    private readonly candidates: CandidatesService,
    private readonly titres: TitresService,
    private readonly forms: FormPages,
    private readonly clock: Clock,
  ) {}

  @Get()
  async page(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
  ): Promise<void> {
    const session = await this.sessions.findForCaller(caller, id);
    await this.render({ req, res, caller }, session, freshForm({ role: 'JURY' }));
  }

  @Post()
  async assign(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const ctx = { req, res, caller };
    const session = await this.sessions.findWritable(caller, id);
    await this.forms.submit(ctx, {
      dto: AssignStaffDto,
      plain: {
        juryMemberId: optionalText(body, 'juryMemberId'),
        role: optionalText(body, 'role'),
        convocationDate: optionalText(body, 'convocationDate'),
      },
      labels: LABELS,
      work: (dto) => this.jury.assign(caller, id, dto),
      done: { to: `/sessions/${id}/jury`, flash: 'staff-assigned' },
      again: (refusal) =>
        this.render(ctx, session, { values: typedValues(ASSIGN_FIELDS, body), ...refusal }),
    });
  }

  /** What withdrawing the member removes, and a button that does it (no one-click delete). */
  @Get(':assignmentId/supprimer')
  async confirmRemove(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('assignmentId') assignmentId: string,
  ): Promise<void> {
    const session = await this.sessions.findWritable(caller, id);
    const staff = (await this.jury.staff(caller, id)).find((s) => s.id === assignmentId);
    if (!staff) throw notFound('Affectation');
    const path = `/sessions/${id}/jury`;
    await renderDeleteConfirmation(this.forms, { req, res, caller }, session, 'jury', () => ({
      ...staffDeletion({
        name: `${staff.juryMember.firstName} ${staff.juryMember.lastName.toUpperCase()}`,
        role: STAFF_ROLE_LABELS[staff.role].toLowerCase(),
        convocationDate: staff.convocationDate ? formatFrenchDate(staff.convocationDate) : null,
        attendanceRecorded: staff.attendance !== null,
      }),
      action: `${path}/${assignmentId}/remove`,
      cancel: path,
    }));
  }

  @Post(':assignmentId/remove')
  async remove(
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('assignmentId') assignmentId: string,
    @Body() body: FormBody,
  ): Promise<void> {
    requireConfirmed(body);
    await this.jury.unassign(caller, id, assignmentId);
    this.forms.redirect(res, { to: `/sessions/${id}/jury`, flash: 'staff-removed' });
  }

  /** The day a member was convened (empty: not convened). */
  @Post(':assignmentId/convocation')
  async convocation(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('assignmentId') assignmentId: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const session = await this.sessions.findWritable(caller, id);
    const convocationDate = text(body, 'convocationDate');
    const messages = await saveRow(
      RecordConvocationDto,
      { convocationDate: convocationDate || null },
      LABELS,
      (dto) => this.jury.recordConvocation(caller, id, assignmentId, dto),
    );
    if (messages === null) {
      this.forms.redirect(res, { to: `/sessions/${id}/jury`, flash: 'convocation-saved' });
      return;
    }
    await this.render(
      { req, res, caller },
      session,
      { values: { role: 'JURY' }, errors: null, status: 400 },
      null,
      null,
      { assignmentId, messages, convocationDate },
    );
  }

  /** A member's attendance on the day: present (with arrival time), absent, or not recorded. */
  @Post(':assignmentId/attendance')
  async attendance(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('assignmentId') assignmentId: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const session = await this.sessions.findWritable(caller, id);
    const attendance = text(body, 'attendance');
    const arrivalTime = text(body, 'arrivalTime');
    const messages = await saveRow(
      RecordAttendanceDto,
      { attendance: attendance || null, arrivalTime: arrivalTime || null },
      ATTENDANCE_LABELS,
      (dto) => this.jury.recordAttendance(caller, id, assignmentId, dto),
    );
    if (messages === null) {
      this.forms.redirect(res, { to: `/sessions/${id}/jury`, flash: 'attendance-saved' });
      return;
    }
    await this.render(
      { req, res, caller },
      session,
      { values: { role: 'JURY' }, errors: null, status: 400 },
      null,
      { assignmentId, messages, attendance, arrivalTime },
    );
  }

  /** One juror's declarations about every candidate: all checked at once, then recorded. */
  @Post('declarations/:memberId')
  async declare(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('memberId') memberId: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const session = await this.sessions.findWritable(caller, id);
    const candidates = await this.candidates.listForSession(id);
    const declaredOnText = text(body, 'declaredOn');
    const declaredOn = optionalText(body, 'declaredOn');
    const typed = new Map<string, TypedDeclaration>();
    const dtos: DeclareLinkDto[] = [];
    const messages: string[] = [];
    // The date is one field of the form: its message is given once, not once per candidate.
    const dateMessages = new Set<string>();
    const future = futureDateError('declaredOn', wellFormedDate(declaredOn), this.clock.today());
    if (future) dateMessages.add(localizeMessage(future.message, DECLARATION_LABELS, future.field));
    for (const candidate of candidates) {
      const choice = text(body, `link_${candidate.id}`);
      const details = text(body, `details_${candidate.id}`);
      typed.set(candidate.id, { choice, details });
      if (choice === '') continue;
      const who = `${candidate.firstName} ${candidate.lastName}`;
      const kind = linkKindOf(choice);
      if (choice !== 'none' && kind === undefined) {
        messages.push(
          `${who} : choisissez « Aucun lien » ou un lien personnel, professionnel ou pédagogique.`,
        );
        continue;
      }
      const hasLink = choice !== 'none';
      const candidateMessages: string[] = [];
      if (hasLink && details.trim() === '') {
        candidateMessages.push(
          `${who} : le champ « Précisions » est obligatoire pour un lien déclaré.`,
        );
      }
      const validated = await validateForm(
        DeclareLinkDto,
        {
          juryMemberId: memberId,
          candidateId: candidate.id,
          hasLink,
          linkKind: hasLink ? kind : null,
          details: hasLink ? details : '',
          declaredOn,
        },
        DECLARATION_LABELS,
      );
      for (const [field, message] of Object.entries(validated.errors ?? {})) {
        if (field === 'declaredOn') dateMessages.add(message);
        else if (!(field === 'details' && candidateMessages.length > 0)) {
          candidateMessages.push(`${who} : ${message}`);
        }
      }
      messages.push(...candidateMessages);
      if (validated.dto !== null && candidateMessages.length === 0) dtos.push(validated.dto);
    }
    messages.push(...dateMessages);
    if (messages.length === 0) {
      const result = await attempt(async () => {
        for (const dto of dtos) await this.jury.declare(caller, id, dto);
      }, DECLARATION_LABELS);
      if (result.ok) {
        this.forms.redirect(res, {
          to: `/sessions/${id}/jury#declarations`,
          flash: 'declarations-saved',
        });
        return;
      }
      messages.push(...Object.values(result.errors));
    }
    await this.render(
      { req, res, caller },
      session,
      { values: { role: 'JURY' }, errors: null, status: 400 },
      { juryMemberId: memberId, messages, typed, declaredOn: declaredOnText },
    );
  }

  private async render(
    ctx: FormContext,
    session: ExamSession,
    state: FormState,
    declarationProblem: DeclarationProblem | null = null,
    attendanceProblem: AttendanceProblem | null = null,
    convocationProblem: ConvocationProblem | null = null,
  ): Promise<void> {
    const today = this.clock.today();
    const started = compareDates(today, session.startDate) >= 0;
    const [staff, candidates, declarations, members, titres] = await Promise.all([
      this.jury.listStaff(session.id),
      this.candidates.listForSession(session.id),
      this.jury.listDeclarations(session.id),
      this.members.list(ctx.caller, { centreId: session.centreId }),
      this.titres.list(),
    ]);
    const titreById = new Map(titres.map((t) => [t.id, t]));
    const titre = titreById.get(session.titreId);
    // An expired or too-short habilitation, or the titre's jury requirements unmet (licence,
    // CQC), is flagged where the juror is chosen.
    const warningOf = (member: {
      habilitations?: readonly { titreId: string; validUntil: string }[];
      licenceCategories: string[];
      cqcValidUntil: string | null;
    }): string | null => {
      if (!titre) return null;
      const warnings = [
        habilitationWarning(member.habilitations ?? [], titre, session, today),
        requirementsWarning(titre.juryRequirements, member, session, titre.code),
      ].filter((w): w is string => w !== null);
      return warnings.length > 0 ? warnings.join(' ; ') : null;
    };
    const assigned = new Set(staff.map((s) => s.juryMemberId));
    const specs: FieldSpec[] = [
      {
        name: 'juryMemberId',
        label: 'Membre du jury',
        kind: 'select',
        required: true,
        options: withEmpty(
          members
            .filter((m) => !assigned.has(m.id))
            .map((m) => {
              const warning = warningOf(m);
              const name = `${m.lastName.toUpperCase()} ${m.firstName}`;
              return { value: m.id, label: warning ? `${name} — attention : ${warning}` : name };
            }),
          'Choisissez un membre',
        ),
      },
      ...ASSIGN_FIELDS.slice(1),
    ];
    const declarationOf = new Map(
      declarations.map((d) => [`${d.juryMemberId}:${d.candidateId}`, d]),
    );
    await this.forms.renderSession(
      ctx,
      session,
      { view: 'jury/session', title: 'Jury de la session', tab: 'jury' },
      ({ summary }) => ({
        writable: summary.editable,
        form: formView(specs, state.values, state.errors),
        staff: staff.map((s) => ({
          id: s.id,
          name: `${s.juryMember.lastName.toUpperCase()} ${s.juryMember.firstName}`,
          role: STAFF_ROLE_LABELS[s.role],
          habilitations: habilitationLines(s.juryMember, titreById),
          habilitationWarning: s.role === 'JURY' ? warningOf(s.juryMember) : null,
          attendance: attendanceView(s, attendanceProblem),
          convocation: convocationView(s, session.startDate, convocationProblem),
        })),
        attendanceOpen: started,
        attendanceFrom: formatFrenchDate(session.startDate),
        jurors: staff
          .filter((s) => s.role === 'JURY')
          .map((s) => {
            const name = `${s.juryMember.firstName} ${s.juryMember.lastName}`;
            const refused =
              declarationProblem?.juryMemberId === s.juryMemberId ? declarationProblem : null;
            return {
              memberId: s.juryMemberId,
              name,
              problems: refused?.messages ?? [],
              declaredOn: refused?.declaredOn ?? '',
              rows: candidates.map((c) => {
                const declaration = declarationOf.get(`${s.juryMemberId}:${c.id}`);
                const stored = declaration
                  ? declaration.hasLink
                    ? (declaration.linkKind ?? 'link')
                    : 'none'
                  : '';
                // After a refusal, the form shows what was typed, not what is stored.
                const typed = refused?.typed.get(c.id);
                const choice = typed ? typed.choice : stored;
                return {
                  candidateId: c.id,
                  candidate: `${c.lastName.toUpperCase()} ${c.firstName}`,
                  selectId: `link-${s.juryMemberId}-${c.id}`,
                  detailsId: `details-${s.juryMemberId}-${c.id}`,
                  details: typed ? typed.details : (declaration?.details ?? ''),
                  // The trainer recorded on the enrolment: the pedagogical link is shown, not asked.
                  trainer: c.trainerIds.includes(s.juryMemberId),
                  choices: [...LINK_CHOICES, ...(choice === 'link' ? [UNSPECIFIED_LINK] : [])].map(
                    (option) => ({ ...option, selected: option.value === choice }),
                  ),
                };
              }),
            };
          }),
        hasCandidates: candidates.length > 0,
      }),
      state.status,
    );
  }
}

/** A member's convocation row: the date (or what was typed), late or not, and the form's id. */
function convocationView(
  staff: { id: string; convocationDate: string | null },
  startDate: string,
  problem: ConvocationProblem | null,
) {
  const refused = problem?.assignmentId === staff.id ? problem : null;
  const date = staff.convocationDate;
  const days = date === null ? null : daysBetween(date, startDate);
  return {
    problems: refused?.messages ?? [],
    value: refused ? refused.convocationDate : (date ?? ''),
    recorded: date === null ? 'Non convoqué(e)' : `Convoqué(e) le ${formatFrenchDate(date)}`,
    late:
      days !== null && days < JURY_CONVOCATION_DAYS_BEFORE_START
        ? `Convocation ${days} jour${days > 1 ? 's' : ''} avant la session : moins de ${JURY_CONVOCATION_DAYS_BEFORE_START} jours, trop tard pour l’autorisation d’absence d’un juré salarié.`
        : '',
    dateId: `convocation-${staff.id}`,
  };
}

const ASSIGN_FIELDS: FieldSpec[] = [
  { name: 'juryMemberId', label: 'Membre du jury', kind: 'select', required: true },
  {
    name: 'role',
    label: 'Rôle',
    kind: 'select',
    required: true,
    options: optionsOf(STAFF_ROLE_LABELS),
  },
  {
    name: 'convocationDate',
    label: 'Date de convocation',
    kind: 'date',
    hint: 'Au moins 15 jours avant le début de la session : un juré salarié en a besoin pour demander son autorisation d’absence.',
  },
];

/** A member's attendance row: what is recorded (or was typed and refused) and the form's ids. */
function attendanceView(
  staff: { id: string; attendance: string | null; arrivalTime: string | null },
  problem: AttendanceProblem | null,
) {
  const refused = problem?.assignmentId === staff.id ? problem : null;
  const attendance = refused ? refused.attendance : (staff.attendance ?? '');
  const arrivalTime = refused ? refused.arrivalTime : (staff.arrivalTime ?? '');
  const recorded =
    staff.attendance === 'PRESENT'
      ? `Présent(e)${staff.arrivalTime ? `, arrivée à ${staff.arrivalTime.replace(':', 'h')}` : ''}`
      : staff.attendance === 'ABSENT'
        ? 'Absent(e)'
        : 'Non relevée';
  return {
    recorded,
    problems: refused?.messages ?? [],
    arrivalTime,
    selectId: `attendance-${staff.id}`,
    timeId: `arrival-${staff.id}`,
    choices: ATTENDANCE_CHOICES.map((c) => ({ ...c, selected: c.value === attendance })),
  };
}
