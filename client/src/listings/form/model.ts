// The listing form's state and the pure rules around it: client-side checks (the API's own limits, so most mistakes
// are caught before a round trip), the mapping to createListing/updateListing inputs, and where each payload error
// belongs on the form. No React here, so all of it is unit-tested.
import type { CreateListingInput, ItemCondition, UpdateListingInput, WantInput } from '../../gql/graphql';
import { listingLimits } from '../../gql/listingLimits';

// Read from schema.graphql's input descriptions at build time (codegen/listingLimits.ts): their one source is the
// API's ListingRules, so a changed limit reaches the form through `./troc schema` and a rebuild.
export const TITLE_MIN = listingLimits.titleMinLength;
export const TITLE_MAX = listingLimits.titleMaxLength;
export const DESCRIPTION_MAX = listingLimits.descriptionMaxLength;
export const MAX_WANTS = listingLimits.maxWants;
export const WANT_MAX = listingLimits.wantMaxLength;
export const MAX_WANT_ITEM_TYPES = listingLimits.maxWantItemTypes;
export const MAX_WANTED_CATEGORIES = listingLimits.maxWantedCategories;
export const MAX_PHOTOS = listingLimits.maxPhotos;
export const MAX_PHOTO_MEGABYTES = listingLimits.maxPhotoMegabytes;
export const MAX_PHOTO_BYTES = MAX_PHOTO_MEGABYTES * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

export interface ItemTypeRef {
  id: string;
  label: string;
  /** The subcategory, when known: a chosen item type pre-selects it. */
  category?: { id: string; label: string } | null;
}

export interface CategoryRef {
  id: string;
  label: string;
}

/** What a want asks for: Troc's reading of its text, or the owner's choice (kept as such when editing). */
export type WantChoice =
  | { kind: 'auto' }
  | { kind: 'itemTypes'; itemTypes: ItemTypeRef[] }
  | { kind: 'category'; category: CategoryRef };

export interface WantDraft {
  /** A stable React key: wants are added and removed in the middle. */
  key: string;
  text: string;
  choice: WantChoice;
}

export interface PlaceValue {
  name: string;
  latitude: number;
  longitude: number;
}

export type PhotoDraft =
  | { kind: 'existing'; id: string; url: string }
  | { kind: 'new'; key: string; file: File; url: string };

export interface ListingFormState {
  title: string;
  description: string;
  categoryId: string;
  /** True once the person picked a category: a suggested item type no longer changes it. */
  categoryChosen: boolean;
  condition: ItemCondition | '';
  /** null lets Troc read the item type from the title and description. */
  itemType: ItemTypeRef | null;
  wants: WantDraft[];
  wantedCategories: CategoryRef[];
  openToAnyOffer: boolean;
  place: PlaceValue | null;
  photos: PhotoDraft[];
}

let keys = 0;
export function newKey(prefix = 'k'): string {
  keys += 1;
  return `${prefix}${keys}`;
}

export function emptyForm(): ListingFormState {
  return {
    title: '',
    description: '',
    categoryId: '',
    categoryChosen: false,
    condition: '',
    itemType: null,
    wants: [{ key: newKey('w'), text: '', choice: { kind: 'auto' } }],
    wantedCategories: [],
    openToAnyOffer: false,
    place: null,
    photos: [],
  };
}

export const CONDITIONS: { value: ItemCondition; label: string; description: string }[] = [
  { value: 'NEW', label: 'Neuf', description: 'Jamais servi, souvent encore dans son emballage.' },
  { value: 'LIKE_NEW', label: 'Comme neuf', description: 'Servi quelques fois, aucune trace d’usure.' },
  { value: 'GOOD', label: 'Bon état', description: 'Servi, fonctionne bien, légères traces d’usure.' },
  { value: 'FAIR', label: 'État correct', description: 'Fonctionne, mais usure visible ou petits défauts.' },
  { value: 'FOR_PARTS', label: 'Pour pièces', description: 'Ne fonctionne pas en l’état : à réparer ou pour pièces.' },
];

/** Where an error is shown: a form field, a want (by index), a new photo (by index among new photos), or the top. */
export type ErrorTarget =
  | 'title' | 'description' | 'category' | 'condition' | 'itemType' | 'place' | 'wants' | 'wantedCategories'
  | 'openToAnyOffer' | 'photos' | `wants.${number}` | `photos.${number}` | 'general';

const TOP_FIELDS: Record<string, ErrorTarget> = {
  title: 'title',
  description: 'description',
  categoryId: 'category',
  condition: 'condition',
  itemTypeId: 'itemType',
  location: 'place',
  placeName: 'place',
  wants: 'wants',
  wantedCategoryIds: 'wantedCategories',
  openToAnyOffer: 'openToAnyOffer',
  images: 'photos',
};

