import { Body, Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
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
  UpdateAvenantDto,
  UpdateConventionDto,
  UpdateProviderDto,
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
import {
  attempt,
  checked,
  integer,
  nullableText,
  optionalText,
  text,
  texts,
  type FormBody,
} from './form-input.js';
import { FormPages } from './form-pages.js';
import type { ListDefinition, ListView } from '../lists/list-params.js';
import { listPage } from '../lists/list-query.js';
import {
  freshForm,
  typedValues,
  type FormContext,
  type FormState,
  type FormValues,
} from './form-support.js';

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
    ...conventionFields(titres),
  ];
}

/** The fields of a convention itself (its organisme chosen apart, or fixed when it is edited). */
function conventionFields(titres: readonly Titre[]): FieldSpec[] {
  return [
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
    ...AVENANT_FIELDS,
  ];
}

/** The fields of an avenant itself. */
const AVENANT_FIELDS: FieldSpec[] = [
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

const EMPTY = freshForm();

/** What a delete form of the page asks to confirm. */
const CONFIRM_MESSAGE = 'Cochez la case de confirmation pour supprimer : rien n’a été supprimé.';

/** The form of the page shown again after an error: an edit or a delete form of one item. */
interface ItemForm {
  /** `edit` or `delete`, then the item's id. */
  key: string;
  state: FormState;
}

/** An item's edit form: its DTO and plain values, its fields, its update and its message. */
interface ItemEdit<T extends object> {
  dto: new () => T;
  plain: object;
  specs: readonly FieldSpec[];
  work: (dto: T) => Promise<unknown>;
  flash: string;
}

/** The providers page of a centre, where every form of this controller goes back. */
function providersPage(centreId: string): string {
  return `/centres/${centreId}/providers`;
}

function providerValues(p: ProviderView): FormValues {
  return { name: p.name, siret: p.siret ?? '', address: p.address, contact: p.contact };
}

function conventionValues(c: ProviderView['conventions'][number]): FormValues {
  return {
    signedOn: c.signedOn,
    effectiveFrom: c.effectiveFrom,
    sentToPrefectOn: c.sentToPrefectOn ?? '',
    titreIds: c.titreIds,
    certifications: c.certifications,
    registrationTerms: c.registrationTerms,
    forecastCurrentYear: String(c.forecastCurrentYear),
    forecastNextYear: String(c.forecastNextYear),
  };
}

function avenantValues(a: ProviderView['conventions'][number]['avenants'][number]): FormValues {
  return {
    year: String(a.year),
    forecastCount: String(a.forecastCount),
    sentToPrefectOn: a.sentToPrefectOn ?? '',
  };
}

/** What deleting a provider removes, or why it will be refused (the service's 409). */
function providerRemoval(p: ProviderView, trained: number): string {
  if (trained > 0) {
    return `${plural(trained, 'candidat inscrit le désigne', 'candidats inscrits le désignent')} comme organisme de formation : la suppression sera refusée tant que ${trained > 1 ? 'leur fiche le cite' : 'sa fiche le cite'}.`;
  }
  const avenants = p.conventions.reduce((sum, c) => sum + c.avenants.length, 0);
  const conventions = p.conventions.length;
  return conventions === 0
    ? 'L’organisme sera supprimé ; il n’a aucune convention.'
    : `L’organisme sera supprimé avec ${plural(conventions, 'convention', 'conventions')} et ${avenants === 0 ? 'aucun avenant' : plural(avenants, 'avenant', 'avenants')}.`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count > 1 ? many : one}`;
}

/** The providers list's sortable criteria (`?sort=`), by name first. */
export const PROVIDER_LIST: ListDefinition<'name' | 'siret' | 'contact' | 'conventions'> = {
  columns: {
    name: 'Nom',
    siret: 'SIRET',
    contact: 'Contact',
    conventions: 'Nombre de conventions',
  },
  defaultSort: 'name',
  defaultDir: 'asc',
};

interface ProviderCard {
  name: string;
  siret: string;
  contact: string;
  address: string;
  conventions: readonly unknown[];
}

/** The providers' cards filtered and sorted by the query, and the list's links. */
function providerList<Row extends ProviderCard>(
  centreId: string,
  query: Record<string, unknown>,
  rows: readonly Row[],
): { providers: Row[]; list: ListView; sortLinks: object[] } {
  const page = listPage(providersPage(centreId), PROVIDER_LIST, query, rows, {
    sortValue: {
      name: (r) => r.name,
      siret: (r) => r.siret,
      contact: (r) => r.contact,
      conventions: (r) => r.conventions.length,
    },
    searchText: (r) => [r.name, r.siret, r.contact, r.address].join(' '),
  });
  // Cards have no column headers: the sort links say which order is on, in words.
  const sortLinks = Object.values(page.list.columns).map((header) => ({
    ...header,
    current: header.ariaSort !== 'none',
    currentLabel:
      header.ariaSort === 'ascending'
        ? 'ordre croissant'
        : header.ariaSort === 'descending'
          ? 'ordre décroissant'
          : '',
  }));
  return { providers: page.rows, list: page.list, sortLinks };
}

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
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    await this.render({ req, res, caller }, id, EMPTY, EMPTY, EMPTY, null, query);
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
      done: { to: providersPage(id), flash: 'provider-created' },
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
      done: { to: providersPage(id), flash: 'convention-created' },
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
      done: { to: providersPage(id), flash: 'avenant-created' },
      again: (refusal) =>
        this.render(ctx, id, EMPTY, EMPTY, {
          values: typedValues(avenantSpecs(providers), body),
          ...refusal,
        }),
    });
  }

  @Post(':providerId/edit')
  async editProvider(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('providerId') providerId: string,
    @Body() body: FormBody,
  ): Promise<void> {
    await this.edit({ req, res, caller }, id, providerId, body, {
      dto: UpdateProviderDto,
      plain: {
        name: text(body, 'name'),
        siret: nullableText(body, 'siret'),
        address: text(body, 'address'),
        contact: text(body, 'contact'),
      },
      specs: PROVIDER_SPECS,
      work: (dto) => this.providers.update(caller, id, providerId, dto),
      flash: 'provider-updated',
    });
  }

  @Post(':providerId/delete')
  async removeProvider(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('providerId') providerId: string,
    @Body() body: FormBody,
  ): Promise<void> {
    await this.remove({ req, res, caller }, id, providerId, body, 'provider-deleted', () =>
      this.providers.remove(caller, id, providerId),
    );
  }

  @Post(':providerId/conventions/:conventionId/edit')
  async editConvention(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('providerId') providerId: string,
    @UuidParam('conventionId') conventionId: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const titres = await this.titres.list();
    await this.edit({ req, res, caller }, id, conventionId, body, {
      dto: UpdateConventionDto,
      plain: {
        signedOn: text(body, 'signedOn'),
        effectiveFrom: text(body, 'effectiveFrom'),
        sentToPrefectOn: nullableText(body, 'sentToPrefectOn'),
        titreIds: texts(body, 'titreIds'),
        certifications: text(body, 'certifications'),
        registrationTerms: text(body, 'registrationTerms'),
        forecastCurrentYear: integer(body, 'forecastCurrentYear'),
        forecastNextYear: integer(body, 'forecastNextYear'),
      },
      specs: conventionFields(titres),
      work: (dto) => this.providers.updateConvention(caller, id, providerId, conventionId, dto),
      flash: 'convention-updated',
    });
  }

  @Post(':providerId/conventions/:conventionId/delete')
  async removeConvention(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('providerId') providerId: string,
    @UuidParam('conventionId') conventionId: string,
    @Body() body: FormBody,
  ): Promise<void> {
    await this.remove({ req, res, caller }, id, conventionId, body, 'convention-deleted', () =>
      this.providers.removeConvention(caller, id, providerId, conventionId),
    );
  }

  @Post(':providerId/conventions/:conventionId/avenants/:avenantId/edit')
  async editAvenant(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('providerId') providerId: string,
    @UuidParam('conventionId') conventionId: string,
    @UuidParam('avenantId') avenantId: string,
    @Body() body: FormBody,
  ): Promise<void> {
    await this.edit({ req, res, caller }, id, avenantId, body, {
      dto: UpdateAvenantDto,
      plain: {
        year: integer(body, 'year'),
        forecastCount: integer(body, 'forecastCount'),
        sentToPrefectOn: nullableText(body, 'sentToPrefectOn'),
      },
      specs: AVENANT_FIELDS,
      work: (dto) =>
        this.providers.updateAvenant(caller, id, providerId, conventionId, avenantId, dto),
      flash: 'avenant-updated',
    });
  }

  @Post(':providerId/conventions/:conventionId/avenants/:avenantId/delete')
  async removeAvenant(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('providerId') providerId: string,
    @UuidParam('conventionId') conventionId: string,
    @UuidParam('avenantId') avenantId: string,
    @Body() body: FormBody,
  ): Promise<void> {
    await this.remove({ req, res, caller }, id, avenantId, body, 'avenant-deleted', () =>
      this.providers.removeAvenant(caller, id, providerId, conventionId, avenantId),
    );
  }

  /**
   * An edit form of an item (provider, convention, avenant): the API's DTO and the service's
   * update, then back to the page; refused, the item's edit section open again with what was typed.
   */
  private edit<T extends object>(
    ctx: FormContext,
    centreId: string,
    itemId: string,
    body: FormBody,
    form: ItemEdit<T>,
  ): Promise<void> {
    return this.forms.submit(ctx, {
      dto: form.dto,
      plain: form.plain,
      labels: LABELS,
      work: form.work,
      done: { to: providersPage(centreId), flash: form.flash },
      again: (refusal) =>
        this.renderItem(ctx, centreId, `edit ${itemId}`, typedValues(form.specs, body), refusal),
    });
  }

  /**
   * A delete form: refused without its confirmation box, then the service's refusal (a provider
   * still named by candidates: 409) shown in the item's delete section.
   */
  private async remove(
    ctx: FormContext,
    centreId: string,
    itemId: string,
    body: FormBody,
    flash: string,
    work: () => Promise<void>,
  ): Promise<void> {
    const key = `delete ${itemId}`;
    if (!checked(body, 'confirm')) {
      await this.renderItem(
        ctx,
        centreId,
        key,
        {},
        {
          errors: { confirm: CONFIRM_MESSAGE },
          status: 400,
        },
      );
      return;
    }
    const result = await attempt(work, LABELS);
    if (!result.ok) {
      await this.renderItem(ctx, centreId, key, {}, result);
      return;
    }
    this.forms.redirect(ctx.res, { to: providersPage(centreId), flash });
  }

  private renderItem(
    ctx: FormContext,
    centreId: string,
    key: string,
    values: FormValues,
    refusal: { errors: Record<string, string>; status: number },
  ): Promise<void> {
    const state = { values, errors: refusal.errors, status: refusal.status };
    return this.render(ctx, centreId, EMPTY, EMPTY, EMPTY, { key, state });
  }

  private async render(
    ctx: FormContext,
    centreId: string,
    provider: FormState,
    convention: FormState,
    avenant: FormState,
    item: ItemForm | null = null,
    query: Record<string, unknown> = {},
  ): Promise<void> {
    const caller = ctx.caller;
    const [centre, providers, titres, trained] = await Promise.all([
      this.centres.get(caller, centreId),
      this.providers.list(caller, centreId),
      this.titres.list(),
      this.providers.trainedCounts(caller, centreId),
    ]);
    const editSpecs = conventionFields(titres);
    const writable = canWriteCentre(caller, centreId);
    /** Whether the refused item's form is on the page (it may be gone, or read-only). */
    let shownOnItem = false;
    /** The address of an item of the page: provider, convention, avenant. */
    const base = (providerId: string, conventionId?: string, avenantId?: string) =>
      [
        `${providersPage(centreId)}/${providerId}`,
        conventionId ? `/conventions/${conventionId}` : '',
        avenantId ? `/avenants/${avenantId}` : '',
      ].join('');
    /** An item's edit form: its stored values, or what was typed when it was refused. */
    const editForm = (
      itemId: string,
      specs: FieldSpec[],
      stored: FormValues,
      prefix: string,
      action: string,
    ) => {
      const shown = item?.key === `edit ${itemId}` ? item.state : null;
      shownOnItem ||= shown !== null;
      return {
        open: shown !== null,
        action: `${action}/edit`,
        form: formView(specs, shown?.values ?? stored, shown?.errors ?? null, prefix),
      };
    };
    /** An item's delete form: open with its refusal (no confirmation, or still in use). */
    const deleteForm = (
      itemId: string,
      prefix: string,
      action: string,
      what: string,
      text: string,
    ) => {
      const shown = item?.key === `delete ${itemId}` ? item.state : null;
      shownOnItem ||= shown !== null;
      const errors = shown?.errors ?? null;
      return {
        open: shown !== null,
        action: `${action}/delete`,
        what,
        text,
        form: formView([], {}, errors, prefix),
        confirmId: `${prefix}-confirm`,
      };
    };
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
        writable,
        source: CONVENTION_SOURCES.WRITTEN_CONVENTION,
        avenantSource: CONVENTION_SOURCES.ANNUAL_AVENANT,
        ...providerList(
          centreId,
          query,
          providers.map((p, pi) => ({
            id: p.id,
            name: p.name,
            siret: p.siret ?? '',
            address: p.address,
            contact: p.contact,
            edit: editForm(p.id, PROVIDER_SPECS, providerValues(p), `pe${pi}`, base(p.id)),
            remove: deleteForm(
              p.id,
              `pd${pi}`,
              base(p.id),
              `l’organisme ${p.name}`,
              providerRemoval(p, trained.get(p.id) ?? 0),
            ),
            conventions: p.conventions.map((c, ci) => {
              const nextYear = year + 1;
              const due =
                avenantRequired(c.signedOn, nextYear) &&
                !c.avenants.some((a) => a.year === nextYear && a.sentToPrefectOn !== null);
              return {
                id: c.id,
                edit: editForm(
                  c.id,
                  editSpecs,
                  conventionValues(c),
                  `ce${pi}-${ci}`,
                  base(p.id, c.id),
                ),
                remove: deleteForm(
                  c.id,
                  `cd${pi}-${ci}`,
                  base(p.id, c.id),
                  `la convention signée le ${fr(c.signedOn)}`,
                  c.avenants.length === 0
                    ? 'La convention sera supprimée ; elle n’a aucun avenant. L’organisme et ses candidats restent.'
                    : `La convention sera supprimée avec ${plural(c.avenants.length, 'avenant', 'avenants')} ; l’organisme et ses candidats restent.`,
                ),
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
                avenants: c.avenants.map((a, ai) => ({
                  id: a.id,
                  edit: editForm(
                    a.id,
                    AVENANT_FIELDS,
                    avenantValues(a),
                    `ae${pi}-${ci}-${ai}`,
                    base(p.id, c.id, a.id),
                  ),
                  remove: deleteForm(
                    a.id,
                    `ad${pi}-${ci}-${ai}`,
                    base(p.id, c.id, a.id),
                    `l’avenant ${a.year}`,
                    'L’avenant sera supprimé ; la convention reste.',
                  ),
                  year: a.year,
                  forecastCount: a.forecastCount,
                  sentToPrefectOn: a.sentToPrefectOn === null ? null : fr(a.sentToPrefectOn),
                  late: a.sentToPrefectOn !== null && a.sentToPrefectOn > avenantDueDate(a.year),
                })),
              };
            }),
          })),
        ),
        // After the items: the refusal of a form whose item is not shown (deleted meanwhile).
        itemForm:
          item !== null && !(shownOnItem && writable)
            ? formView([], {}, item.state.errors, 'i')
            : null,
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
      Math.max(provider.status, convention.status, avenant.status, item?.state.status ?? 200),
    );
  }
}
