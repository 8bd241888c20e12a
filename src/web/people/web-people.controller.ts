import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentCaller } from '../../auth/auth.decorators.js';
import { CandidatesService } from '../../candidates/candidates.service.js';
import { CreateCandidateDto } from '../../candidates/dto/candidate.dto.js';
import { canWriteCentre, type Caller } from '../../common/caller.js';
import { formatFrenchDate } from '../../common/calendar-date.js';
import { Clock } from '../../common/clock.js';
import { futureDateError } from '../../common/validation/date-rules.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { UpdatePersonDto } from '../../people/dto/person.dto.js';
import { PeopleService, type PersonView } from '../../people/people.service.js';
import { SessionsService } from '../../sessions/sessions.service.js';
import { TitresService } from '../../titres/titres.service.js';
import { labelOf } from '../forms/field-labels.js';
import { formView, withEmpty, type FieldSpec, type Option } from '../forms/form-fields.js';
import {
  nullableText,
  optionalText,
  text,
  texts,
  wellFormedDate,
  type FieldErrors,
  type FormBody,
} from '../forms/form-input.js';
import { FormPages } from '../forms/form-pages.js';
import {
  formVersion,
  freshForm,
  sentVersion,
  typedValues,
  type FormContext,
  type FormState,
} from '../forms/form-support.js';
import {
  OUTCOME_LABELS,
  PATHWAY_LABELS,
  SESSION_NATURE_LABELS,
  SESSION_STATUS_LABELS,
  optionsOf,
} from '../views/labels.js';
import { VAE_RECEVABILITE_SPECS, formPathwayErrors } from '../forms/pathway-form.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import type { WebRequest } from '../web-pages.js';
import { personCqcRows } from './person-cqc-view.js';
import { recordTables } from './person-page-view.js';

const LABELS = labelOf({
  address: 'Adresse postale',
  drivingLicenceNumber: 'Numéro de permis de conduire',
  sessionId: 'Session',
  personId: 'Personne',
});

const IDENTITY_SPECS: FieldSpec[] = [
  { name: 'lastName', label: 'Nom', kind: 'text', required: true, autocomplete: 'off' },
  { name: 'firstName', label: 'Prénom', kind: 'text', required: true, autocomplete: 'off' },
  { name: 'birthDate', label: 'Date de naissance', kind: 'date' },
  { name: 'email', label: 'Adresse e-mail', kind: 'email', autocomplete: 'off' },
  { name: 'phone', label: 'Téléphone', kind: 'tel', autocomplete: 'off' },
  { name: 'address', label: 'Adresse postale', kind: 'textarea' },
  {
    name: 'drivingLicenceNumber',
    label: 'Numéro de permis de conduire (NEPH)',
    kind: 'text',
    autocomplete: 'off',
  },
];

function enrolSpecs(sessions: readonly Option[]): FieldSpec[] {
  return [
    {
      name: 'sessionId',
      label: 'Session',
      kind: 'select',
      required: true,
      options: withEmpty(sessions, 'Choisir une session'),
      wide: true,
    },
    {
      name: 'pathway',
      label: 'Parcours',
      kind: 'select',
      required: true,
      options: optionsOf(PATHWAY_LABELS),
    },
    ...VAE_RECEVABILITE_SPECS,
  ];
}

const NOT_OFFERED =
  'Choisissez une des sessions prévues du centre dans la liste (la personne n’y est pas encore inscrite).';

/** The page's two forms: the one sent comes back with its values and errors, the other fresh. */
interface PersonForms {
  identity: FormState;
  enrol: FormState;
  status: number;
}

