import { memo, useDeferredValue, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { graphql } from '../gql';
import type { ItemCondition, SearchListingsQuery, SearchListingsQueryVariables } from '../gql/graphql';
import { CategoryTreeQuery } from '../graphql/categories';
import { ListingCard } from '../listings/ListingCard';
import { conditionLabel, formatListingCount } from '../listings/format';
import { PageTitle } from '../ui/PageTitle';
import { PlacePicker, placeLabel, type PickedPlace } from '../ui/PlacePicker';
import { SearchBox, type Suggestion } from './SearchBox';
import { searchErrorMessage } from './searchErrors';
import {
  CONDITIONS,
  RADII,
  effectiveOrder,
  emptySearch,
  isFiltered,
  parseSearchState,
  searchParamsOf,
  shownOrder,
  toggle,
  type SearchOrder,
  type SearchState,
} from './searchState';
import '../listings/listingCard.css';
import './search.css';

const PAGE_SIZE = 24;
/** The cards a desktop shows without scrolling (a phone: the first two): their photos load at once, the first row first. */
const ABOVE_THE_FOLD = 4;
/** The item types offered as chips above the results: the largest few, not the hundreds a broad search spans. */
const ITEM_TYPE_CHIPS = 12;

const PlaceByIdQuery = graphql(`
  query PlaceById($id: ID!) {
    node(id: $id) {
      __typename
      ... on Place {
        ...PlaceOption
      }
    }
  }
`);

const ItemTypeBySlugQuery = graphql(`
  query ItemTypeBySlug($slug: String!) {
    itemType(slug: $slug) {
      id
      slug
      label
    }
  }
`);

const SearchListingsQueryDocument = graphql(`
  query SearchListings(
    $query: String
    $near: NearInput
    $where: ListingFilterInput
    $order: ListingSearchOrder
    $first: Int
    $after: String
    $withCounts: Boolean!
    $itemTypeChips: Int!
  ) {
    searchListings(query: $query, near: $near, where: $where, order: $order, first: $first, after: $after) {
      totalCount @include(if: $withCounts)
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        distanceKm
        node {
          ...ListingCard
        }
      }
      facets @include(if: $withCounts) {
        categories {
          category {
            id
            slug
            label
          }
          count
        }
        conditions {
          condition
          count
        }
        itemTypes(first: $itemTypeChips) {
          itemType {
            id
            slug
            label
          }
          count
        }
      }
    }
  }
`);

type SearchResult = SearchListingsQuery['searchListings'];
type Facets = NonNullable<SearchResult['facets']>;

/** What the first page tells about the whole result set; « Voir plus » pages do not ask for it again. */
interface ResultSummary {
  totalCount: number;
  facets: Facets;
}
interface ItemTypeRef {
  id: string;
  slug: string;
  label: string;
}

/** The item types of the address (kept by slug), resolved to ids; null until they all are. Unknown slugs map to null. */
function useItemTypes(slugs: readonly string[]): Map<string, ItemTypeRef | null> | null {
  const client = useClient();
  const key = slugs.join(',');
  const [resolved, setResolved] = useState<{ key: string; types: Map<string, ItemTypeRef | null> }>({ key: '', types: new Map() });
  useEffect(() => {
    if (!key) return;
    let current = true;
    void Promise.all(key.split(',').map((slug) => client.query(ItemTypeBySlugQuery, { slug }).toPromise())).then((results) => {
      if (!current) return;
      const types = new Map<string, ItemTypeRef | null>();
      key.split(',').forEach((slug, i) => types.set(slug, results[i].data?.itemType ?? null));
      setResolved({ key, types });
    });
    return () => {
      current = false;
    };
  }, [client, key]);
  if (!key) return new Map();
  return resolved.key === key ? resolved.types : null;
}

export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseSearchState(params), [params]);
  // The address is the search's only state: the filters below are controlled by it, which works because a navigation
  // renders at once (main.tsx), so a clicked checkbox shows its new state in the same event.
  const update = (patch: Partial<SearchState>) => setParams(searchParamsOf({ ...state, ...patch }));

  // The box holds what is being typed; it follows the address when that changes (back button, a picked suggestion).
  const [text, setText] = useState(state.q);
  const [syncedQ, setSyncedQ] = useState(state.q);
  if (state.q !== syncedQ) {
    setSyncedQ(state.q);
    setText(state.q);
  }

  // The place picker shows a Place; the address holds its id. A remount (new key) shows a place the address brought.
  const [picked, setPicked] = useState<PickedPlace | null>(null);
  const [pickerKey, setPickerKey] = useState(0);
  const placeToLoad = state.place !== null && picked?.id !== state.place ? state.place : null;
  const [placeResult] = useQuery({ query: PlaceByIdQuery, variables: { id: placeToLoad ?? '' }, pause: !placeToLoad });
  const loadedPlace = placeResult.data?.node?.__typename === 'Place' ? placeResult.data.node : null;
  if (placeToLoad && loadedPlace && loadedPlace.id === placeToLoad) {
    setPicked(loadedPlace);
    setPickerKey((k) => k + 1);
  }
  if (!state.place && picked) {
    setPicked(null);
    setPickerKey((k) => k + 1);
  }

  const [categoriesResult] = useQuery({ query: CategoryTreeQuery });
  const categories = categoriesResult.data?.categories;
  const category = useMemo(() => {
    if (!state.category || !categories) return null;
    for (const top of categories) {
      if (top.slug === state.category) return { id: top.id, label: top.label, top, sub: null };
      const sub = top.children.find((c) => c.slug === state.category);
      if (sub) return { id: sub.id, label: sub.label, top, sub };
    }
    return null;
  }, [categories, state.category]);
  const unknownCategory = Boolean(state.category && categories && !category);

  const itemTypes = useItemTypes(state.itemTypes);
  const knownItemTypes = itemTypes ? [...itemTypes.values()].filter((t): t is ItemTypeRef => t !== null) : [];
  const unknownItemTypes = itemTypes ? state.itemTypes.filter((slug) => !itemTypes.get(slug)) : [];

  // The search waits for what the address names by slug to be resolved, so that it never shows unfiltered results.
  const ready = (!state.category || Boolean(categories)) && itemTypes !== null;
  // What makes one search (the pages of one search share these).
  const variables: Omit<SearchListingsQueryVariables, 'after' | 'withCounts' | 'itemTypeChips'> = {
    query: state.q.trim() || undefined,
    near: state.place ? { placeId: state.place, radiusKm: state.radius } : undefined,
    where: {
      categoryIds: category ? [category.id] : undefined,
      conditions: state.conditions.length ? state.conditions : undefined,
      itemTypeIds: knownItemTypes.length ? knownItemTypes.map((t) => t.id) : undefined,
    },
    order: effectiveOrder(state),
    first: PAGE_SIZE,
  };
  const searchKey = JSON.stringify(variables);
  const [more, setMore] = useState<{ key: string; after: string } | null>(null);
  const after = more?.key === searchKey ? more.after : undefined;
  // The counts and facets describe the whole result set: the first page brings them, the next ones only listings.
  const [{ data, fetching, error }] = useQuery({
    query: SearchListingsQueryDocument,
    variables: { ...variables, after, withCounts: !after, itemTypeChips: ITEM_TYPE_CHIPS },
    pause: !ready,
  });

  // The results also wait for the name of the address's place, asked for alongside them: the count line names it, and
  // a line that grows above the results once they are shown would push them down the screen.
  const placePending = placeToLoad !== null && placeResult.fetching;
  const loading = fetching || !ready || placePending;
  const arrived = placePending ? undefined : data?.searchListings;

  // While another search loads, the previous results stay (dimmed) rather than the page emptying.
  const lastResult = useRef<SearchResult | null>(null);
  const lastSummary = useRef<ResultSummary | null>(null);
  if (arrived) lastResult.current = arrived;
  if (arrived?.totalCount != null && arrived.facets) lastSummary.current = { totalCount: arrived.totalCount, facets: arrived.facets };
  const result = error ? null : (arrived ?? (loading ? lastResult.current : null));
  const summary = result ? lastSummary.current : null;
  const errorMessage = searchErrorMessage(error);
  // The cards render in a transition, in slices that leave the main thread free between them (24 cards at once held a
  // phone's main thread for a few hundred milliseconds); the page stays busy until they have caught up.
  const shownEdges = useDeferredValue(result?.edges ?? null);
  const cardsCaughtUp = shownEdges === (result?.edges ?? null);
  const busy = loading || !cardsCaughtUp;

  function submit(event: FormEvent) {
    event.preventDefault();
    update({ q: text });
  }

  function pickSuggestion(suggestion: Suggestion) {
    if (suggestion.kind === 'CATEGORY' && suggestion.category) {
      setText('');
      update({ q: '', category: suggestion.category.slug });
    } else {
      setText(suggestion.text);
      update({ q: suggestion.text });
    }
  }

  const placeName = picked ? placeLabel(picked) : null;
  return (
    <section className="page search-page">
      <PageTitle title={state.q ? `« ${state.q} » — Annonces` : 'Annonces'}>Trouver un objet à échanger</PageTitle>
      <form className="search-form card" role="search" aria-label="Rechercher des annonces" onSubmit={submit}>
        <SearchBox value={text} onChange={setText} onPick={pickSuggestion} />
        <div className="search-where">
          <PlacePicker
            key={pickerKey}
            label="Où ?"
            value={picked}
            onChange={(place) => {
              setPicked(place);
              update({ place: place?.id ?? null });
            }}
          />
          <div className="field search-radius">
            <label htmlFor="search-radius">Rayon</label>
            <select
              id="search-radius"
              value={state.radius}
              disabled={!state.place}
              title={state.place ? undefined : 'Choisissez d’abord un lieu'}
              onChange={(e) => update({ radius: Number(e.target.value) })}
            >
              {RADII.map((r) => (
                <option key={r} value={r}>
                  {r} km
                </option>
              ))}
            </select>
          </div>
        </div>
        <button type="submit" className="button button-primary search-submit">
          Rechercher
        </button>
      </form>

      <div className="search-layout">
        <Filters state={state} update={update} facets={summary?.facets ?? null} categories={categories ?? []} topSlug={category?.top.slug ?? null} />

        {/* data-search names the address these results are for: tests wait on it rather than on timing. */}
        <section className="search-results" aria-labelledby="results-heading" aria-busy={busy} data-search={params.toString()}>
          <h2 id="results-heading" className="sr-only">
            Résultats
          </h2>
          {unknownCategory && <p className="alert alert-error">Cette catégorie n’existe pas : elle est ignorée.</p>}
          {unknownItemTypes.length > 0 && <p className="alert alert-error">Un type d’objet demandé n’existe pas : il est ignoré.</p>}
          {errorMessage && (
            <div role="alert" className="alert alert-error search-error">
              <p>{errorMessage}</p>
            </div>
          )}
          <div className="results-head">
            <p role="status" className="results-count">
              {summary ? (
                <>
                  <strong>{formatListingCount(summary.totalCount)}</strong>
                  {placeName && ` à moins de ${state.radius} km de ${placeName}`}
                </>
              ) : loading && !errorMessage ? (
                'Recherche en cours…'
              ) : null}
            </p>
            {isFiltered(state) && (
              <Link to="/" className="button-link">
                Tout effacer
              </Link>
            )}
          </div>

          <ItemTypeChips state={state} update={update} facets={summary?.facets ?? null} selected={knownItemTypes} />

          {shownEdges && shownEdges.length > 0 && <ResultCards edges={shownEdges} withDistance={Boolean(state.place)} stale={loading && !after} />}
          {summary && summary.totalCount === 0 && !loading && <NoResults state={state} update={update} />}
          {/* Below the cards, so shown with them: before them, it would be pushed down the screen as they appear. */}
          {result?.pageInfo.hasNextPage && cardsCaughtUp && (
            <div className="results-more">
              <p className="field-hint">
                {result.edges.length}
                {summary && ` sur ${summary.totalCount}`}
              </p>
              <button
                type="button"
                className="button"
                disabled={fetching}
                onClick={() => setMore({ key: searchKey, after: result.pageInfo.endCursor! })}
              >
                {fetching && after ? 'Chargement…' : 'Voir plus'}
              </button>
            </div>
          )}
        </section>
      </div>
    </section>
  );
}

