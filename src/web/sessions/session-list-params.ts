/**
 * The home page's query string (filters, view, sort, page) parsed into checked values, and back
 * into links: plain functions, unit-tested without Nest.
 */
import {
  inputDateRangeLabel,
  isInputCalendarDate,
  type CalendarDate,
} from '../../common/calendar-date.js';
import { SESSION_STATUSES, type SessionStatus } from '../../sessions/exam-session.entity.js';

export const PAGE_SIZE = 50;

export const SESSION_VIEWS = ['all', 'mine', 'late'] as const;
export type SessionListView = (typeof SESSION_VIEWS)[number];

export const SESSION_SORTS = [
  'titre',
  'nature',
  'site',
  'start',
  'manager',
  'status',
  'progress',
  'regulatory',
  'deadline',
  'overdue',
] as const;
export type SessionSort = (typeof SESSION_SORTS)[number];
export type SortDirection = 'asc' | 'desc';

export const SORT_LABELS: Record<SessionSort, string> = {
  titre: 'Titre',
  nature: 'Nature',
  site: 'Site',
  start: 'Dates',
  manager: 'Responsable',
  status: 'Statut',
  progress: 'Avancement',
  regulatory: 'Réglementaire',
  deadline: 'Prochaine échéance',
  overdue: 'En retard',
};

export interface SessionListParams {
  view: SessionListView;
  centreId: string | null;
  siteId: string | null;
  titreId: string | null;
  status: SessionStatus | null;
  /** Sessions that end on or after this date. */
  from: CalendarDate | null;
  /** Sessions that start on or before this date. */
  to: CalendarDate | null;
  sort: SessionSort;
  dir: SortDirection;
  page: number;
}

export interface ParsedSessionListParams {
  params: SessionListParams;
  /** French messages about ignored values, naming the field. */
  errors: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Query = Record<string, unknown>;

function single(query: Query, name: string): string {
  const value = query[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
}

function oneOf<T extends string>(value: string, allowed: readonly T[]): T | null {
  return (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** The sort a view starts with: « en retard d'abord » sorts by overdue count, descending. */
export function defaultSort(view: SessionListView): { sort: SessionSort; dir: SortDirection } {
  return view === 'late' ? { sort: 'overdue', dir: 'desc' } : { sort: 'start', dir: 'asc' };
}

export function parseSessionListParams(query: Query): ParsedSessionListParams {
  const errors: string[] = [];
  const view = oneOf(single(query, 'view'), SESSION_VIEWS) ?? 'all';
  const id = (name: string, label: string): string | null => {
    const value = single(query, name);
    if (value === '') return null;
    if (UUID.test(value)) return value.toLowerCase();
    errors.push(`Le filtre « ${label} » est invalide : il a été ignoré.`);
    return null;
  };
  const date = (name: string, label: string): CalendarDate | null => {
    const value = single(query, name);
    if (value === '') return null;
    if (isInputCalendarDate(value)) return value;
    errors.push(
      `Le filtre « ${label} » doit être une date (jj/mm/aaaa) ${inputDateRangeLabel()} : il a été ignoré.`,
    );
    return null;
  };
  const centreId = id('centre', 'Centre');
  const siteId = id('site', 'Site');
  const titreId = id('titre', 'Titre');
  const statusText = single(query, 'status');
  const status = statusText === '' ? null : oneOf(statusText, SESSION_STATUSES);
  if (statusText !== '' && status === null) {
    errors.push('Le filtre « Statut » est invalide : il a été ignoré.');
  }
  let from = date('from', 'Du');
  let to = date('to', 'Au');
  if (from && to && from > to) {
    errors.push('La période est inversée : « Du » doit précéder « Au ».');
    [from, to] = [to, from];
  }
  const fallback = defaultSort(view);
  const sort = oneOf(single(query, 'sort'), SESSION_SORTS) ?? fallback.sort;
  const dirText = single(query, 'dir');
  const dir: SortDirection =
    dirText === 'asc' || dirText === 'desc'
      ? dirText
      : sort === fallback.sort
        ? fallback.dir
        : 'asc';
  const pageText = single(query, 'page');
  const page = /^\d{1,6}$/.test(pageText) && Number(pageText) >= 1 ? Number(pageText) : 1;
  return {
    params: { view, centreId, siteId, titreId, status, from, to, sort, dir, page },
    errors,
  };
}

/** The query string of these parameters, defaults left out; `changes` override some of them. */
export function sessionListHref(
  params: SessionListParams,
  changes: Partial<SessionListParams> = {},
): string {
  const next = { ...params, ...changes };
  const fallback = defaultSort(next.view);
  const entries: [string, string | null][] = [
    ['view', next.view === 'all' ? null : next.view],
    ['centre', next.centreId],
    ['site', next.siteId],
    ['titre', next.titreId],
    ['status', next.status],
    ['from', next.from],
    ['to', next.to],
    ['sort', next.sort === fallback.sort && next.dir === fallback.dir ? null : next.sort],
    ['dir', next.sort === fallback.sort && next.dir === fallback.dir ? null : next.dir],
    ['page', next.page > 1 ? String(next.page) : null],
  ];
  const search = new URLSearchParams();
  for (const [name, value] of entries) if (value !== null) search.set(name, value);
  const text = search.toString();
  return text === '' ? '/sessions' : `/sessions?${text}`;
}

export interface SortHeader {
  key: SessionSort;
  label: string;
  href: string;
  /** `aria-sort` value of the column. */
  ariaSort: 'ascending' | 'descending' | 'none';
  /** What activating the link does, for screen readers. */
  hint: string;
}

/** A column header link: clicking the current sort flips its direction; back to page 1. */
export function sortHeader(params: SessionListParams, key: SessionSort): SortHeader {
  const current = params.sort === key;
  const dir: SortDirection = current && params.dir === 'asc' ? 'desc' : 'asc';
  return {
    key,
    label: SORT_LABELS[key],
    href: sessionListHref(params, { sort: key, dir, page: 1 }),
    ariaSort: current ? (params.dir === 'asc' ? 'ascending' : 'descending') : 'none',
    hint: dir === 'asc' ? 'trier par ordre croissant' : 'trier par ordre décroissant',
  };
}

export interface Pagination {
  page: number;
  pageCount: number;
  total: number;
  first: number;
  last: number;
  previousHref: string | null;
  nextHref: string | null;
}

export function pagination(params: SessionListParams, total: number): Pagination {
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(params.page, pageCount);
  return {
    page,
    pageCount,
    total,
    first: total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1,
    last: Math.min(total, page * PAGE_SIZE),
    previousHref: page > 1 ? sessionListHref(params, { page: page - 1 }) : null,
    nextHref: page < pageCount ? sessionListHref(params, { page: page + 1 }) : null,
  };
}
