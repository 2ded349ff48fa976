import { describe, expect, it } from 'vitest';
import { effectiveOrder, emptySearch, isFiltered, parseSearchState, searchParamsOf, shownOrder, toggle } from './searchState';

describe('search state in the address', () => {
  it('reads every part of a search', () => {
    const state = parseSearchState(new URLSearchParams('q=vélo rouge&place=UGxhY2U6NjkxMjM&r=25&cat=sport-plein-air-velos&cond=good,like_new&type=velo-enfant,tricycle&order=distance'));
    expect(state).toEqual({
      q: 'vélo rouge',
      place: 'UGxhY2U6NjkxMjM',
      radius: 25,
      category: 'sport-plein-air-velos',
      conditions: ['GOOD', 'LIKE_NEW'],
      itemTypes: ['velo-enfant', 'tricycle'],
      order: 'distance',
    });
  });

  it('falls back to defaults for anything unknown or malformed', () => {
    const state = parseSearchState(new URLSearchParams('r=7&cond=broken,,NEW,new&order=cheapest&type=,&place='));
    expect(state).toEqual({ ...emptySearch, conditions: ['NEW'] });
  });

  it('round-trips through the address and leaves out defaults', () => {
    const state = { ...emptySearch, q: '  machine à café ', place: 'UGxhY2U6NjkxMjM', conditions: ['FAIR' as const], itemTypes: ['cafetiere'] };
    const params = searchParamsOf(state);
    expect(params.toString()).toBe('q=machine+%C3%A0+caf%C3%A9&place=UGxhY2U6NjkxMjM&r=10&cond=fair&type=cafetiere');
    expect(parseSearchState(params)).toEqual({ ...state, q: 'machine à café' });
    expect(searchParamsOf(emptySearch).toString()).toBe('');
    expect(isFiltered(emptySearch)).toBe(false);
    expect(isFiltered({ ...emptySearch, category: 'x' })).toBe(true);
  });

  it('keeps the radius out of the address without a place', () => {
    expect(searchParamsOf({ ...emptySearch, radius: 50 }).toString()).toBe('');
  });
});

describe('order', () => {
  it('asks for distance only with a place and relevance only with a query', () => {
    expect(effectiveOrder({ ...emptySearch, order: 'distance' })).toBeUndefined();
    expect(effectiveOrder({ ...emptySearch, order: 'distance', place: 'p' })).toBe('DISTANCE');
    expect(effectiveOrder({ ...emptySearch, order: 'relevance' })).toBeUndefined();
    expect(effectiveOrder({ ...emptySearch, order: 'relevance', q: 'vélo' })).toBe('RELEVANCE');
    expect(effectiveOrder({ ...emptySearch, order: 'newest', q: 'vélo' })).toBe('NEWEST');
  });

  it('shows the server default when nothing applies', () => {
    expect(shownOrder(emptySearch)).toBe('newest');
    expect(shownOrder({ ...emptySearch, q: 'vélo' })).toBe('relevance');
    expect(shownOrder({ ...emptySearch, order: 'distance' })).toBe('newest');
  });
});

describe('toggle', () => {
  it('adds a missing value and removes a present one', () => {
    expect(toggle(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggle(['a', 'b'], 'a')).toEqual(['b']);
  });
});

describe('search errors', async () => {
  const { CombinedError } = await import('urql');
  const { searchErrorMessage } = await import('./searchErrors');
  it('explains a refused search in French by its code', () => {
    const error = new CombinedError({ graphQLErrors: [{ message: '`query` must be at most 200 characters.', extensions: { code: 'QUERY_TOO_LONG' } }] });
    expect(searchErrorMessage(error)).toMatch(/trop longue/);
  });
  it('falls back to the server message, and to a network message', () => {
    expect(searchErrorMessage(new CombinedError({ graphQLErrors: [{ message: 'Autre chose', extensions: { code: 'XYZ' } }] }))).toBe('Autre chose');
    expect(searchErrorMessage(new CombinedError({ networkError: new Error('down') }))).toMatch(/serveur ne répond pas/);
    expect(searchErrorMessage(undefined)).toBeNull();
  });
});
