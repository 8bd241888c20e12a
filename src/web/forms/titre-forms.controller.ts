import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../auth/auth.decorators.js';
import { formatFrenchDate } from '../../common/calendar-date.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { prolongationEnd } from '../../certification/prolongation-rules.js';
import { CreateTitreDto, UpdateTitreDto } from '../../titres/dto/create-titre.dto.js';
import type { Titre } from '../../titres/titre.entity.js';
import { prolongationUntilError } from '../../titres/titre-rules.js';
import { CCP_KINDS } from '../../titres/ccp.entity.js';
import { TitresService } from '../../titres/titres.service.js';
import {
  describeRequirements,
  hasRequirements,
  juryRequirementsError,
  LICENCE_CATEGORIES,
  type JuryRequirements,
} from '../../jury/jury-requirements.js';
import { CCP_KIND_LABELS, optionsOf } from '../views/labels.js';
import { EXAM_TEST_LABELS } from '../../documents/convocation-rules.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import type { WebRequest } from '../web-pages.js';
import { labelOf } from './field-labels.js';
import { formView, type FieldSpec } from './form-fields.js';
import {
  checked,
  labelLookup,
  nullableText,
  optionalText,
  rows,
  texts,
  type FormBody,
  type LabelOf,
} from './form-input.js';
import { FormPages } from './form-pages.js';
import {
  freshForm,
  requireWriter,
  typedValues,
  type FormState,
  type PageContext,
} from './form-support.js';
import { CurrentCaller } from '../../auth/auth.decorators.js';
import type { Caller } from '../../common/caller.js';

const TITRE_LABELS = labelOf({
  code: 'Sigle',
  version: 'Millésime',
  validUntil: 'Fin de validité du titre',
  prolongationUntil: 'Fin du délai de prolongation',
  examTests: 'Épreuves du référentiel d’évaluation',
  convocationDocuments: 'Documents à apporter',
  juryRequirements: 'Exigences faites au jury',
  'juryRequirements.licenceCategories': 'Catégories de permis demandées aux jurés',
  'juryRequirements.cqc': 'CQC en cours de validité demandée aux jurés',
  'juryRequirements.source': 'Source de l’exigence',
  ccps: 'CCP',
});
const CCP_LABELS = labelOf({ ccps: 'CCP' });

/** `code` is the titre's « Sigle », `ccps[1].code` the « Code (CCP n° 2) ». */
const LABELS: LabelOf = labelLookup(
  (field) => (field.startsWith('ccps[') ? CCP_LABELS(field) : TITRE_LABELS(field)),
  TITRE_LABELS.names,
);

const PROLONGATION_SPEC: FieldSpec = {
  name: 'prolongationUntil',
  label: 'Fin du délai de prolongation',
  kind: 'date',
  hint: 'À renseigner seulement si elle diffère d’un an après la fin de validité du titre.',
};

/** What the candidates' convocation takes from the titre. */
const CONVOCATION_SPECS: FieldSpec[] = [
  {
    name: 'examTests',
    label: 'Épreuves du référentiel d’évaluation',
    kind: 'checkboxes',
    options: optionsOf(EXAM_TEST_LABELS),
    hint: 'Citées dans la convocation ; l’entretien final s’y ajoute en session titre. Aucune cochée : mise en situation professionnelle, entretien technique et questionnaire professionnel.',
  },
  {
    name: 'convocationDocuments',
    label: 'Documents à apporter',
    kind: 'textarea',
    hint: 'Un document par ligne, par exemple « le permis de conduire de catégorie C en cours de validité ». La pièce d’identité et la convocation sont toujours demandées.',
  },
];

/** What the titre asks of its jurors beyond the habilitation (JURY_SOURCES.JURY_REQUIREMENTS). */
const JURY_REQUIREMENT_SPECS: FieldSpec[] = [
  {
    name: 'juryRequirements.licenceCategories',
    label: 'Catégories de permis demandées aux jurés',
    kind: 'checkboxes',
    options: LICENCE_CATEGORIES.map((c) => ({ value: c, label: c })),
    hint: 'Le juré en détient au moins une (transport routier : C ou D). Aucune cochée et CQC non demandée : pas d’exigence.',
    wide: true,
  },
  {
    name: 'juryRequirements.cqc',
    label: 'CQC en cours de validité demandée aux jurés',
    kind: 'checkbox',
    hint: 'Carte de qualification de conducteur valable jusqu’au dernier jour de la session.',
  },
  {
    name: 'juryRequirements.source',
    label: 'Source de l’exigence',
    kind: 'textarea',
    hint: 'Texte et article (référentiel de certification, arrêté du titre), ou ce qui n’a pas pu être confirmé.',
    wide: true,
  },
];

/** The lifecycle dates, the convocation data and the jury requirements of an existing titre version. */
const EDIT_SPECS: FieldSpec[] = [
  { name: 'validUntil', label: 'Fin de validité du titre', kind: 'date', required: true },
  PROLONGATION_SPEC,
  ...CONVOCATION_SPECS,
  ...JURY_REQUIREMENT_SPECS,
];

