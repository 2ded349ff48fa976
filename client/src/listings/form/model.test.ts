import { describe, expect, it } from 'vitest';
import {
  checkFiles, checkForm, emptyForm, errorTarget, fileProblem, finalOrder, fromListing, groupErrors, hasChanges,
  moveToFront, photoPlan, sentWantIndexes, titleSuggestionUnsure, toCreateInput, toUpdateInput, withUploaded, type ListingFormState, type LoadedListing,
  type PhotoDraft,
} from './model';

const file = (name: string, type = 'image/png', size = 1000) => ({ name, type, size });

function filled(): ListingFormState {
  return {
    ...emptyForm(),
    title: '  Perceuse-visseuse Bosch 18V ',
    description: 'Avec deux batteries',
    categoryId: 'cat-outillage',
    condition: 'GOOD',
    place: { name: 'Lyon', latitude: 45.76, longitude: 4.83 },
    wants: [
      { key: 'a', text: ' un vélo de ville ', choice: { kind: 'auto' } },
      { key: 'b', text: '   ', choice: { kind: 'auto' } },
      { key: 'c', text: 'une ponceuse', choice: { kind: 'itemTypes', itemTypes: [{ id: 'it-ponceuse', label: 'Ponceuse' }] } },
      { key: 'd', text: 'des livres', choice: { kind: 'category', category: { id: 'cat-livres', label: 'Livres' } } },
    ],
  };
}

describe('errorTarget', () => {
  it('sends nested want fields to their want', () => {
    expect(errorTarget('wants[2].itemTypeIds[0]')).toBe('wants.2');
    expect(errorTarget('wants[0].categoryId')).toBe('wants.0');
    expect(errorTarget('wants[4]')).toBe('wants.4');
    expect(errorTarget('wants')).toBe('wants');
  });
  it('maps top-level fields, photos and unknown fields', () => {
    expect(errorTarget('title')).toBe('title');
    expect(errorTarget('categoryId')).toBe('category');
    expect(errorTarget('itemTypeId')).toBe('itemType');
    expect(errorTarget('placeName')).toBe('place');
    expect(errorTarget('location')).toBe('place');
    expect(errorTarget('images[1]')).toBe('photos.1');
    expect(errorTarget('wantedCategoryIds[3]')).toBe('wantedCategories');
    expect(errorTarget('somethingNew')).toBe('general');
    expect(errorTarget(null)).toBe('general');
    expect(errorTarget(undefined, 'TOO_MANY_IMAGES')).toBe('photos');
  });
});

describe('groupErrors', () => {
  it('places a sent want error on its form row, skipping blank rows that were not sent', () => {
    const state = filled();
    const sent = sentWantIndexes(state);
    expect(sent).toEqual([0, 2, 3]);
    const grouped = groupErrors([
      { code: 'ITEM_TYPE_NOT_FOUND', message: 'Type inconnu', field: 'wants[1].itemTypeIds[0]' },
      { code: 'TITLE_TOO_SHORT', message: 'Trop court', field: 'title' },
      { code: 'TITLE_TOO_LONG', message: 'Deuxième message ignoré', field: 'title' },
      { code: 'ACTIVE_LISTING_LIMIT', message: 'Limite atteinte' },
      { code: 'OTHER', message: 'Autre' },
    ], sent);
    expect(grouped.get('wants.2')).toBe('Type inconnu');
    expect(grouped.get('title')).toBe('Trop court');
    expect(grouped.get('general')).toBe('Limite atteinte\nAutre');
  });
});

describe('checkForm', () => {
  it('lists every missing field at once', () => {
    const errors = checkForm(emptyForm(), 'create');
    expect([...errors.keys()].sort()).toEqual(['category', 'condition', 'place', 'title']);
  });
  it('refuses a too-short title and a too-long want', () => {
    const state = { ...filled(), title: 'ab' };
    state.wants = [{ key: 'x', text: 'x'.repeat(81), choice: { kind: 'auto' } }];
    const errors = checkForm(state, 'create');
    expect(errors.get('title')).toMatch(/au moins 3/);
    expect(errors.get('wants.0')).toMatch(/80/);
  });
  it('accepts a complete form', () => {
    expect(checkForm(filled(), 'create').size).toBe(0);
  });
});