/** Codes of errors that carry no field but are about one. */
const TARGET_OF_CODE: Record<string, ErrorTarget> = {
  TOO_MANY_IMAGES: 'photos',
  TOO_MANY_WANTS: 'wants',
};

/**
 * The place on the form for a payload error's `field`: `wants[2].itemTypeIds[0]` → want 2, `images[1]` → photo 1,
 * `wantedCategoryIds[0]` → the wanted categories; unknown fields go to the top of the form rather than get lost.
 */
export function errorTarget(field: string | null | undefined, code?: string): ErrorTarget {
  if (!field) return (code && TARGET_OF_CODE[code]) || 'general';
  const match = /^([A-Za-z]+)(?:\[(\d+)\])?/.exec(field);
  if (!match) return 'general';
  const [, name, index] = match;
  if (name === 'wants' && index !== undefined) return `wants.${Number(index)}`;
  if (name === 'images' && index !== undefined) return `photos.${Number(index)}`;
  return TOP_FIELDS[name] ?? 'general';
}

export interface FormError {
  code: string;
  message: string;
  field?: string | null;
}

/**
 * Payload errors grouped by where they are shown (first message per place). `sentWants` maps the index of a sent
 * want to its row on the form (blank rows are not sent), `images[i]` counts new photos only,
 * as they are the only ones sent.
 */
export function groupErrors(errors: readonly FormError[], sentWants?: readonly number[]): Map<ErrorTarget, string> {
  const byTarget = new Map<ErrorTarget, string>();
  for (const error of errors) {
    let target = errorTarget(error.field, error.code);
    const want = /^wants\.(\d+)$/.exec(target);
    if (want && sentWants) target = `wants.${sentWants[Number(want[1])] ?? Number(want[1])}`;
    const previous = byTarget.get(target);
    if (target === 'general') byTarget.set(target, previous ? `${previous}\n${error.message}` : error.message);
    else if (!previous) byTarget.set(target, error.message);
  }
  return byTarget;
}

/** The wants to send: blank rows (an added line left empty) are left out rather than refused. */
function filledWants(wants: readonly WantDraft[]): { want: WantDraft; index: number }[] {
  return wants.map((want, index) => ({ want, index })).filter(({ want }) => want.text.trim() !== '');
}

/** Checks what the API would refuse, so the person sees every message at once, beside its field. */
export function checkForm(state: ListingFormState, mode: 'create' | 'edit'): Map<ErrorTarget, string> {
  const errors = new Map<ErrorTarget, string>();
  const title = state.title.trim();
  if (title.length === 0) errors.set('title', 'Donnez un titre à votre annonce.');
  else if (title.length < TITLE_MIN) errors.set('title', `Le titre doit faire au moins ${TITLE_MIN} caractères.`);
  else if (title.length > TITLE_MAX) errors.set('title', `Le titre ne doit pas dépasser ${TITLE_MAX} caractères.`);
  if (state.description.length > DESCRIPTION_MAX)
    errors.set('description', `La description ne doit pas dépasser ${DESCRIPTION_MAX} caractères.`);
  if (!state.categoryId) errors.set('category', 'Choisissez une catégorie.');
  if (!state.condition) errors.set('condition', 'Indiquez l’état de l’objet.');
  if (!state.place) errors.set('place', mode === 'create' ? 'Choisissez la commune où se trouve l’objet.' : 'Choisissez une commune.');
  if (filledWants(state.wants).length > MAX_WANTS) errors.set('wants', `Indiquez au plus ${MAX_WANTS} souhaits.`);
  state.wants.forEach((want, i) => {
    if (want.text.trim().length > WANT_MAX) errors.set(`wants.${i}`, `Un souhait ne doit pas dépasser ${WANT_MAX} caractères.`);
    else if (want.choice.kind === 'itemTypes' && want.choice.itemTypes.length > MAX_WANT_ITEM_TYPES)
      errors.set(`wants.${i}`, `Choisissez au plus ${MAX_WANT_ITEM_TYPES} types d’objets par souhait.`);
  });
  if (state.wantedCategories.length > MAX_WANTED_CATEGORIES)
    errors.set('wantedCategories', `Choisissez au plus ${MAX_WANTED_CATEGORIES} catégories.`);
  const newPhotos = state.photos.filter((p) => p.kind === 'new');
  if (state.photos.length > MAX_PHOTOS) errors.set('photos', `Une annonce a au plus ${MAX_PHOTOS} photos.`);
  newPhotos.forEach((photo, i) => {
    const problem = photo.kind === 'new' ? fileProblem(photo.file) : null;
    if (problem) errors.set(`photos.${i}`, problem);
  });
  return errors;
}

