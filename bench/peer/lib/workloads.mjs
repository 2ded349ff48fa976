// The four workloads, each as the same page asked of every engine: Troc's GraphQL operation, PostGraphile's over the
// side schema (side-schema.sql), and one hand-written SQL statement (pgbench's script; `:n` is pgbench's variable).
// `normalise*` turn each engine's answer into one shape, so that verify.mjs can tell whether they did the same work.

export const PARIS = { latitude: 48.8566, longitude: 2.3522 };
export const NEARBY_QUERY = 'vélo';
export const NEARBY_RADIUS_KM = 20;
export const SEARCH_QUERY = 'lampe';
export const PAGE = 20;

const point = `ST_SetSRID(ST_MakePoint(${PARIS.longitude}, ${PARIS.latitude}), 4326)::geography`;

/** Troc's global ids are base64url("Type:key"); the other engines return the uuid itself. */
export function uuidOf(globalId) {
  const text = Buffer.from(globalId, 'base64url').toString('utf8');
  const key = text.slice(text.indexOf(':') + 1);
  return key.length === 32 ? `${key.slice(0, 8)}-${key.slice(8, 12)}-${key.slice(12, 16)}-${key.slice(16, 20)}-${key.slice(20)}` : key;
}

/** Enum spellings differ (LIKE_NEW, LikeNew): compare letters only. */
const enumKey = (value) => (value == null ? null : String(value).replace(/_/g, '').toLowerCase());
const instant = (value) => (value == null ? null : new Date(value).toISOString());
const coordinate = (value) => Math.round(Number(value) * 1e7) / 1e7;

const card = (id, title, condition, createdAt, categorySlug, latitude, longitude, ownerName) => ({
  id, title, condition: enumKey(condition), createdAt: instant(createdAt), categorySlug,
  latitude: coordinate(latitude), longitude: coordinate(longitude), ownerName,
});

const trocCard = (n) => card(uuidOf(n.id), n.title, n.condition, n.createdAt, n.category.slug, n.location.latitude, n.location.longitude, n.owner.displayName);
const peerCard = (n) => card(n.id, n.title, n.condition, n.createdAt, n.categoryByCategoryId.slug, n.latitude, n.longitude, n.userByOwnerId.displayName);
const rawCard = (r) => card(r.id, r.title, r.condition, r.created_at, r.category_slug, r.latitude, r.longitude, r.owner_name);
const TROC_CARD = 'id title condition createdAt category { slug } location { latitude longitude } owner { displayName }';
const PEER_CARD = 'id title condition createdAt categoryByCategoryId { slug } latitude longitude userByOwnerId { displayName }';
const RAW_CARD_JSON = `json_build_object('id', l.id, 'title', l.title, 'condition', l.condition, 'created_at', l.created_at,
      'category_slug', c.slug, 'latitude', ST_Y(l.public_location::geometry), 'longitude', ST_X(l.public_location::geometry), 'owner_name', u.display_name)`;

const facets = (categories, conditions) => ({
  categories: categories.map(([slug, count]) => `${slug}=${count}`).sort(),
  conditions: conditions.map(([condition, count]) => `${enumKey(condition)}=${count}`).sort(),
});

/**
 * Each workload: `requests(ctx)` gives the bodies sent to an engine (several for varied ids, used round-robin),
 * `raw(ctx)` the pgbench script, `normalise.{troc,peer,raw}` one answer each in a common shape, and `ties` when
 * the order may differ within groups of equal distance.
 */