/** The requirements typed in the form: null when nothing is asked nor sourced. */
function juryRequirementsPlain(body: FormBody): Record<string, unknown> | null {
  const licenceCategories = texts(body, 'juryRequirements.licenceCategories');
  const cqc = checked(body, 'juryRequirements.cqc');
  const source = optionalText(body, 'juryRequirements.source');
  if (licenceCategories.length === 0 && !cqc && source === undefined) return null;
  return { licenceCategories, cqc, source };
}

function labelOrCode(code: string): string {
  return code in EXAM_TEST_LABELS ? EXAM_TEST_LABELS[code as keyof typeof EXAM_TEST_LABELS] : code;
}

/** The lines of a textarea, blank ones left out. */
function lines(value: string | undefined): string[] {
  return (value ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

const SPECS: FieldSpec[] = [
  { name: 'code', label: 'Sigle', kind: 'text', required: true, hint: 'Par exemple CDA.' },
  { name: 'version', label: 'Millésime', kind: 'text', required: true, hint: 'Par exemple 2023.' },
  { name: 'label', label: 'Intitulé', kind: 'text', required: true, wide: true },
  { name: 'validUntil', label: 'Fin de validité du titre', kind: 'date', required: true },
  PROLONGATION_SPEC,
  ...CONVOCATION_SPECS,
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
      prolongationUntil: optionalText(body, 'prolongationUntil'),
      examTests: texts(body, 'examTests'),
      convocationDocuments: lines(optionalText(body, 'convocationDocuments')),
      ccps,
    };
    const ctx = { req, res };
    await this.forms.submit(ctx, {
      dto: CreateTitreDto,
      plain,
      rules: [prolongationUntilError(plain.validUntil, plain.prolongationUntil)],
      labels: LABELS,
      work: (dto) => this.titres.create(dto),
      done: { to: '/titres', flash: 'titre-created' },
      again: (refusal) => this.render(ctx, { values: typedValues(SPECS, body), ...refusal }, typed),
    });
  }

  @Get(':id/edit')
  async editForm(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
  ): Promise<void> {
    requireWriter(caller);
    const titre = await this.titres.get(id);
    await this.renderEdit(
      { req, res },
      titre,
      freshForm({
        validUntil: titre.validUntil,
        prolongationUntil: titre.prolongationUntil ?? '',
        examTests: titre.examTests,
        convocationDocuments: titre.convocationDocuments.join('\n'),
        'juryRequirements.licenceCategories': titre.juryRequirements?.licenceCategories ?? [],
        'juryRequirements.cqc': titre.juryRequirements?.cqc ?? false,
        'juryRequirements.source': titre.juryRequirements?.source ?? '',
      }),
    );
  }

  @Post(':id/edit')
  @Roles('admin', 'manager')
  async update(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const titre = await this.titres.get(id);
    const plain = {
      validUntil: optionalText(body, 'validUntil'),
      prolongationUntil: nullableText(body, 'prolongationUntil'),
      examTests: texts(body, 'examTests'),
      convocationDocuments: lines(optionalText(body, 'convocationDocuments')),
      juryRequirements: juryRequirementsPlain(body),
    };
    const ctx = { req, res };
    await this.forms.submit(ctx, {
      dto: UpdateTitreDto,
      plain,
      required: ['validUntil'],
      rules: [
        prolongationUntilError(plain.validUntil, plain.prolongationUntil),
        juryRequirementsError(plain.juryRequirements as JuryRequirements | null),
      ],
      labels: LABELS,
      work: (dto) => this.titres.update(caller, id, dto),
      done: { to: '/titres', flash: 'titre-updated' },
      again: (refusal) =>
        this.renderEdit(ctx, titre, { values: typedValues(EDIT_SPECS, body), ...refusal }),
    });
  }

  private renderEdit(ctx: PageContext, titre: Titre, state: FormState): Promise<void> {
    this.forms.render(
      ctx,
      {
        view: 'reference/titre-edit',
        title: `Dates et convocation du titre ${titre.code} (${titre.version})`,
        section: 'titres',
      },
      {
        titre: { id: titre.id, code: titre.code, version: titre.version, label: titre.label },
        form: formView(EDIT_SPECS, state.values, state.errors),
      },
      state.status,
    );
    return Promise.resolve();
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
          id: t.id,
          validUntil: formatFrenchDate(t.validUntil),
          prolongationUntil: formatFrenchDate(prolongationEnd(t)),
          prolongationByDefault: t.prolongationUntil === null,
          examTests: t.examTests.map((code) => labelOrCode(code)),
          convocationDocuments: t.convocationDocuments,
          juryRequirements: hasRequirements(t.juryRequirements)
            ? describeRequirements(t.juryRequirements as JuryRequirements)
            : null,
          ccps: (t.ccps ?? []).map(
            (c) => `${c.code} — ${c.label}${c.kind === 'CCS' ? ' (CCS)' : ''}`,
          ),
        })),
      },
      state.status,
    );
  }
}
