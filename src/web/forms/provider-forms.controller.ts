import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentCaller } from '../../auth/auth.decorators.js';
import { CentresService } from '../../centres/centres.service.js';
import { formatFrenchDate } from '../../common/calendar-date.js';
import { canWriteCentre, type Caller } from '../../common/caller.js';
import { Clock } from '../../common/clock.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import {
  CreateAvenantDto,
  CreateConventionDto,
  CreateProviderDto,
} from '../../providers/dto/provider.dto.js';
import {
  avenantDueDate,
  avenantRequired,
  CONVENTION_SOURCES,
} from '../../providers/convention-rules.js';
import { ProvidersService, type ProviderView } from '../../providers/providers.service.js';
import { TitresService } from '../../titres/titres.service.js';
import type { Titre } from '../../titres/titre.entity.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import type { WebRequest } from '../web-pages.js';
import { labelOf } from './field-labels.js';
import { formView, withEmpty, type FieldSpec } from './form-fields.js';
import { titreLabel } from './form-options.js';
import { integer, optionalText, texts, type FormBody } from './form-input.js';
import { FormPages } from './form-pages.js';
import { freshForm, typedValues, type FormContext, type FormState } from './form-support.js';

const LABELS = labelOf({
  name: 'Nom de l’organisme',
  siret: 'SIRET',
  address: 'Adresse',
  contact: 'Contact',
  providerId: 'Organisme de formation',
  signedOn: 'Signée le',
  effectiveFrom: 'En vigueur à partir du',
  sentToPrefectOn: 'Transmise au préfet le',
  titreIds: 'Titres couverts',
  certifications: 'CCP et CCS couverts',
  registrationTerms: 'Modalités d’inscription',
  forecastCurrentYear: 'Nombre prévisionnel de candidats (année en cours)',
  forecastNextYear: 'Nombre prévisionnel de candidats (année à venir)',
  conventionId: 'Convention',
  year: 'Année',
  forecastCount: 'Nombre prévisionnel de candidats',
});

const PROVIDER_SPECS: FieldSpec[] = [
  { name: 'name', label: 'Nom de l’organisme', kind: 'text', required: true, wide: true },
  { name: 'siret', label: 'SIRET', kind: 'text', hint: '14 chiffres.' },
  { name: 'contact', label: 'Contact', kind: 'text', hint: 'Nom, courriel, téléphone.' },
  { name: 'address', label: 'Adresse', kind: 'textarea' },
];

function conventionSpecs(
  providers: readonly ProviderView[],
  titres: readonly Titre[],
): FieldSpec[] {
  return [
    {
      name: 'providerId',
      label: 'Organisme de formation',
      kind: 'select',
      required: true,
      options: withEmpty(
        providers.map((p) => ({ value: p.id, label: p.name })),
        'Choisissez un organisme',
      ),
    },
    { name: 'signedOn', label: 'Signée le', kind: 'date', required: true },
    { name: 'effectiveFrom', label: 'En vigueur à partir du', kind: 'date', required: true },
    {
      name: 'sentToPrefectOn',
      label: 'Transmise au préfet le',
      kind: 'date',
      hint: 'Avant son entrée en vigueur.',
    },
    {
      name: 'titreIds',
      label: 'Titres couverts',
      kind: 'checkboxes',
      required: true,
      options: titres.map((t) => ({ value: t.id, label: titreLabel(t) })),
    },
    { name: 'certifications', label: 'CCP et CCS couverts', kind: 'text', wide: true },
    { name: 'registrationTerms', label: 'Modalités d’inscription', kind: 'textarea' },
    {
      name: 'forecastCurrentYear',
      label: 'Nombre prévisionnel de candidats (année en cours)',
      kind: 'number',
      required: true,
      min: '0',
    },
    {
      name: 'forecastNextYear',
      label: 'Nombre prévisionnel de candidats (année à venir)',
      kind: 'number',
      required: true,
      min: '0',
    },
  ];
}