/** Why a file cannot be a listing photo, or null. The server checks the bytes again; this is for a quick message. */
export function fileProblem(file: { name: string; type: string; size: number }): string | null {
  if (!PHOTO_TYPES.includes(file.type)) return `« ${file.name} » n’est pas une photo JPEG, PNG ou WebP.`;
  if (file.size > MAX_PHOTO_BYTES) return `« ${file.name} » dépasse ${MAX_PHOTO_MEGABYTES} Mo.`;
  if (file.size === 0) return `« ${file.name} » est vide.`;
  return null;
}

/**
 * Sorts picked files into those that can be added and a message for each refused one (wrong type, too big, or past the
 * photo limit given how many the listing already has).
 */
export function checkFiles<F extends { name: string; type: string; size: number }>(
  files: readonly F[],
  alreadyThere: number,
): { accepted: F[]; refused: string[] } {
  const accepted: F[] = [];
  const refused: string[] = [];
  for (const file of files) {
    const problem = fileProblem(file);
    if (problem) refused.push(problem);
    else if (alreadyThere + accepted.length >= MAX_PHOTOS)
      refused.push(`« ${file.name} » n’a pas été ajoutée : une annonce a au plus ${MAX_PHOTOS} photos.`);
    else accepted.push(file);
  }
  return { accepted, refused };
}

export function wantInput(want: WantDraft): WantInput {
  const text = want.text.trim();
  if (want.choice.kind === 'itemTypes' && want.choice.itemTypes.length > 0)
    return { text, itemTypeIds: want.choice.itemTypes.map((t) => t.id) };
  if (want.choice.kind === 'category') return { text, categoryId: want.choice.category.id };
  return { text };
}

/** The createListing input; the photos (new ones only on a new listing) in the form's order, the cover first. */
export function toCreateInput(state: ListingFormState): CreateListingInput {
  const place = state.place!;
  const images = state.photos.flatMap((p) => (p.kind === 'new' ? [p.file] : []));
  return {
    title: state.title.trim(),
    description: state.description.trim(),
    categoryId: state.categoryId,
    condition: state.condition as ItemCondition,
    wants: filledWants(state.wants).map(({ want }) => wantInput(want)),
    wantedCategoryIds: state.wantedCategories.map((c) => c.id),
    openToAnyOffer: state.openToAnyOffer,
    ...(state.itemType ? { itemTypeId: state.itemType.id } : {}),
    location: { latitude: place.latitude, longitude: place.longitude },
    placeName: place.name,
    ...(images.length > 0 ? { images } : {}),
  };
}

/** Where each sent want came from on the form: a server error on `wants[i]` belongs to want `sentWantIndex[i]`. */
export function sentWantIndexes(state: ListingFormState): number[] {
  return filledWants(state.wants).map(({ index }) => index);
}

