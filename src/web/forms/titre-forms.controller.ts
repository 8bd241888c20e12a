import { Body, Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
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
import type { TitreCqc } from '../../cqc/titre-cqc.js';
import { CQC_QUALIFICATION_LABELS, CQC_TRAINING_TYPE_LABELS } from '../../cqc/cqc-training.js';
import { cqcTrainingKindLabel } from '../../cqc/registration-rules.js';
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
import type { ListDefinition } from '../lists/list-params.js';
import { listPage } from '../lists/list-query.js';
import type { WebRequest } from '../web-pages.js';
import { labelOf } from './field-labels.js';
import {
  formView,
  withEmpty,
  type FieldSpec,
  type FieldValue,
  type Option,
} from './form-fields.js';
import {
  checked,
  labelLookup,
  nullableText,
  optionalText,
  rows,
  text,
  texts,
  type FieldErrors,
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
  cqc: 'CQC donnée par le titre',
  'cqc.gives': 'Le titre donne la carte de qualification de conducteur (CQC)',
  'cqc.qualification': 'Qualification (CQC)',
  'cqc.trainingType': 'Type de formation (CQC)',
  'cqc.educationNationale': 'Formation de l’Éducation nationale',
});
const CCP_LABELS = labelOf({ ccps: 'CCP' });

/** The CQC settings of one CCP row: `ccps[1].cqc.trainingType` reads « Type de formation (CQC) (CCP n° 2) ». */
const CCP_CQC_LABELS: Readonly<Record<string, string>> = {
  '': 'CQC donnée par le CCP',
  qualification: 'Qualification (CQC)',
  trainingType: 'Type de formation (CQC)',
  educationNationale: 'Formation de l’Éducation nationale',
};

/** `code` is the titre's « Sigle », `ccps[1].code` the « Code (CCP n° 2) ». */
const LABELS: LabelOf = labelLookup((field) => {
  const cqc = /^ccps\[(\d+)\]\.cqc(?:\.([A-Za-z]+))?$/.exec(field);
  if (cqc) {
    const label = CCP_CQC_LABELS[cqc[2] ?? ''];
    return label ? `${label} (CCP n°\u00a0${Number(cqc[1]) + 1})` : undefined;
  }
  return field.startsWith('ccps[') ? CCP_LABELS(field) : TITRE_LABELS(field);
}, TITRE_LABELS.names);

/** Whether the titre gives the CQC, with what the Hub asks of the training (seed 002, Étape 1). */
const CQC_SPECS: FieldSpec[] = [
  {
    name: 'cqc.gives',
    label: 'Le titre donne la carte de qualification de conducteur (CQC)',
    kind: 'checkbox',
    hint: 'Ses lauréats sont enregistrés sur Hub Pro Transport pour commander leur carte.',
    wide: true,
  },
  {
    name: 'cqc.qualification',
    label: 'Qualification (CQC)',
    kind: 'select',
    options: withEmpty(optionsOf(CQC_QUALIFICATION_LABELS)),
  },
  {
    name: 'cqc.trainingType',
    label: 'Type de formation (CQC)',
    kind: 'select',
    options: withEmpty(optionsOf(CQC_TRAINING_TYPE_LABELS)),
    hint: 'Il fixe le tarif de l’enregistrement : 25,34 € HT par formation longue ou FCO complète, 5,07 € HT par module de FCO.',
  },
  {
    name: 'cqc.educationNationale',
    label: 'Formation de l’Éducation nationale',
    kind: 'checkbox',
    hint: 'CAP ou Bac Pro : un conducteur mineur à la fin de la formation est admis.',
  },
];

/** The CQC settings typed in the form and the form's own checks (all at once). */
export function cqcPlain(
  typed: {
    gives: boolean;
    qualification: string;
    trainingType: string;
    educationNationale: boolean;
  },
  field: (name: 'gives' | 'qualification' | 'trainingType') => string,
  labelOf: (name: 'qualification' | 'trainingType') => string,
  notGiven: string,
): { cqc: Record<string, unknown> | null; checks: FieldErrors } {
  const checks: FieldErrors = {};
  if (!typed.gives) {
    if (typed.qualification !== '' || typed.trainingType !== '' || typed.educationNationale) {
      checks[field('gives')] = notGiven;
    }
    return { cqc: null, checks };
  }
  for (const name of ['qualification', 'trainingType'] as const) {
    if (typed[name] === '') {
      checks[field(name)] =
        `Le champ « ${labelOf(name)} » est obligatoire quand la formation donne la CQC.`;
    }
  }
  return {
    cqc: {
      qualification: typed.qualification === '' ? undefined : typed.qualification,
      trainingType: typed.trainingType === '' ? undefined : typed.trainingType,
      educationNationale: typed.educationNationale,
    },
    checks,
  };
}