/**
 * A person's page: identity, certification record per titre version and enrolments across the
 * sessions of their centre; the identity edit and the enrolment in a planned session.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('people')
export class WebPeopleController {
  constructor(
    private readonly people: PeopleService,
    private readonly candidates: CandidatesService,
    private readonly sessions: SessionsService,
    private readonly titres: TitresService,
    private readonly forms: FormPages,
    private readonly clock: Clock,
  ) {}

  @Get(':id')
  async show(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
  ): Promise<void> {
    const person = await this.people.get(caller, id);
    await this.render({ req, res, caller }, person, {
      identity: freshForm(identityValues(person)),
      enrol: freshForm({ pathway: 'FORMATION' }),
      status: 200,
    });
  }

  /** The identity edit: same rules as `PATCH /api/people/:id`, every error at once. */
  @Post(':id')
  async update(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: FormBody,
  ): Promise<void> {
    const ctx = { req, res, caller };
    const person = await this.people.get(caller, id);
    const plain = {
      lastName: text(body, 'lastName'),
      firstName: text(body, 'firstName'),
      birthDate: nullableText(body, 'birthDate'),
      email: nullableText(body, 'email'),
      phone: nullableText(body, 'phone'),
      address: text(body, 'address'),
      drivingLicenceNumber: nullableText(body, 'drivingLicenceNumber'),
      version: sentVersion(body),
    };
    await this.forms.submit(ctx, {
      dto: UpdatePersonDto,
      plain,
      rules: [futureDateError('birthDate', wellFormedDate(plain.birthDate), this.clock.today())],
      versioned: true,
      labels: LABELS,
      work: (dto) => this.people.update(caller, id, dto),
      done: { to: `/people/${id}`, flash: 'person-updated' },
      again: (refusal) =>
        this.render(ctx, person, {
          identity: {
            values: typedValues(IDENTITY_SPECS, body, ['version']),
            errors: refusal.errors,
            status: refusal.status,
          },
          enrol: freshForm({ pathway: 'FORMATION' }),
          status: refusal.status,
        }),
    });
  }

  /** Enrols the person in one of their centre's planned sessions (as `{personId}` does). */
  @Post(':id/enrol')
  async enrol(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: FormBody,
  ): Promise<void> {
    const ctx = { req, res, caller };
    const person = await this.people.get(caller, id);
    const offered = await this.plannedSessions(caller, person);
    const sessionId = text(body, 'sessionId').toLowerCase();
    const checks: FieldErrors = {};
    if (!offered.some((o) => o.value === sessionId)) {
      checks.sessionId = sessionId === '' ? 'Le champ « Session » est obligatoire.' : NOT_OFFERED;
    }
    const plain = {
      personId: id,
      pathway: optionalText(body, 'pathway') ?? '',
      vaeNotifiedOn: optionalText(body, 'vaeNotifiedOn'),
      vaeAllowedNatures: texts(body, 'vaeAllowedNatures'),
      vaeValidUntil: optionalText(body, 'vaeValidUntil'),
      vaeOverrideReason: optionalText(body, 'vaeOverrideReason'),
    };
    await this.forms.submit(ctx, {
      dto: CreateCandidateDto,
      plain,
      checks,
      rules: formPathwayErrors(plain, this.clock.today()),
      labels: LABELS,
      work: (dto) => this.candidates.create(caller, sessionId, dto),
      done: { to: `/people/${id}`, flash: 'person-enrolled' },
      again: (refusal) =>
        this.render(ctx, person, {
          identity: freshForm(identityValues(person)),
          enrol: {
            values: typedValues(enrolSpecs(offered), body),
            errors: refusal.errors,
            status: refusal.status,
          },
          status: refusal.status,
        }),
    });
  }

  /** The centre's sessions still to come (planned or postponed) the person is not enrolled in. */
  private async plannedSessions(caller: Caller, person: PersonView): Promise<Option[]> {
    if (!canWriteCentre(caller, person.centreId)) return [];
    const enrolled = new Set(person.enrolments.map((e) => e.sessionId));
    const [sessions, titres] = await Promise.all([
      this.sessions.list(caller, { centreId: person.centreId, from: this.clock.today() }),
      this.titres.list(),
    ]);
    const titreById = new Map(titres.map((t) => [t.id, t]));
    return sessions
      .filter((s) => (s.status === 'PLANNED' || s.status === 'POSTPONED') && !enrolled.has(s.id))
      .map((s) => {
        const titre = titreById.get(s.titreId);
        const scope = s.nature === 'TITRE' ? '' : ` (${s.ccpCodes.join(', ')})`;
        const dates =
          s.startDate === s.endDate
            ? `le ${formatFrenchDate(s.startDate)}`
            : `du ${formatFrenchDate(s.startDate)} au ${formatFrenchDate(s.endDate)}`;
        return {
          value: s.id,
          label: `${titre ? `${titre.code} (${titre.version})` : 'Titre'} — ${SESSION_NATURE_LABELS[s.nature]}${scope} — ${dates}`,
        };
      });
  }

  private async render(ctx: FormContext, person: PersonView, forms: PersonForms): Promise<void> {
    const name = `${person.firstName} ${person.lastName}`;
    const writable = canWriteCentre(ctx.caller, person.centreId);
    const offered = await this.plannedSessions(ctx.caller, person);
    this.forms.render(
      ctx,
      { view: 'people/show', title: name, section: 'sessions' },
      {
        person: {
          id: person.id,
          name,
          lastName: person.lastName,
          firstName: person.firstName,
          birthDate: person.birthDate ? formatFrenchDate(person.birthDate) : '—',
          email: person.email ?? '—',
          phone: person.phone ?? '—',
          address: person.address || '—',
          drivingLicenceNumber: person.drivingLicenceNumber ?? '—',
        },
        writable,
        version: formVersion(forms.identity.values, person),
        identityForm: formView(IDENTITY_SPECS, forms.identity.values, forms.identity.errors, 'p'),
        enrolForm: formView(enrolSpecs(offered), forms.enrol.values, forms.enrol.errors, 'e'),
        canEnrol: offered.length > 0,
        records: recordTables(person.records),
        cqc: personCqcRows(person.cqc),
        enrolments: person.enrolments.map((e) => ({
          sessionId: e.sessionId,
          candidateId: e.candidateId,
          titre: `${e.titre.code} — ${e.titre.label} (${e.titre.version})`,
          nature: SESSION_NATURE_LABELS[e.nature],
          dates: `du ${formatFrenchDate(e.startDate)} au ${formatFrenchDate(e.endDate)}`,
          status: SESSION_STATUS_LABELS[e.status],
          pathway: PATHWAY_LABELS[e.pathway],
          outcome: e.outcomeLabel ?? '—',
          results:
            e.results.map((r) => `${r.ccpCode} : ${OUTCOME_LABELS[r.outcome]}`).join(', ') || '—',
        })),
      },
      forms.status,
    );
  }
}

function identityValues(person: PersonView): FormState['values'] {
  return {
    lastName: person.lastName,
    firstName: person.firstName,
    birthDate: person.birthDate,
    email: person.email,
    phone: person.phone,
    address: person.address,
    drivingLicenceNumber: person.drivingLicenceNumber,
  };
}
