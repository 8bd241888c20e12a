import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../auth/auth.decorators.js';
import { formatFrenchDate } from '../../common/calendar-date.js';
import { CreateTitreDto } from '../../titres/dto/create-titre.dto.js';
import { CCP_KINDS } from '../../titres/ccp.entity.js';
import { TitresService } from '../../titres/titres.service.js';
import { CCP_KIND_LABELS } from '../views/labels.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import { WebPages, type WebRequest } from '../web-pages.js';
import { labelOf } from './field-labels.js';
import { formView, type FieldSpec, type FieldValue } from './form-fields.js';
import { optionalText, rows, type FieldErrors, type FormBody, type LabelOf } from './form-input.js';
import { submit, typedValues } from './form-support.js';

const TITRE_LABELS = labelOf({
  code: 'Sigle',
  version: 'Millésime',
  validUntil: 'Fin de validité du titre',
  ccps: 'CCP',
});
const CCP_LABELS = labelOf({ ccps: 'CCP' });

/** `code` is the titre's « Sigle », `ccps[1].code` the « Code (CCP n° 2) ». */
const LABELS: LabelOf = (field) =>
  field.startsWith('ccps[') ? CCP_LABELS(field) : TITRE_LABELS(field);

const SPECS: FieldSpec[] = [
  { name: 'code', label: 'Sigle', kind: 'text', required: true, hint: 'Par exemple CDA.' },
  { name: 'version', label: 'Millésime', kind: 'text', required: true, hint: 'Par exemple 2023.' },
  { name: 'label', label: 'Intitulé', kind: 'text', required: true, wide: true },
  { name: 'validUntil', label: 'Fin de validité du titre', kind: 'date', required: true },
];

/** Blank CCP rows offered below the typed ones. */
const BLANK_CCP_ROWS = 6;

interface CcpRow {
  index: number;
  code: string;
  label: string;
  kinds: { value: string; label: string; selected: boolean }[];
}

function ccpRows(typed: { code: string; label: string; kind: string }[]): CcpRow[] {
  const filled = typed.filter((c) => c.code.trim() !== '' || c.label.trim() !== '');
  const all = [
    ...filled,
    ...Array.from({ length: BLANK_CCP_ROWS }, () => ({ code: '', label: '', kind: 'CCP' })),
  ];
  return all.map((c, index) => ({
    index: index + 1,
    code: c.code,
    label: c.label,
    kinds: CCP_KINDS.map((k) => ({ value: k, label: CCP_KIND_LABELS[k], selected: k === c.kind })),
  }));
}

/** The national list of titres and their CCP; managers and administrators add titres. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('titres')
export class TitreFormsController {
  constructor(
    private readonly titres: TitresService,
    private readonly pages: WebPages,
  ) {}

  @Get()
  async list(@Req() req: WebRequest, @Res() res: Response): Promise<void> {
    await this.render(req, res, {}, [], null, 200);
  }

  @Post()
  @Roles('admin', 'manager')
  async create(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: FormBody,
  ): Promise<void> {
    const codes = rows(body, 'ccpCode');
    const labels = rows(body, 'ccpLabel');
    const kinds = rows(body, 'ccpKind');
    const typed = codes.map((code, i) => ({
      code,
      label: labels[i] ?? '',
      kind: kinds[i] ?? 'CCP',
    }));
    const ccps = typed
      .filter((c) => c.code.trim() !== '' || c.label.trim() !== '')
      .map((c) => ({ code: c.code, label: c.label, kind: c.kind }));
    const plain = {
      code: optionalText(body, 'code'),
      version: optionalText(body, 'version'),
      label: optionalText(body, 'label'),
      validUntil: optionalText(body, 'validUntil'),
      ccps,
    };
    const result = await submit(CreateTitreDto, plain, LABELS, (dto) => this.titres.create(dto));
    if (result.ok) {
      this.pages.redirect(res, '/titres', 'titre-created');
      return;
    }
    await this.render(req, res, typedValues(SPECS, body), typed, result.errors, result.status);
  }

  private async render(
    req: WebRequest,
    res: Response,
    values: Record<string, FieldValue>,
    typedCcps: { code: string; label: string; kind: string }[],
    errors: FieldErrors | null,
    status: number,
  ): Promise<void> {
    const titres = await this.titres.list();
    const form = formView(SPECS, values, errors);
    this.pages.render(
      req,
      res,
      'reference/titres',
      'Titres professionnels',
      'titres',
      {
        form,
        ccpError: errors?.ccps ?? null,
        ccpRows: ccpRows(typedCcps),
        titres: titres.map((t) => ({
          code: t.code,
          version: t.version,
          label: t.label,
          validUntil: formatFrenchDate(t.validUntil),
          ccps: (t.ccps ?? []).map(
            (c) => `${c.code} — ${c.label}${c.kind === 'CCS' ? ' (CCS)' : ''}`,
          ),
        })),
      },
      status,
    );
  }
}