/** The titre's CQC fields of the form body. */
function titreCqc(body: FormBody): { cqc: Record<string, unknown> | null; checks: FieldErrors } {
  return cqcPlain(
    {
      gives: checked(body, 'cqc.gives'),
      qualification: text(body, 'cqc.qualification').trim(),
      trainingType: text(body, 'cqc.trainingType').trim(),
      educationNationale: checked(body, 'cqc.educationNationale'),
    },
    (name) => `cqc.${name}`,
    (name) => TITRE_LABELS(`cqc.${name}`) ?? name,
    `Cochez « ${TITRE_LABELS('cqc.gives')} » pour enregistrer la qualification et le type de formation, ou laissez-les vides.`,
  );
}

/** « Formation longue, marchandises, Éducation nationale ». */
function cqcDescription(cqc: TitreCqc): string {
  return `${cqcTrainingKindLabel({ type: cqc.trainingType, qualification: cqc.qualification })}${cqc.educationNationale ? ', Éducation nationale' : ''}`;
}

/** The stored CQC settings as the form's values. */
function cqcValues(cqc: TitreCqc | null): Record<string, FieldValue> {
  return {
    'cqc.gives': cqc !== null,
    'cqc.qualification': cqc?.qualification ?? '',
    'cqc.trainingType': cqc?.trainingType ?? '',
    'cqc.educationNationale': cqc?.educationNationale ?? false,
  };
}

/**
 * One CCP row's CQC settings: a qualification chosen means the CCP gives the CQC (FIMO-type);
 * the errors go to `ccps[i].cqc…`.
 */
function ccpCqc(
  index: number,
  qualification: string,
  trainingType: string,
  educationNationale: string,
): { cqc: Record<string, unknown> | null; checks: FieldErrors } {
  return cqcPlain(
    {
      gives: qualification !== '',
      qualification,
      trainingType,
      educationNationale: educationNationale === 'oui',
    },
    (name) => (name === 'gives' ? `ccps[${index}].cqc` : `ccps[${index}].cqc.${name}`),
    (name) => LABELS(`ccps[${index}].cqc.${name}`) ?? name,
    `Choisissez la qualification (CQC) du CCP n°\u00a0${index + 1} s’il donne la CQC (formation de type FIMO), ou laissez son type de formation vide et « Éducation nationale » à non.`,
  );
}

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

interface Choice {
  value: string;
  label: string;
  selected: boolean;
}

/** A CCP row as typed: its code, label and kind, and its CQC settings (FIMO-type). */
interface TypedCcp {
  code: string;
  label: string;
  kind: string;
  cqcQualification: string;
  cqcTrainingType: string;
  cqcEducationNationale: string;
}

interface CcpRow {
  index: number;
  code: string;
  label: string;
  kinds: Choice[];
  cqcQualifications: Choice[];
  cqcTrainingTypes: Choice[];
  cqcEducationNationale: Choice[];
  /** The row's errors (code, label, CQC), one line each. */
  errors: string[];
}

function choices(options: readonly Option[], value: string): Choice[] {
  return options.map((o) => ({ ...o, selected: o.value === value }));
}

const NO_CQC = 'Ne donne pas la CQC';
const EN_CHOICES: Option[] = [
  { value: 'non', label: 'Non' },
  { value: 'oui', label: 'Oui' },
];

function ccpCqcChoices(
  c: Pick<TypedCcp, 'cqcQualification' | 'cqcTrainingType' | 'cqcEducationNationale'>,
): Pick<CcpRow, 'cqcQualifications' | 'cqcTrainingTypes' | 'cqcEducationNationale'> {
  return {
    cqcQualifications: choices(
      withEmpty(optionsOf(CQC_QUALIFICATION_LABELS), NO_CQC),
      c.cqcQualification,
    ),
    cqcTrainingTypes: choices(withEmpty(optionsOf(CQC_TRAINING_TYPE_LABELS)), c.cqcTrainingType),
    cqcEducationNationale: choices(EN_CHOICES, c.cqcEducationNationale || 'non'),
  };
}

/** The errors of row `index` (0-based), from `ccps[index]…` fields. */
function rowErrors(errors: FieldErrors | null, index: number): string[] {
  return Object.entries(errors ?? {})
    .filter(([field]) => field.startsWith(`ccps[${index}].`) || field === `ccps[${index}]`)
    .map(([, message]) => message);
}