type ResultEdge = SearchResult['edges'][number];

/** The grid of result cards: memoised, so that it renders again only when its cards change (see useDeferredValue). */
const ResultCards = memo(function ResultCards({ edges, withDistance, stale }: { edges: ResultEdge[]; withDistance: boolean; stale: boolean }) {
  return (
    <ul className={`listing-grid${stale ? ' is-stale' : ''}`}>
      {edges.map((edge, index) => (
        <li key={edge.node.id}>
          <ListingCard
            listing={edge.node}
            distanceKm={withDistance ? edge.distanceKm : null}
            photo={index < 2 ? 'first' : index < ABOVE_THE_FOLD ? 'visible' : undefined}
          />
        </li>
      ))}
    </ul>
  );
});

interface FiltersProps {
  state: SearchState;
  update(patch: Partial<SearchState>): void;
  facets: Facets | null;
  categories: { id: string; slug: string; label: string; children: { id: string; slug: string; label: string }[] }[];
  topSlug: string | null;
}

function Filters({ state, update, facets, categories, topSlug }: FiltersProps) {
  const top = categories.find((c) => c.slug === topSlug) ?? null;
  const subCounts = new Map(facets?.categories.map((f) => [f.category.slug, f.count]) ?? []);
  const conditionCounts = new Map<ItemCondition, number>(facets?.conditions.map((f) => [f.condition, f.count]) ?? []);
  const order = shownOrder(state);
  const filterCount = (topSlug ? 1 : 0) + state.conditions.length;
  // Open beside the results on a wide screen; folded on a phone, where it would push the results out of sight.
  const [open, setOpen] = useState(() => !window.matchMedia('(max-width: 860px)').matches);
  return (
    <details className="search-filters card" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Filtres et tri{filterCount > 0 && <span className="filter-count"> ({filterCount})</span>}
      </summary>
      <div className="filters-body">
        <div className="field">
          <label htmlFor="search-order">Trier par</label>
          <select id="search-order" value={order} onChange={(e) => update({ order: e.target.value as SearchOrder })}>
            {state.q.trim() && <option value="relevance">Pertinence</option>}
            <option value="newest">Plus récentes</option>
            {state.place && <option value="distance">Distance</option>}
          </select>
        </div>
        <div className="field">
          <label htmlFor="search-category">Catégorie</label>
          <select id="search-category" value={topSlug ?? ''} onChange={(e) => update({ category: e.target.value || null, itemTypes: [] })}>
            <option value="">Toutes les catégories</option>
            {categories.map((c) => (
              <option key={c.id} value={c.slug}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        {top && (
          <div className="field">
            <label htmlFor="search-subcategory">Sous-catégorie</label>
            <select
              id="search-subcategory"
              value={state.category !== top.slug ? (state.category ?? '') : ''}
              onChange={(e) => update({ category: e.target.value || top.slug, itemTypes: [] })}
            >
              <option value="">Toute la catégorie</option>
              {top.children.map((c) => (
                <option key={c.id} value={c.slug}>
                  {c.label}
                  {subCounts.has(c.slug) ? ` (${subCounts.get(c.slug)})` : ''}
                </option>
              ))}
            </select>
          </div>
        )}
        <fieldset className="field filter-conditions">
          <legend>État</legend>
          {CONDITIONS.map((condition) => {
            const checked = state.conditions.includes(condition);
            // Counts describe the current results: once conditions are chosen, others would all read 0.
            const count = state.conditions.length === 0 ? (conditionCounts.get(condition) ?? 0) : null;
            return (
              <label key={condition} className="check">
                <input type="checkbox" checked={checked} onChange={() => update({ conditions: toggle(state.conditions, condition) })} />
                <span>{conditionLabel(condition)}</span>
                {count !== null && facets && <span className="facet-count">{count}</span>}
              </label>
            );
          })}
        </fieldset>
      </div>
    </details>
  );
}

interface ItemTypeChipsProps {
  state: SearchState;
  update(patch: Partial<SearchState>): void;
  facets: Facets | null;
  selected: ItemTypeRef[];
}

/** The chosen item types, then the largest others of the results, up to ITEM_TYPE_CHIPS chips. */
function ItemTypeChips({ state, update, facets, selected }: ItemTypeChipsProps) {
  const largest = facets?.itemTypes ?? [];
  const counts = new Map(largest.map((f) => [f.itemType.slug, f.count]));
  const shown: ItemTypeRef[] = [...selected];
  for (const facet of largest) {
    if (shown.length >= ITEM_TYPE_CHIPS) break;
    if (!shown.some((t) => t.slug === facet.itemType.slug)) shown.push(facet.itemType);
  }
  if (shown.length === 0 || (largest.length < 2 && selected.length === 0)) return null;
  return (
    <div className="type-chips" role="group" aria-label="Types d’objet">
      {shown.map((type) => {
        const pressed = state.itemTypes.includes(type.slug);
        return (
          <button
            key={type.slug}
            type="button"
            className={`type-chip${pressed ? ' is-pressed' : ''}`}
            aria-pressed={pressed}
            onClick={() => update({ itemTypes: toggle(state.itemTypes, type.slug) })}
          >
            {type.label}
            {counts.has(type.slug) && <span className="facet-count">{counts.get(type.slug)}</span>}
          </button>
        );
      })}
    </div>
  );
}

function NoResults({ state, update }: { state: SearchState; update(patch: Partial<SearchState>): void }) {
  const wider = RADII.find((r) => r > state.radius);
  const filtered = state.category || state.conditions.length || state.itemTypes.length;
  return (
    <div className="no-results card">
      <h3>Aucune annonce ne correspond à votre recherche</h3>
      <ul>
        {state.q && <li>Vérifiez l’orthographe ou essayez un mot plus général (« vélo » plutôt que « VTT 27 pouces »).</li>}
        {state.place && wider && (
          <li>
            <button type="button" className="button-link" onClick={() => update({ radius: wider })}>
              Chercher jusqu’à {wider} km
            </button>
          </li>
        )}
        {filtered ? (
          <li>
            <button type="button" className="button-link" onClick={() => update({ category: null, conditions: [], itemTypes: [] })}>
              Retirer les filtres
            </button>
          </li>
        ) : null}
        {(state.q || state.place) && (
          <li>
            <Link to={`/?${searchParamsOf({ ...emptySearch })}`}>Voir toutes les annonces</Link>
          </li>
        )}
      </ul>
    </div>
  );
}
