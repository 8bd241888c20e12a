import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentCaller, Roles } from '../../auth/auth.decorators.js';
import { CentresService } from '../../centres/centres.service.js';
import { CreateCentreDto, CreateSiteDto } from '../../centres/dto/centre.dto.js';
import { canWriteCentre, type Caller } from '../../common/caller.js';
import { notFound } from '../../common/errors.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import { WebPages, type WebRequest } from '../web-pages.js';
import { labelOf } from './field-labels.js';
import { formView, withEmpty, type FieldSpec, type FieldValue } from './form-fields.js';
import { centreOptions } from './form-options.js';
import { optionalText, type FieldErrors, type FormBody } from './form-input.js';
import { submit, typedValues } from './form-support.js';

const LABELS = labelOf({ name: 'Nom' });

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
];

function placePlain(body: FormBody): Record<string, string | undefined> {
  return {
    name: optionalText(body, 'name'),
    address: optionalText(body, 'address'),
    postalCode: optionalText(body, 'postalCode'),
    city: optionalText(body, 'city'),
  };
}

type FormState = { values: Record<string, FieldValue>; errors: FieldErrors | null };
const EMPTY: FormState = { values: {}, errors: null };

/** Centres (created by administrators) and their sites (added by their managers). */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('centres')
export class CentreFormsController {
  constructor(
    private readonly centres: CentresService,
    private readonly pages: WebPages,
  ) {}

  @Get()
  async list(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    await this.render(req, res, caller, EMPTY, EMPTY, 200);
  }

  @Post()
  @Roles('admin')
  async create(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @Body() body: FormBody,
  ): Promise<void> {
    const plain = { ...placePlain(body), siret: optionalText(body, 'siret') };
    const result = await submit(CreateCentreDto, plain, LABELS, (dto) => this.centres.create(dto));
    if (result.ok) {
      this.pages.redirect(res, '/centres', 'centre-created');
      return;
    }
    const centre = { values: typedValues(CENTRE_SPECS, body), errors: result.errors };
    await this.render(req, res, caller, centre, EMPTY, result.status);
  }

  @Post('sites')
  async addSite(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @Body() body: FormBody,
  ): Promise<void> {
    const centreId = optionalText(body, 'centreId');
    const result = centreId
      ? await submit(CreateSiteDto, placePlain(body), LABELS, (dto) =>
          this.centres.addSite(caller, centreId, dto),
        )
      : {
          ok: false as const,
          errors: { centreId: 'Le champ « Centre » est obligatoire.' },
          status: 400,
        };
    if (result.ok) {
      this.pages.redirect(res, '/centres', 'site-created');
      return;
    }
    const values = { ...typedValues(PLACE_SPECS, body), centreId: centreId ?? '' };
    await this.render(req, res, caller, EMPTY, { values, errors: result.errors }, result.status);
  }

  private async render(
    req: WebRequest,
    res: Response,
    caller: Caller,
    centre: FormState,
    site: FormState,
    status: number,
  ): Promise<void> {
    const centres = await this.centres.list(caller);
    const writableCentres = centreOptions(caller, centres);
    if (site.values.centreId && !writableCentres.some((c) => c.value === site.values.centreId)) {
      throw notFound('Centre');
    }
    const siteSpecs: FieldSpec[] = [
      {
        name: 'centreId',
        label: 'Centre',
        kind: 'select',
        required: true,
        options: withEmpty(writableCentres, 'Choisissez un centre'),
      },
      ...PLACE_SPECS,
    ];
    this.pages.render(
      req,
      res,
      'reference/centres',
      'Centres et sites',
      'centres',
      {
        isAdmin: caller.role === 'admin',
        canAddSite: writableCentres.length > 0,
        centreForm: formView(CENTRE_SPECS, centre.values, centre.errors, 'c'),
        siteForm: formView(siteSpecs, site.values, site.errors, 's'),
        centres: centres.map((c) => ({
          name: c.name,
          siret: c.siret ?? '',
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
      status,
    );
  }
}