const BLANK_TYPED: TypedCcp = {
  code: '',
  label: '',
  kind: 'CCP',
  cqcQualification: '',
  cqcTrainingType: '',
  cqcEducationNationale: 'non',
};

function ccpRows(typed: TypedCcp[], errors: FieldErrors | null = null): CcpRow[] {
  const filled = typed.filter((c) => c.code.trim() !== '' || c.label.trim() !== '');
  const all = [...filled, ...Array.from({ length: BLANK_CCP_ROWS }, () => BLANK_TYPED)];
  return all.map((c, index) => ({
    index: index + 1,
    code: c.code,
    label: c.label,
    kinds: CCP_KINDS.map((k) => ({ value: k, label: CCP_KIND_LABELS[k], selected: k === c.kind })),
    ...ccpCqcChoices(c),
    errors: index < filled.length ? rowErrors(errors, index) : [],
  }));
}

/** The rows of an existing titre's CCP on its edit form (code and label fixed, CQC editable). */
interface EditCcpRow extends Pick<
  CcpRow,
  | 'index'
  | 'code'
  | 'label'
  | 'cqcQualifications'
  | 'cqcTrainingTypes'
  | 'cqcEducationNationale'
  | 'errors'
> {
  kind: string;
}

function typedCcpCqc(
  body: FormBody,
): { cqcQualification: string; cqcTrainingType: string; cqcEducationNationale: string }[] {
  const qualifications = rows(body, 'ccpCqcQualification');
  const types = rows(body, 'ccpCqcTrainingType');
  const en = rows(body, 'ccpCqcEducationNationale');
  return qualifications.map((q, i) => ({
    cqcQualification: q.trim(),
    cqcTrainingType: (types[i] ?? '').trim(),
    cqcEducationNationale: (en[i] ?? 'non').trim(),
  }));
}

/** The titres list's sortable columns (`?sort=`), by code first. */
export const TITRE_LIST: ListDefinition<
  'code' | 'version' | 'label' | 'validUntil' | 'prolongationUntil'