function avenantSpecs(providers: readonly ProviderView[]): FieldSpec[] {
  return [
    {
      name: 'conventionId',
      label: 'Convention',
      kind: 'select',
      required: true,
      options: withEmpty(
        providers.flatMap((p) =>
          p.conventions.map((c) => ({
            value: c.id,
            label: `${p.name} — signée le ${formatFrenchDate(c.signedOn)}`,
          })),
        ),
        'Choisissez une convention',
      ),
    },
    { name: 'year', label: 'Année', kind: 'number', required: true, min: '2000', max: '2100' },
    {
      name: 'forecastCount',
      label: 'Nombre prévisionnel de candidats',
      kind: 'number',
      required: true,
      min: '0',
    },
    {
      name: 'sentToPrefectOn',
      label: 'Transmis au préfet le',
      kind: 'date',
      hint: 'Avant le 1er janvier de l’année.',
    },
  ];
}

const EMPTY = freshForm();

/** A centre's training providers, their conventions and annual avenants (arrêté du 1er octobre 2024). */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('centres/:id/providers')
export class ProviderFormsController {
  constructor(
    private readonly providers: ProvidersService,
    private readonly centres: CentresService,
    private readonly titres: TitresService,
    private readonly forms: FormPages,
    private readonly clock: Clock,
  ) {}

  @Get()
  async list(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
  ): Promise<void> {
    await this.render({ req, res, caller }, id, EMPTY, EMPTY, EMPTY);
  }

  @Post()
  async create(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const ctx = { req, res, caller };
    await this.forms.submit(ctx, {
      dto: CreateProviderDto,
      plain: {
        name: optionalText(body, 'name'),
        siret: optionalText(body, 'siret'),
        address: optionalText(body, 'address'),
        contact: optionalText(body, 'contact'),
      },
      labels: LABELS,
      work: (dto) => this.providers.create(caller, id, dto),
      done: { to: `/centres/${id}/providers`, flash: 'provider-created' },
      again: (refusal) =>
        this.render(
          ctx,
          id,
          { values: typedValues(PROVIDER_SPECS, body), ...refusal },
          EMPTY,
          EMPTY,
        ),
    });
  }

  @Post('conventions')
  async createConvention(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const ctx = { req, res, caller };
    const providerId = optionalText(body, 'providerId') ?? '';
    const [providers, titres] = await Promise.all([
      this.providers.list(caller, id),
      this.titres.list(),
    ]);
    await this.forms.submit(ctx, {
      dto: CreateConventionDto,
      plain: {
        signedOn: optionalText(body, 'signedOn'),
        effectiveFrom: optionalText(body, 'effectiveFrom'),
        sentToPrefectOn: optionalText(body, 'sentToPrefectOn'),
        titreIds: texts(body, 'titreIds'),
        certifications: optionalText(body, 'certifications'),
        registrationTerms: optionalText(body, 'registrationTerms'),
        forecastCurrentYear: integer(body, 'forecastCurrentYear'),
        forecastNextYear: integer(body, 'forecastNextYear'),
      },
      labels: LABELS,
      checks: providers.some((p) => p.id === providerId)
        ? {}
        : { providerId: 'Le champ « Organisme de formation » est obligatoire.' },
      work: (dto) => this.providers.createConvention(caller, id, providerId, dto),
      done: { to: `/centres/${id}/providers`, flash: 'convention-created' },
      again: (refusal) =>
        this.render(
          ctx,
          id,
          EMPTY,
          { values: typedValues(conventionSpecs(providers, titres), body), ...refusal },
          EMPTY,
        ),
    });
  }