function sameWants(a: readonly WantInput[], b: readonly WantInput[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The updateListing input: only what changed since the listing was loaded, since an omitted field keeps its value.
 * The item type follows the API's three states: an id chooses it, null hands it back to Troc, omitted keeps things.
 */
export function toUpdateInput(id: string, initial: ListingFormState, state: ListingFormState): UpdateListingInput {
  const input: UpdateListingInput = { id };
  if (state.title.trim() !== initial.title.trim()) input.title = state.title.trim();
  if (state.description.trim() !== initial.description.trim()) input.description = state.description.trim();
  if (state.categoryId !== initial.categoryId) input.categoryId = state.categoryId;
  if (state.condition !== initial.condition) input.condition = state.condition as ItemCondition;
  const wants = filledWants(state.wants).map(({ want }) => wantInput(want));
  if (!sameWants(wants, filledWants(initial.wants).map(({ want }) => wantInput(want)))) input.wants = wants;
  const wanted = state.wantedCategories.map((c) => c.id);
  if (wanted.join() !== initial.wantedCategories.map((c) => c.id).join()) input.wantedCategoryIds = wanted;
  if (state.openToAnyOffer !== initial.openToAnyOffer) input.openToAnyOffer = state.openToAnyOffer;
  if (state.place && initial.place &&
    (state.place.latitude !== initial.place.latitude || state.place.longitude !== initial.place.longitude))
    input.location = { latitude: state.place.latitude, longitude: state.place.longitude };
  if (state.place && state.place.name !== initial.place?.name) input.placeName = state.place.name;
  if (state.itemType?.id !== initial.itemType?.id) input.itemTypeId = state.itemType ? state.itemType.id : null;
  return input;
}

/** True when updateListing has something to change (more than the id). */
export function hasChanges(input: UpdateListingInput): boolean {
  return Object.keys(input).length > 1;
}

/**
 * The photo operations an edit needs, in the order they must run: removals, then the new files (added after the
 * current ones), then a reorder when the final order is not the order the server will have.
 */
export function photoPlan(initial: readonly PhotoDraft[], current: readonly PhotoDraft[]) {
  const kept = new Set(current.flatMap((p) => (p.kind === 'existing' ? [p.id] : [])));
  const removed = initial.flatMap((p) => (p.kind === 'existing' && !kept.has(p.id) ? [p.id] : []));
  const added = current.flatMap((p) => (p.kind === 'new' ? [p] : []));
  return { removed, added };
}

/**
 * The final image ids in the form's order, given the ids the server lists after removals and additions (the new
 * ones last, in the order sent); null when that is already the order.
 */
export function finalOrder(current: readonly PhotoDraft[], serverIds: readonly string[], addedCount: number): string[] | null {
  const newIds = serverIds.slice(serverIds.length - addedCount);
  let next = 0;
  const wanted = current.map((p) => (p.kind === 'existing' ? p.id : newIds[next++]));
  if (wanted.some((id) => id === undefined) || wanted.length !== serverIds.length) return null;
  return wanted.join() === serverIds.join() ? null : wanted;
}

/**
 * The form's photos with those already uploaded by an earlier, partly failed save (by their key) counted as the
 * listing's own images, so that saving again neither uploads them twice nor loses their place.
 */
export function withUploaded(photos: readonly PhotoDraft[], uploaded: ReadonlyMap<string, string>): PhotoDraft[] {
  return photos.map((p) => (p.kind === 'new' && uploaded.has(p.key) ? { kind: 'existing', id: uploaded.get(p.key)!, url: p.url } : p));
}

/** Moves one item to the front: « Mettre en couverture ». */
export function moveToFront<T>(items: readonly T[], index: number): T[] {
  if (index <= 0 || index >= items.length) return [...items];
  return [items[index], ...items.slice(0, index), ...items.slice(index + 1)];
}

/** A want's confidence (of its best item type or subcategory) under which its chip says that Troc is unsure. */
export const UNSURE_BELOW = 0.5;

/**
 * Whether the title's best suggestion is a guess. A title's confidences are shares among what its words match (brand
 * and model words dilute them: « Perceuse visseuse Bosch 18V » gives 0.46 against 0.04), so a low score alone is
 * not doubt; a near tie is (the resolver itself calls suggestions within 0.15 of the best close), or a very low score.
 */
export function titleSuggestionUnsure(suggestions: readonly { confidence: number }[]): boolean {
  const [best, second] = suggestions;
  if (!best) return false;
  return best.confidence < 0.25 || (second !== undefined && best.confidence - second.confidence <= 0.15);
}

/** The parts of a loaded listing the form needs (structurally, so tests can build one by hand). */
export interface LoadedListing {
  title: string;
  description: string;
  condition: ItemCondition;
  openToAnyOffer: boolean;
  placeName: string;
  itemTypeChosenByOwner: boolean;
  category: { id: string };
  itemType?: { id: string; label: string; category: { id: string; label: string } } | null;
  wants: {
    text: string;
    chosenByOwner: boolean;
    scope: 'ITEM_TYPES' | 'SUBCATEGORY' | 'UNRESOLVED';
    itemTypes: { itemType: { id: string; label: string } }[];
    category?: { id: string; label: string } | null;
  }[];
  wantedCategories: { id: string; label: string }[];
  images: { id: string; url: string }[];
}

/**
 * The form's state for a listing being edited. Only the owner's own choices become choices on the form (an item type
 * or want that Troc read stays Troc's to read again), so saving unchanged sends nothing about them.
 */
export function fromListing(listing: LoadedListing, exact: { latitude: number; longitude: number } | null): ListingFormState {
  return {
    title: listing.title,
    description: listing.description,
    categoryId: listing.category.id,
    categoryChosen: true,
    condition: listing.condition,
    itemType: listing.itemTypeChosenByOwner && listing.itemType
      ? { id: listing.itemType.id, label: listing.itemType.label, category: listing.itemType.category }
      : null,
    wants: listing.wants.map((want): WantDraft => ({
      key: newKey('w'),
      text: want.text,
      choice: !want.chosenByOwner
        ? { kind: 'auto' }
        : want.scope === 'SUBCATEGORY' && want.category
          ? { kind: 'category', category: { id: want.category.id, label: want.category.label } }
          : want.scope === 'ITEM_TYPES'
            ? { kind: 'itemTypes', itemTypes: want.itemTypes.map((t) => ({ id: t.itemType.id, label: t.itemType.label })) }
            : { kind: 'auto' },
    })),
    wantedCategories: listing.wantedCategories.map((c) => ({ id: c.id, label: c.label })),
    openToAnyOffer: listing.openToAnyOffer,
    place: exact ? { name: listing.placeName, latitude: exact.latitude, longitude: exact.longitude } : null,
    photos: listing.images.map((image): PhotoDraft => ({ kind: 'existing', id: image.id, url: image.url })),
  };
}
