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
import type { WebRequest } from '../web-pages.js';
import { labelOf } from './field-labels.js';
import { formView, type FieldSpec } from './form-fields.js';
import { labelLookup, optionalText, rows, type FormBody, type LabelOf } from './form-input.js';
import { FormPages } from './form-pages.js';
import { freshForm, typedValues, type FormState, type PageContext } from './form-support.js';

const TITRE_LABELS = labelOf({
  code: 'Sigle',
  version: 'Millésime',
  validUntil: 'Fin de validité du titre',
  ccps: 'CCP',
});
const CCP_LABELS = labelOf({ ccps: 'CCP' });

/** `code` is the titre's « Sigle », `ccps[1].code` the « Code (CCP n° 2) ». */
const LABELS: LabelOf = labelLookup(
  (field) => (field.startsWith('ccps[') ? CCP_LABELS(field) : TITRE_LABELS(field)),
  TITRE_LABELS.names,
);

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
    private readonly forms: FormPages,
  ) {}

  @Get()
  async list(@Req() req: WebRequest, @Res() res: Response): Promise<void> {
    await this.render({ req, res }, freshForm(), []);
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
    const ctx = { req, res };
    await this.forms.submit(ctx, {
      dto: CreateTitreDto,
      plain,
      labels: LABELS,
      work: (dto) => this.titres.create(dto),
      done: { to: '/titres', flash: 'titre-created' },
      again: (refusal) => this.render(ctx, { values: typedValues(SPECS, body), ...refusal }, typed),
    });
  }

  private async render(
    ctx: PageContext,
    state: FormState,
    typedCcps: { code: string; label: string; kind: string }[],
  ): Promise<void> {
    const titres = await this.titres.list();
    this.forms.render(
      ctx,
      { view: 'reference/titres', title: 'Titres professionnels', section: 'titres' },
      {
        form: formView(SPECS, state.values, state.errors),
        ccpError: state.errors?.ccps ?? null,
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
      state.status,
    );
  }
}