> = {
  columns: {
    code: 'Sigle',
    version: 'Millésime',
    label: 'Intitulé',
    validUntil: 'Valable jusqu’au',
    prolongationUntil: 'Délai de prolongation jusqu’au',
  },
  defaultSort: 'code',
  defaultDir: 'asc',
};

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
  async list(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    await this.render({ req, res }, freshForm(), [], query);
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
    const cqcs = typedCcpCqc(body);
    const typed: TypedCcp[] = codes.map((code, i) => ({
      code,
      label: labels[i] ?? '',
      kind: kinds[i] ?? 'CCP',
      cqcQualification: cqcs[i]?.cqcQualification ?? '',
      cqcTrainingType: cqcs[i]?.cqcTrainingType ?? '',
      cqcEducationNationale: cqcs[i]?.cqcEducationNationale ?? 'non',
    }));
    const checks: FieldErrors = {};
    const ccps = typed
      .filter((c) => c.code.trim() !== '' || c.label.trim() !== '')
      .map((c, index) => {
        const cqc = ccpCqc(index, c.cqcQualification, c.cqcTrainingType, c.cqcEducationNationale);
        Object.assign(checks, cqc.checks);
        return { code: c.code, label: c.label, kind: c.kind, cqc: cqc.cqc };
      });
    const titreCqcPlain = titreCqc(body);
    Object.assign(checks, titreCqcPlain.checks);
    const plain = {
      code: optionalText(body, 'code'),
      version: optionalText(body, 'version'),
      label: optionalText(body, 'label'),
      validUntil: optionalText(body, 'validUntil'),
      prolongationUntil: optionalText(body, 'prolongationUntil'),
      examTests: texts(body, 'examTests'),
      convocationDocuments: lines(optionalText(body, 'convocationDocuments')),
      cqc: titreCqcPlain.cqc,
      ccps,
    };
    const ctx = { req, res };
    await this.forms.submit(ctx, {
      dto: CreateTitreDto,
      plain,
      checks,
      rules: [prolongationUntilError(plain.validUntil, plain.prolongationUntil)],
      labels: LABELS,
      work: (dto) => this.titres.create(dto),
      done: { to: '/titres', flash: 'titre-created' },
      again: (refusal) =>
        this.render(
          ctx,
          { values: typedValues([...SPECS, ...CQC_SPECS], body), ...refusal },
          typed,
        ),
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
        ...cqcValues(titre.cqc),
      }),
      (titre.ccps ?? []).map((c) => ({
        cqcQualification: c.cqc?.qualification ?? '',
        cqcTrainingType: c.cqc?.trainingType ?? '',
        cqcEducationNationale: c.cqc?.educationNationale ? 'oui' : 'non',
      })),
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
    const titreCqcPlain = titreCqc(body);
    const checks: FieldErrors = { ...titreCqcPlain.checks };
    const cqcs = typedCcpCqc(body);
    const plain = {
      validUntil: optionalText(body, 'validUntil'),
      prolongationUntil: nullableText(body, 'prolongationUntil'),
      examTests: texts(body, 'examTests'),
      convocationDocuments: lines(optionalText(body, 'convocationDocuments')),
      juryRequirements: juryRequirementsPlain(body),
      cqc: titreCqcPlain.cqc,
      // A form without the CCP table (sent by hand) leaves the CCP's settings unchanged.
      ccps: (cqcs.length === 0 ? [] : (titre.ccps ?? [])).map((c, index) => {
        const typed = cqcs[index] ?? BLANK_TYPED;
        const cqc = ccpCqc(
          index,
          typed.cqcQualification,
          typed.cqcTrainingType,
          typed.cqcEducationNationale,
        );
        Object.assign(checks, cqc.checks);
        return { code: c.code, cqc: cqc.cqc };
      }),
    };
    const ctx = { req, res };
    await this.forms.submit(ctx, {
      dto: UpdateTitreDto,
      plain,
      checks,
      required: ['validUntil'],
      rules: [
        prolongationUntilError(plain.validUntil, plain.prolongationUntil),
        juryRequirementsError(plain.juryRequirements as JuryRequirements | null),
      ],
      labels: LABELS,
      work: (dto) => this.titres.update(caller, id, dto),
      done: { to: '/titres', flash: 'titre-updated' },
      again: (refusal) =>
        this.renderEdit(
          ctx,
          titre,
          { values: typedValues([...EDIT_SPECS, ...CQC_SPECS], body), ...refusal },
          cqcs,
        ),
    });
  }

  private renderEdit(
    ctx: PageContext,
    titre: Titre,
    state: FormState,
    typedCqc: ReturnType<typeof typedCcpCqc>,
  ): Promise<void> {
    const ccpRowsOfTitre: EditCcpRow[] = (titre.ccps ?? []).map((c, index) => ({
      index: index + 1,
      code: c.code,
      label: c.label,
      kind: CCP_KIND_LABELS[c.kind],
      ...ccpCqcChoices(typedCqc[index] ?? BLANK_TYPED),
      errors: rowErrors(state.errors, index),
    }));
    this.forms.render(
      ctx,
      {
        view: 'reference/titre-edit',
        title: `Dates, convocation et CQC du titre ${titre.code} (${titre.version})`,
        section: 'titres',
      },
      {
        titre: { id: titre.id, code: titre.code, version: titre.version, label: titre.label },
        form: formView([...EDIT_SPECS, ...CQC_SPECS], state.values, state.errors),
        ccpRows: ccpRowsOfTitre,
      },
      state.status,
    );
    return Promise.resolve();
  }

  private async render(
    ctx: PageContext,
    state: FormState,
    typedCcps: TypedCcp[],
    query: Record<string, unknown> = {},
  ): Promise<void> {
    const titres = await this.titres.list();
    const { rows: shown, list } = listPage('/titres', TITRE_LIST, query, titres, {
      sortValue: {
        code: (t) => t.code,
        version: (t) => t.version,
        label: (t) => t.label,
        validUntil: (t) => t.validUntil,
        prolongationUntil: (t) => prolongationEnd(t),
      },
      searchText: (t) =>
        [t.code, t.version, t.label, ...(t.ccps ?? []).map((c) => `${c.code} ${c.label}`)].join(
          ' ',
        ),
    });
    this.forms.render(
      ctx,
      { view: 'reference/titres', title: 'Titres professionnels', section: 'titres' },
      {
        form: formView([...SPECS, ...CQC_SPECS], state.values, state.errors),
        ccpError: state.errors?.ccps ?? null,
        ccpRows: ccpRows(typedCcps, state.errors),
        list,
        titres: shown.map((t) => ({
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
            (c) =>
              `${c.code} — ${c.label}${c.kind === 'CCS' ? ' (CCS)' : ''}${c.cqc ? ` (donne la CQC : ${cqcDescription(c.cqc)})` : ''}`,
          ),
          cqc: t.cqc ? cqcDescription(t.cqc) : null,
        })),
      },
      state.status,
    );
  }
}
