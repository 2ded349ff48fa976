import type { ItemCondition, ListingSearchOrder } from '../gql/graphql';

/** The radii offered next to « Où ? », in km. */
export const RADII = [5, 10, 25, 50, 100] as const;
export const DEFAULT_RADIUS = 10;
export const CONDITIONS: readonly ItemCondition[] = ['NEW', 'LIKE_NEW', 'GOOD', 'FAIR', 'FOR_PARTS'];
export type SearchOrder = 'relevance' | 'newest' | 'distance';
const ORDERS: readonly SearchOrder[] = ['relevance', 'newest', 'distance'];

/**
 * Everything a search is made of. It lives in the address (`/?q=velo&place=…&r=10&cat=…`) so that a search can be
 * shared, reloaded and reached again with the back button; categories and item types are kept by slug, which reads
 * better in an address and stays the same on every server.
 */
export interface SearchState {
  q: string;
  /** A `Place.id`. */
  place: string | null;
  radius: number;
  /** A category slug, top-level or subcategory. */
  category: string | null;
  conditions: ItemCondition[];
  /** Item type slugs. */
  itemTypes: string[];
  order: SearchOrder | null;
}

export const emptySearch: SearchState = {
  q: '',
  place: null,
  radius: DEFAULT_RADIUS,
  category: null,
  conditions: [],
  itemTypes: [],
  order: null,
};

function list(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Reads a search from the address; anything unknown or malformed falls back to its default rather than failing. */
export function parseSearchState(params: URLSearchParams): SearchState {
  const radius = Number(params.get('r'));
  const order = params.get('order');
  const conditions = list(params.get('cond'))
    .map((c) => c.toUpperCase())
    .filter((c): c is ItemCondition => (CONDITIONS as readonly string[]).includes(c));
  return {
    q: params.get('q') ?? '',
    place: params.get('place') || null,
    radius: (RADII as readonly number[]).includes(radius) ? radius : DEFAULT_RADIUS,
    category: params.get('cat') || null,
    conditions: [...new Set(conditions)],
    itemTypes: [...new Set(list(params.get('type')))],
    order: ORDERS.includes(order as SearchOrder) ? (order as SearchOrder) : null,
  };
}

/** Writes a search to the address, leaving out what is at its default so that addresses stay short. */
export function searchParamsOf(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  if (state.place) {
    params.set('place', state.place);
    params.set('r', String(state.radius));
  }
  if (state.category) params.set('cat', state.category);
  if (state.conditions.length) params.set('cond', state.conditions.map((c) => c.toLowerCase()).join(','));
  if (state.itemTypes.length) params.set('type', state.itemTypes.join(','));
  if (state.order) params.set('order', state.order);
  return params;
}

/** The order to ask for: distance needs a place and relevance a query; otherwise the server's default applies. */
export function effectiveOrder(state: SearchState): ListingSearchOrder | undefined {
  if (state.order === 'distance') return state.place ? 'DISTANCE' : undefined;
  if (state.order === 'relevance') return state.q.trim() ? 'RELEVANCE' : undefined;
  if (state.order === 'newest') return 'NEWEST';
  return undefined;
}

/** The order the select shows: what was chosen when it applies, else what the server does by default. */
export function shownOrder(state: SearchState): SearchOrder {
  const order = effectiveOrder(state);
  if (order) return order.toLowerCase() as SearchOrder;
  return state.q.trim() ? 'relevance' : 'newest';
}

/** True when the search narrows anything: the page then offers to clear it. */
export function isFiltered(state: SearchState): boolean {
  return searchParamsOf(state).toString() !== '';
}

export function toggle<T>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}
