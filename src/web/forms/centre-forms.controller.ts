import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentCaller, Roles } from '../../auth/auth.decorators.js';
import { CentresService } from '../../centres/centres.service.js';
import { CreateCentreDto, CreateSiteDto } from '../../centres/dto/centre.dto.js';
import { canWriteCentre, type Caller } from '../../common/caller.js';
import { notFound } from '../../common/errors.js';
import { FRENCH_REGION_LABELS } from '../../common/french-holidays.js';
import { optionsOf } from '../views/labels.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import type { WebRequest } from '../web-pages.js';
import { labelOf } from './field-labels.js';
import { formView, type FieldSpec } from './form-fields.js';
import { centreField, centreOptions } from './form-options.js';
import { optionalText, type FormBody } from './form-input.js';
import { FormPages } from './form-pages.js';
import { freshForm, typedValues, type FormContext, type FormState } from './form-support.js';

const LABELS = labelOf({ name: 'Nom', region: 'Région' });

const PLACE_SPECS: FieldSpec[] = [
  { name: 'name', label: 'Nom', kind: 'text', required: true, wide: true },
  { name: 'address', label: 'Adresse', kind: 'text', wide: true },
  { name: 'postalCode', label: 'Code postal', kind: 'text', hint: '5 chiffres.' },
  { name: 'city', label: 'Ville', kind: 'text' },
];

const CENTRE_SPECS: FieldSpec[] = [
  ...PLACE_SPECS.slice(0, 1),
  { name: 'siret', label: 'SIRET', kind: 'text', hint: '14 chiffres.' },
  ...PLACE_SPECS.slice(1),
  {
    name: 'region',
    label: 'Région',
    kind: 'select',
    required: true,
    options: optionsOf(FRENCH_REGION_LABELS),
    hint: 'Fixe les jours fériés des échéances et le nom de l’administration (DREETS, DEETS, DRIEETS).',
  },
];

function placePlain(body: FormBody): Record<string, string | undefined> {
  return {
    name: optionalText(body, 'name'),
    address: optionalText(body, 'address'),
    postalCode: optionalText(body, 'postalCode'),
    city: optionalText(body, 'city'),
  };
}

const EMPTY = freshForm();
const NEW_CENTRE = freshForm({ region: 'METROPOLE' });

/** Centres (created by administrators) and their sites (added by their managers). */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('centres')
export class CentreFormsController {
  constructor(
    private readonly centres: CentresService,
    private readonly forms: FormPages,
  ) {}

  @Get()
  async list(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    await this.render({ req, res, caller }, NEW_CENTRE, EMPTY);
  }

  @Post()
  @Roles('admin')
  async create(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @Body() body: FormBody,
  ): Promise<void> {
    const ctx = { req, res, caller };
    await this.forms.submit(ctx, {
      dto: CreateCentreDto,
      plain: {
        ...placePlain(body),
        siret: optionalText(body, 'siret'),
        region: optionalText(body, 'region'),
      },
      labels: LABELS,
      work: (dto) => this.centres.create(dto),
      done: { to: '/centres', flash: 'centre-created' },
      again: (refusal) =>
        this.render(ctx, { values: typedValues(CENTRE_SPECS, body), ...refusal }, EMPTY),
    });
  }

  @Post('sites')
  async addSite(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @Body() body: FormBody,
  ): Promise<void> {
    const ctx = { req, res, caller };
    const centreId = optionalText(body, 'centreId') ?? '';
    await this.forms.submit(ctx, {
      dto: CreateSiteDto,
      plain: placePlain(body),
      labels: LABELS,
      checks: centreId === '' ? { centreId: 'Le champ « Centre » est obligatoire.' } : {},
      work: (dto) => this.centres.addSite(caller, centreId, dto),
      done: { to: '/centres', flash: 'site-created' },
      again: (refusal) =>
        this.render(ctx, EMPTY, {
          values: { ...typedValues(PLACE_SPECS, body), centreId },
          ...refusal,
        }),
    });
  }

  /** The list with the centre's and the site's forms; the status is the refused one's, if any. */
  private async render(ctx: FormContext, centre: FormState, site: FormState): Promise<void> {
    const caller = ctx.caller;
    const centres = await this.centres.list(caller);
    const writableCentres = centreOptions(caller, centres);
    if (site.values.centreId && !writableCentres.some((c) => c.value === site.values.centreId)) {
      throw notFound('Centre');
    }
    const siteSpecs = [centreField(caller, centres), ...PLACE_SPECS];
    this.forms.render(
      ctx,
      { view: 'reference/centres', title: 'Centres et sites', section: 'centres' },
      {
        isAdmin: caller.role === 'admin',
        canAddSite: writableCentres.length > 0,
        centreForm: formView(CENTRE_SPECS, centre.values, centre.errors, 'c'),
        siteForm: formView(siteSpecs, site.values, site.errors, 's'),
        centres: centres.map((c) => ({
          id: c.id,
          name: c.name,
          siret: c.siret ?? '',
          region: FRENCH_REGION_LABELS[c.region],
          address: [c.address, `${c.postalCode} ${c.city}`.trim()]
            .filter((v) => v !== '')
            .join(', '),
          writable: canWriteCentre(caller, c.id),
          sites: [...(c.sites ?? [])]
            .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
            .map((s) => ({
              name: s.name,
              address: [s.address, `${s.postalCode} ${s.city}`.trim()]
                .filter((v) => v !== '')
                .join(', '),
            })),
        })),
      },
      Math.max(centre.status, site.status),
    );
  }
}