describe('file checks', () => {
  it('takes JPEG, PNG and WebP up to 10 MB', () => {
    expect(fileProblem(file('a.jpg', 'image/jpeg'))).toBeNull();
    expect(fileProblem(file('a.webp', 'image/webp'))).toBeNull();
    expect(fileProblem(file('a.gif', 'image/gif'))).toMatch(/JPEG, PNG ou WebP/);
    expect(fileProblem(file('notes.txt', 'text/plain'))).toMatch(/notes.txt/);
    expect(fileProblem(file('big.png', 'image/png', 10 * 1024 * 1024 + 1))).toMatch(/10 Mo/);
    expect(fileProblem(file('empty.png', 'image/png', 0))).toMatch(/vide/);
  });
  it('stops at 10 photos in all, saying which files were left out', () => {
    const files = [file('1.png'), file('x.txt', 'text/plain'), file('2.png'), file('3.png')];
    const { accepted, refused } = checkFiles(files, 8);
    expect(accepted.map((f) => f.name)).toEqual(['1.png', '2.png']);
    expect(refused).toHaveLength(2);
    expect(refused[1]).toMatch(/3.png.*au plus 10/);
  });
});

describe('toCreateInput', () => {
  it('trims, leaves out blank wants, keeps owner choices and omits a Troc-decided item type', () => {
    const input = toCreateInput(filled());
    expect(input.title).toBe('Perceuse-visseuse Bosch 18V');
    expect(input.wants).toEqual([
      { text: 'un vélo de ville' },
      { text: 'une ponceuse', itemTypeIds: ['it-ponceuse'] },
      { text: 'des livres', categoryId: 'cat-livres' },
    ]);
    expect('itemTypeId' in input).toBe(false);
    expect('images' in input).toBe(false);
    expect(input.location).toEqual({ latitude: 45.76, longitude: 4.83 });
    expect(input.placeName).toBe('Lyon');
  });
  it('sends a chosen item type and the photos in the form order', () => {
    const a = new File(['a'], 'a.png', { type: 'image/png' });
    const b = new File(['b'], 'b.png', { type: 'image/png' });
    const state: ListingFormState = {
      ...filled(),
      itemType: { id: 'it-perforateur', label: 'Perforateur' },
      photos: [{ kind: 'new', key: '2', file: b, url: 'blob:b' }, { kind: 'new', key: '1', file: a, url: 'blob:a' }],
    };
    const input = toCreateInput(state);
    expect(input.itemTypeId).toBe('it-perforateur');
    expect(input.images).toEqual([b, a]);
  });
});

const loaded: LoadedListing = {
  title: 'Perceuse',
  description: '',
  condition: 'GOOD',
  openToAnyOffer: false,
  placeName: 'Lyon',
  itemTypeChosenByOwner: false,
  category: { id: 'cat-outillage' },
  itemType: { id: 'it-perceuse', label: 'Perceuse', category: { id: 'cat-outillage', label: 'Outillage' } },
  wants: [
    { text: 'un vélo', chosenByOwner: false, scope: 'ITEM_TYPES', itemTypes: [{ itemType: { id: 'it-velo', label: 'Vélo' } }] },
    { text: 'un vtt', chosenByOwner: true, scope: 'ITEM_TYPES', itemTypes: [{ itemType: { id: 'it-vtt', label: 'VTT' } }] },
    { text: 'des livres', chosenByOwner: true, scope: 'SUBCATEGORY', itemTypes: [], category: { id: 'cat-livres', label: 'Livres' } },
  ],
  wantedCategories: [],
  images: [{ id: 'img1', url: '/1.jpg' }, { id: 'img2', url: '/2.jpg' }],
};