  @Post('avenants')
  async createAvenant(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const ctx = { req, res, caller };
    const conventionId = optionalText(body, 'conventionId') ?? '';
    const providers = await this.providers.list(caller, id);
    const provider = providers.find((p) => p.conventions.some((c) => c.id === conventionId));
    await this.forms.submit(ctx, {
      dto: CreateAvenantDto,
      plain: {
        year: integer(body, 'year'),
        forecastCount: integer(body, 'forecastCount'),
        sentToPrefectOn: optionalText(body, 'sentToPrefectOn'),
      },
      labels: LABELS,
      checks: provider ? {} : { conventionId: 'Le champ « Convention » est obligatoire.' },
      work: (dto) =>
        this.providers.createAvenant(caller, id, provider?.id ?? '', conventionId, dto),
      done: { to: `/centres/${id}/providers`, flash: 'avenant-created' },
      again: (refusal) =>
        this.render(ctx, id, EMPTY, EMPTY, {
          values: typedValues(avenantSpecs(providers), body),
          ...refusal,
        }),
    });
  }

  private async render(
    ctx: FormContext,
    centreId: string,
    provider: FormState,
    convention: FormState,
    avenant: FormState,
  ): Promise<void> {
    const caller = ctx.caller;
    const [centre, providers, titres] = await Promise.all([
      this.centres.get(caller, centreId),
      this.providers.list(caller, centreId),
      this.titres.list(),
    ]);
    const titreNames = new Map(titres.map((t) => [t.id, titreLabel(t)]));
    const year = Number(this.clock.today().slice(0, 4));
    const fr = formatFrenchDate;
    this.forms.render(
      ctx,
      {
        view: 'reference/providers',
        title: `Organismes de formation — ${centre.name}`,
        section: 'centres',
      },
      {
        centre: { id: centre.id, name: centre.name },
        writable: canWriteCentre(caller, centreId),
        source: CONVENTION_SOURCES.WRITTEN_CONVENTION,
        avenantSource: CONVENTION_SOURCES.ANNUAL_AVENANT,
        providers: providers.map((p) => ({
          name: p.name,
          siret: p.siret ?? '',
          address: p.address,
          contact: p.contact,
          conventions: p.conventions.map((c) => {
            const nextYear = year + 1;
            const due =
              avenantRequired(c.signedOn, nextYear) &&
              !c.avenants.some((a) => a.year === nextYear && a.sentToPrefectOn !== null);
            return {
              signedOn: fr(c.signedOn),
              effectiveFrom: fr(c.effectiveFrom),
              sentToPrefectOn: c.sentToPrefectOn === null ? null : fr(c.sentToPrefectOn),
              sentLate: c.sentToPrefectOn !== null && c.sentToPrefectOn >= c.effectiveFrom,
              titres: c.titreIds.map((t) => titreNames.get(t) ?? t).join(' ; '),
              certifications: c.certifications,
              registrationTerms: c.registrationTerms,
              forecastCurrentYear: c.forecastCurrentYear,
              forecastNextYear: c.forecastNextYear,
              nextAvenant: due
                ? `Avenant ${nextYear} à transmettre au préfet au plus tard le ${fr(avenantDueDate(nextYear))}.`
                : null,
              avenants: c.avenants.map((a) => ({
                year: a.year,
                forecastCount: a.forecastCount,
                sentToPrefectOn: a.sentToPrefectOn === null ? null : fr(a.sentToPrefectOn),
                late: a.sentToPrefectOn !== null && a.sentToPrefectOn > avenantDueDate(a.year),
              })),
            };
          }),
        })),
        providerForm: formView(PROVIDER_SPECS, provider.values, provider.errors, 'p'),
        conventionForm: formView(
          conventionSpecs(providers, titres),
          convention.values,
          convention.errors,
          'c',
        ),
        avenantForm: formView(avenantSpecs(providers), avenant.values, avenant.errors, 'a'),
        hasProviders: providers.length > 0,
        hasConventions: providers.some((p) => p.conventions.length > 0),
      },
      Math.max(provider.status, convention.status, avenant.status),
    );
  }
}
