import { cacheExchange, type CacheExchangeOpts, type KeyingConfig, type Resolver } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import schema from '../gql/introspection';

// Objects without an `id` (payloads, errors, connections, page info, wants…) are values embedded in their parent,
// not entities: telling the cache so up front keeps it from warning about each of them.
function embeddedTypes(): KeyingConfig {
  const keys: KeyingConfig = {};
  for (const type of schema.__schema.types) {
    if (type.kind !== 'OBJECT' || type.name.startsWith('__')) continue;
    if (['Query', 'Mutation', 'Subscription'].includes(type.name)) continue;
    const fields = 'fields' in type && Array.isArray(type.fields) ? type.fields : [];
    if (!fields.some((field: { name: string }) => field.name === 'id')) keys[type.name] = () => null;
  }
  return keys;
}

/** Mutations that change which listings a list shows: the lists are dropped and fetched again when next shown. */
const listChangingMutations = [
  'createListing',
  'archiveListing',
  'reactivateListing',
  'favoriteListing',
  'unfavoriteListing',
  'blockUser',
  'unblockUser',
];

const refetchLists: NonNullable<CacheExchangeOpts['updates']>['Mutation'] = Object.fromEntries(
  listChangingMutations.map((name) => [
    name,
    (_result, _args, cache) => {
      for (const field of cache.inspectFields('Query')) {
        if (field.fieldName === 'searchListings') cache.invalidate('Query', field.fieldKey);
      }
      const me = cache.resolve('Query', 'me');
      if (typeof me === 'string') {
        for (const field of cache.inspectFields(me)) {
          if (field.fieldName === 'listings' || field.fieldName === 'favorites') cache.invalidate(me, field.fieldKey);
        }
      }
    },
  ]),
);

/**
 * « Voir plus » asks `searchListings` for the page after `endCursor`: the pages of one search (same arguments but
 * `after`) are read back as one growing list. relayPagination merges edges and page info only, so the whole result
 * set's `totalCount` and `facets` are taken from the first page.
 */
function searchPages(): Resolver {
  const pages = relayPagination();
  return (parent, args, cache, info) => {
    const merged = pages(parent, args, cache, info) as Record<string, unknown> | undefined | null;
    if (!merged) return merged;
    const firstPageArgs = { ...args };
    delete firstPageArgs.after;
    const firstPage = cache.resolve('Query', 'searchListings', firstPageArgs);
    if (typeof firstPage !== 'string') return undefined;
    return { ...merged, totalCount: cache.resolve(firstPage, 'totalCount'), facets: cache.resolve(firstPage, 'facets') };
  };
}

export function trocCache() {
  return cacheExchange({
    schema,
    keys: embeddedTypes(),
    resolvers: { Query: { searchListings: searchPages() } },
    updates: { Mutation: refetchLists },
  });
}