describe('toUpdateInput', () => {
  const initial = fromListing(loaded, { latitude: 45.7, longitude: 4.8 });

  it('keeps the owner’s want choices and leaves Troc’s readings to Troc', () => {
    expect(initial.wants.map((w) => w.choice.kind)).toEqual(['auto', 'itemTypes', 'category']);
    expect(initial.itemType).toBeNull();
  });

  it('sends nothing but the id when nothing changed', () => {
    const input = toUpdateInput('L1', initial, { ...initial });
    expect(input).toEqual({ id: 'L1' });
    expect(hasChanges(input)).toBe(false);
  });

  it('sends only the changed fields, and the whole want list with the kept choices when one want changed', () => {
    const state: ListingFormState = {
      ...initial,
      title: 'Perceuse Makita',
      wants: initial.wants.map((w, i) => (i === 0 ? { ...w, text: 'un vélo de course' } : w)),
    };
    expect(toUpdateInput('L1', initial, state)).toEqual({
      id: 'L1',
      title: 'Perceuse Makita',
      wants: [{ text: 'un vélo de course' }, { text: 'un vtt', itemTypeIds: ['it-vtt'] }, { text: 'des livres', categoryId: 'cat-livres' }],
    });
  });

  it('chooses an item type, or hands a chosen one back to Troc with an explicit null', () => {
    const chosen = toUpdateInput('L1', initial, { ...initial, itemType: { id: 'it-visseuse', label: 'Visseuse' } });
    expect(chosen).toEqual({ id: 'L1', itemTypeId: 'it-visseuse' });
    const back = toUpdateInput('L1', { ...initial, itemType: { id: 'it-visseuse', label: 'Visseuse' } }, initial);
    expect(back).toEqual({ id: 'L1', itemTypeId: null });
    expect('itemTypeId' in back).toBe(true);
  });

  it('sends a new place as both point and name', () => {
    const input = toUpdateInput('L1', initial, { ...initial, place: { name: 'Paris', latitude: 48.85, longitude: 2.35 } });
    expect(input).toEqual({ id: 'L1', location: { latitude: 48.85, longitude: 2.35 }, placeName: 'Paris' });
  });
});

describe('photos on edit', () => {
  const existing = (id: string): PhotoDraft => ({ kind: 'existing', id, url: `/${id}` });
  const added = (key: string): PhotoDraft => ({ kind: 'new', key, file: new File([key], `${key}.png`, { type: 'image/png' }), url: key });

  it('plans removals and additions', () => {
    const plan = photoPlan([existing('a'), existing('b'), existing('c')], [existing('c'), added('n1'), existing('a')]);
    expect(plan.removed).toEqual(['b']);
    expect(plan.added.map((p) => (p.kind === 'new' ? p.key : ''))).toEqual(['n1']);
  });

  it('reorders only when the server order differs from the form', () => {
    const current = [existing('c'), added('n1'), existing('a')];
    expect(finalOrder(current, ['a', 'c', 'N1'], 1)).toEqual(['c', 'N1', 'a']);
    expect(finalOrder([existing('a'), added('n1')], ['a', 'N1'], 1)).toBeNull();
  });

  it('after a save that uploaded photos but failed to reorder them, saving again reorders without uploading twice', () => {
    // First save: c and a were there; n1 was uploaded (the server lists it last as N1), then the reorder failed.
    const form = [existing('c'), added('n1'), existing('a')];
    const uploaded = new Map([['n1', 'N1']]);
    const savedPhotos = [existing('c'), existing('a'), existing('N1')];

    const retry = photoPlan(savedPhotos, withUploaded(form, uploaded));
    expect(retry.added).toEqual([]);
    expect(retry.removed).toEqual([]);
    expect(finalOrder(withUploaded(form, uploaded), ['c', 'a', 'N1'], 0)).toEqual(['c', 'N1', 'a']);
  });

  it('moves a photo to the cover place', () => {
    expect(moveToFront(['a', 'b', 'c'], 2)).toEqual(['c', 'a', 'b']);
    expect(moveToFront(['a', 'b'], 0)).toEqual(['a', 'b']);
  });
});

describe('titleSuggestionUnsure', () => {
  it('trusts a clear leader even when brand words lower its share, doubts a near tie or a very low score', () => {
    expect(titleSuggestionUnsure([{ confidence: 0.458 }, { confidence: 0.035 }])).toBe(false);
    expect(titleSuggestionUnsure([{ confidence: 1 }])).toBe(false);
    expect(titleSuggestionUnsure([{ confidence: 0.5 }, { confidence: 0.4 }])).toBe(true);
    expect(titleSuggestionUnsure([{ confidence: 0.2 }])).toBe(true);
    expect(titleSuggestionUnsure([])).toBe(false);
  });
});