export const workloads = [
  {
    key: 'nearby',
    label: `nearby search: « ${NEARBY_QUERY} », ${NEARBY_RADIUS_KM} km around Paris, DISTANCE, ${PAGE} cards (id, title, condition, createdAt, category slug, location, owner displayName)`,
    ties: true,
    troc: () => [{
      query: `query Nearby($query: String!, $near: NearInput!) { searchListings(query: $query, near: $near, order: DISTANCE, first: ${PAGE}) { edges { node { ${TROC_CARD} } } } }`,
      variables: { query: NEARBY_QUERY, near: { ...PARIS, radiusKm: NEARBY_RADIUS_KM } },
    }],
    peer: () => [{
      query: `query Nearby($query: String!, $latitude: Float!, $longitude: Float!, $radiusKm: Float!) { searchNearby(query: $query, latitude: $latitude, longitude: $longitude, radiusKm: $radiusKm, first: ${PAGE}) { nodes { ${PEER_CARD} } } }`,
      variables: { query: NEARBY_QUERY, ...PARIS, radiusKm: NEARBY_RADIUS_KM },
    }],
    raw: () => `
SELECT l.id, l.title, l.condition, l.created_at, c.slug AS category_slug,
       ST_Y(l.public_location::geometry) AS latitude, ST_X(l.public_location::geometry) AS longitude, u.display_name AS owner_name
FROM (
    SELECT * FROM listings l
    WHERE l.status = 'Active'
      AND l.search_document @@ websearch_to_tsquery('troc_french', troc_search_text('${NEARBY_QUERY}'))
      AND l.public_location && _ST_Expand(${point}, ${NEARBY_RADIUS_KM * 1000})
      AND _ST_DWithin(l.public_location, ${point}, ${NEARBY_RADIUS_KM * 1000}, true)
    ORDER BY l.public_location <-> ${point}
    LIMIT ${PAGE}
) l
JOIN categories c ON c.id = l.category_id
JOIN users u ON u.id = l.owner_id
ORDER BY l.public_location <-> ${point};`,
    normalise: {
      troc: (data) => data.searchListings.edges.map((e) => trocCard(e.node)),
      peer: (data) => data.searchNearby.nodes.map(peerCard),
      raw: (rows) => rows.map(rawCard),
    },
  },
  {
    key: 'listing',
    label: 'listing page: one listing (500 varied ids) with description, category, location, owner, wants (text, scope, category, item types)',
    troc: (ctx) => ctx.sampleIds.map((id) => ({
      query: `query Listing($id: ID!) { listing(id: $id) { id title description condition createdAt placeName category { slug label } location { latitude longitude } owner { id displayName } wants { text scope category { slug } itemTypes { itemType { slug } } } } }`,
      variables: { id: Buffer.from(`Listing:${id.replace(/-/g, '')}`).toString('base64url') },
    })),
    peer: (ctx) => ctx.sampleIds.map((id) => ({
      query: `query Listing($id: UUID!) { listingById(id: $id) { id title description condition createdAt placeName categoryByCategoryId { slug label } latitude longitude userByOwnerId { id displayName } listingWantsByListingId(orderBy: POSITION_ASC) { nodes { text scope categoryByCategoryId { slug } listingWantItemTypesByListingIdAndWantPosition(orderBy: RANK_ASC) { nodes { itemTypeByItemTypeId { slug } } } } } } }`,
      variables: { id },
    })),
    raw: () => `
\\set n random(1, 500)
SELECT l.id, l.title, l.description, l.condition, l.created_at, l.place_name, c.slug AS category_slug, c.label AS category_label,
       ST_Y(l.public_location::geometry) AS latitude, ST_X(l.public_location::geometry) AS longitude,
       u.id AS owner_id, u.display_name AS owner_name,
       (SELECT json_agg(json_build_object('text', w.text, 'scope', w.scope, 'category', wc.slug,
                'item_types', (SELECT coalesce(json_agg(t.slug ORDER BY wi.rank), '[]') FROM listing_want_item_types wi
                               JOIN item_types t ON t.id = wi.item_type_id
                               WHERE wi.listing_id = w.listing_id AND wi.want_position = w.position))
               ORDER BY w.position)
        FROM listing_wants w LEFT JOIN categories wc ON wc.id = w.category_id WHERE w.listing_id = l.id) AS wants
FROM listings l
JOIN categories c ON c.id = l.category_id
JOIN users u ON u.id = l.owner_id
WHERE l.id = (SELECT id FROM bench_peer.sample_listings WHERE n = :n);`,
    normalise: {
      troc: (data) => {
        const l = data.listing;
        return {
          id: uuidOf(l.id), title: l.title, description: l.description, condition: enumKey(l.condition), createdAt: instant(l.createdAt),
          placeName: l.placeName, category: [l.category.slug, l.category.label], latitude: coordinate(l.location.latitude),
          longitude: coordinate(l.location.longitude), owner: [uuidOf(l.owner.id), l.owner.displayName],
          wants: l.wants.map((w) => ({ text: w.text, scope: enumKey(w.scope), category: w.category?.slug ?? null, itemTypes: w.itemTypes.map((t) => t.itemType.slug) })),
        };
      },
      peer: (data) => {
        const l = data.listingById;
        return {
          id: l.id, title: l.title, description: l.description, condition: enumKey(l.condition), createdAt: instant(l.createdAt),
          placeName: l.placeName, category: [l.categoryByCategoryId.slug, l.categoryByCategoryId.label], latitude: coordinate(l.latitude),
          longitude: coordinate(l.longitude), owner: [l.userByOwnerId.id, l.userByOwnerId.displayName],
          wants: l.listingWantsByListingId.nodes.map((w) => ({
            text: w.text, scope: enumKey(w.scope), category: w.categoryByCategoryId?.slug ?? null,
            itemTypes: w.listingWantItemTypesByListingIdAndWantPosition.nodes.map((t) => t.itemTypeByItemTypeId.slug),
          })),
        };
      },
      raw: ([r]) => ({
        id: r.id, title: r.title, description: r.description, condition: enumKey(r.condition), createdAt: instant(r.created_at),
        placeName: r.place_name, category: [r.category_slug, r.category_label], latitude: coordinate(r.latitude),
        longitude: coordinate(r.longitude), owner: [r.owner_id, r.owner_name],
        wants: (r.wants ?? []).map((w) => ({ text: w.text, scope: enumKey(w.scope), category: w.category ?? null, itemTypes: w.item_types })),
      }),
    },
  },
  {
    key: 'facets',
    label: `search with facets: « ${SEARCH_QUERY} », all of France, NEWEST, ${PAGE} cards, totalCount, category and condition facets`,
    troc: () => [{
      query: `query Search($query: String!) { searchListings(query: $query, order: NEWEST, first: ${PAGE}) { totalCount edges { node { ${TROC_CARD} } } facets { categories { category { slug } count } conditions { condition count } } } }`,
      variables: { query: SEARCH_QUERY },
    }],
    peer: () => [{
      query: `query Search($query: String!) { searchNewest(query: $query, first: ${PAGE}) { totalCount nodes { ${PEER_CARD} } } searchFacets(query: $query) { nodes { kind key count } } }`,
      variables: { query: SEARCH_QUERY },
    }],
    raw: () => `
WITH matching AS (
    SELECT l.id, l.category_id, l.condition, l.created_at FROM listings l
    WHERE l.status = 'Active' AND l.search_document @@ websearch_to_tsquery('troc_french', troc_search_text('${SEARCH_QUERY}'))
)
SELECT (SELECT count(*) FROM matching) AS total_count,
       (SELECT json_agg(json_build_array(slug, n)) FROM (SELECT c.slug, count(*) AS n FROM matching m JOIN categories c ON c.id = m.category_id GROUP BY c.slug) f) AS categories,
       (SELECT json_agg(json_build_array(condition, n)) FROM (SELECT condition, count(*) AS n FROM matching GROUP BY condition) f) AS conditions,
       (SELECT json_agg(${RAW_CARD_JSON} ORDER BY p.created_at DESC, p.id DESC)
        FROM (SELECT id, created_at FROM matching ORDER BY created_at DESC, id DESC LIMIT ${PAGE}) p
        JOIN listings l ON l.id = p.id JOIN categories c ON c.id = l.category_id JOIN users u ON u.id = l.owner_id) AS page;`,
    normalise: {
      troc: (data) => ({
        totalCount: data.searchListings.totalCount,
        page: data.searchListings.edges.map((e) => trocCard(e.node)),
        ...facets(data.searchListings.facets.categories.map((f) => [f.category.slug, f.count]), data.searchListings.facets.conditions.map((f) => [f.condition, f.count])),
      }),
      peer: (data) => ({
        totalCount: data.searchNewest.totalCount,
        page: data.searchNewest.nodes.map(peerCard),
        ...facets(data.searchFacets.nodes.filter((f) => f.kind === 'category').map((f) => [f.key, f.count]),
          data.searchFacets.nodes.filter((f) => f.kind === 'condition').map((f) => [f.key, f.count])),
      }),
      raw: ([r]) => ({
        totalCount: Number(r.total_count),
        page: r.page.map(rawCard),
        ...facets(r.categories ?? [], r.conditions ?? []),
      }),
    },
  },
  {
    key: 'me',
    label: `signed-in \`me\` page: the member's id, name, email, emailVerified, memberSince and their ${PAGE} newest listings with totalCount (JWT from \`login\`)`,
    authenticated: true,
    troc: () => [{
      query: `query Me { me { id displayName email emailVerified memberSince listings(first: ${PAGE}) { totalCount nodes { id title condition status createdAt } } } }`,
      variables: {},
    }],
    peer: () => [{
      query: `query Me { me { id displayName email emailVerified createdAt listingsByOwnerId(first: ${PAGE}, orderBy: [CREATED_AT_DESC, ID_DESC]) { totalCount nodes { id title condition status createdAt } } } }`,
      variables: {},
    }],
    raw: (ctx) => `
SELECT u.id, u.display_name, u.email, u.email_verified_at IS NOT NULL AS email_verified, u.created_at,
       (SELECT count(*) FROM listings WHERE owner_id = u.id) AS total_count,
       (SELECT json_agg(json_build_object('id', x.id, 'title', x.title, 'condition', x.condition, 'status', x.status, 'created_at', x.created_at)
                        ORDER BY x.created_at DESC, x.id DESC)
        FROM (SELECT id, title, condition, status, created_at FROM listings WHERE owner_id = u.id
              ORDER BY created_at DESC, id DESC LIMIT ${PAGE}) x) AS listings
FROM user_sessions s JOIN users u ON u.id = s.user_id
WHERE s.id = '${ctx.session.sessionId}' AND s.user_id = '${ctx.session.userId}' AND s.revoked_at IS NULL AND u.suspended_at IS NULL;`,
    normalise: {
      troc: (data) => {
        const m = data.me;
        return {
          id: uuidOf(m.id), displayName: m.displayName, email: m.email, emailVerified: m.emailVerified, memberSince: instant(m.memberSince),
          totalCount: m.listings.totalCount,
          listings: m.listings.nodes.map((l) => ({ id: uuidOf(l.id), title: l.title, condition: enumKey(l.condition), status: enumKey(l.status), createdAt: instant(l.createdAt) })),
        };
      },
      peer: (data) => {
        const m = data.me;
        return {
          id: m.id, displayName: m.displayName, email: m.email, emailVerified: m.emailVerified, memberSince: instant(m.createdAt),
          totalCount: m.listingsByOwnerId.totalCount,
          listings: m.listingsByOwnerId.nodes.map((l) => ({ id: l.id, title: l.title, condition: enumKey(l.condition), status: enumKey(l.status), createdAt: instant(l.createdAt) })),
        };
      },
      raw: ([r]) => ({
        id: r.id, displayName: r.display_name, email: r.email, emailVerified: r.email_verified, memberSince: instant(r.created_at),
        totalCount: Number(r.total_count),
        listings: (r.listings ?? []).map((l) => ({ id: l.id, title: l.title, condition: enumKey(l.condition), status: enumKey(l.status), createdAt: instant(l.created_at) })),
      }),
    },
  },
];
