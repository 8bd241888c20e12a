import { Injectable } from '@nestjs/common';
import { canWriteCentre, readableCentreIds, type Caller } from '../../common/caller.js';
import { CentresService } from '../../centres/centres.service.js';
import type { Centre } from '../../centres/centre.entity.js';
import type { Titre } from '../../titres/titre.entity.js';
import { TitresService } from '../../titres/titres.service.js';
import { UsersService, type UserView } from '../../users/users.service.js';
import { withEmpty, type FieldSpec, type Option } from './form-fields.js';

export interface ChoiceLists {
  centres: Centre[];
  titres: Titre[];
  /** Active managers and administrators who may run a session of the caller's centres. */
  managers: UserView[];
}

export function userLabel(user: Pick<UserView, 'firstName' | 'lastName' | 'email'>): string {
  const name = `${user.firstName} ${user.lastName}`.trim();
  return name === '' ? user.email : `${name} (${user.email})`;
}

export function titreLabel(titre: Pick<Titre, 'code' | 'version' | 'label'>): string {
  return `${titre.code} ${titre.version} — ${titre.label}`;
}

/** The choices of the forms' selects, always scoped to the caller's centres. */
@Injectable()
export class FormOptions {
  constructor(
    private readonly centres: CentresService,
    private readonly titres: TitresService,
    private readonly users: UsersService,
  ) {}

  async lists(caller: Caller): Promise<ChoiceLists> {
    const [centres, titres, users] = await Promise.all([
      this.centres.list(caller),
      this.titres.list(),
      this.users.list(),
    ]);
    const readable = readableCentreIds(caller);
    const managers = users.filter(
      (u) =>
        u.active &&
        u.role !== 'viewer' &&
        (u.role === 'admin' ||
          readable === null ||
          u.centreIds.some((id) => readable.includes(id))),
    );
    return { centres, titres, managers };
  }
}

export function centreOptions(caller: Caller, centres: readonly Centre[]): Option[] {
  return centres
    .filter((c) => canWriteCentre(caller, c.id))
    .map((c) => ({ value: c.id, label: c.name }));
}

/** « Centre — Site », for every site of the centres the caller may write to. */
export function siteOptions(
  caller: Caller,
  centres: readonly Centre[],
  centreId?: string,
): Option[] {
  return centres
    .filter((c) => canWriteCentre(caller, c.id) && (centreId === undefined || c.id === centreId))
    .flatMap((c) =>
      [...(c.sites ?? [])]
        .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
        .map((s) => ({ value: s.id, label: centreId ? s.name : `${c.name} — ${s.name}` })),
    );
}

export function titreOptions(titres: readonly Titre[]): Option[] {
  return titres.map((t) => ({ value: t.id, label: titreLabel(t) }));
}

export function managerOptions(managers: readonly UserView[], centreId?: string): Option[] {
  return managers
    .filter((u) => centreId === undefined || u.role === 'admin' || u.centreIds.includes(centreId))
    .map((u) => ({ value: u.id, label: userLabel(u) }));
}

/** The required « Centre » select: the centres the caller may write to. */
export function centreField(caller: Caller, centres: readonly Centre[]): FieldSpec {
  return {
    name: 'centreId',
    label: 'Centre',
    kind: 'select',
    required: true,
    options: withEmpty(centreOptions(caller, centres), 'Choisissez un centre'),
  };
}

/** The required « Site » select: « Centre — Site » for every centre the caller may write to. */
export function siteField(caller: Caller, centres: readonly Centre[], hint?: string): FieldSpec {
  return {
    name: 'siteId',
    label: 'Site',
    kind: 'select',
    required: true,
    hint,
    options: withEmpty(siteOptions(caller, centres), 'Choisissez un site'),
  };
}

/** The required « Titre professionnel » select, across the whole width of the form. */
export function titreField(titres: readonly Titre[]): FieldSpec {
  return {
    name: 'titreId',
    label: 'Titre professionnel',
    kind: 'select',
    required: true,
    options: withEmpty(titreOptions(titres), 'Choisissez un titre'),
    wide: true,
  };
}
