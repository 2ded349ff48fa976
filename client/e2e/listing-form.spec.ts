// The listing form end to end: the item type chip the title suggests (and the category it pre-selects), want chips
// from previewWant that the owner corrects, photos, field-level validation, and editing — each checked against what
// the server stored, read back through the API and through the edit form.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { deflateSync } from 'node:zlib';
import { registerVerifiedMember } from './support';

/** A small solid-colour PNG, built byte by byte so the test needs no fixture file. */
function png(width: number, height: number, rgb: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, i) => rgb[i % 3])]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Each test registers a member (mail round trip) before it starts: on a shared two-core machine that alone takes
// a good part of the default 30 s.
test.describe.configure({ timeout: 90_000 });

const photo = (name: string, rgb: [number, number, number], width = 64, height = 48) =>
  ({ name, mimeType: 'image/png', buffer: png(width, height, rgb) });

interface StoredListing {
  id: string;
  title: string;
  category: { slug: string };
  itemType: { slug: string } | null;
  itemTypeChosenByOwner: boolean;
  condition: string;
  placeName: string;
  wants: { text: string; scope: string; chosenByOwner: boolean; itemTypes: { itemType: { slug: string } }[]; category: { slug: string } | null }[];
  images: { id: string; width: number; height: number }[];
}

/** Reads a listing back through the API, as the signed-in member of this page. */
async function stored(page: Page, id: string): Promise<StoredListing> {
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem('troc.session') ?? '{}').accessToken as string);
  const response = await page.request.post('/graphql', {
    headers: { Authorization: `Bearer ${token}`, 'GraphQL-Preflight': '1' },
    data: {
      query: `query($id: ID!) { listing(id: $id) { id title condition placeName category { slug } itemType { slug } itemTypeChosenByOwner
        wants { text scope chosenByOwner itemTypes { itemType { slug } } category { slug } } images { id width(size: FULL) height(size: FULL) } } }`,
      variables: { id },
    },
  });
  const body = await response.json();
  expect(body.errors).toBeUndefined();
  return body.data.listing;
}

async function countMyListings(page: Page): Promise<number> {
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem('troc.session') ?? '{}').accessToken as string);
  const response = await page.request.post('/graphql', {
    headers: { Authorization: `Bearer ${token}`, 'GraphQL-Preflight': '1' },
    data: { query: '{ me { listings(first: 50) { totalCount } } }' },
  });
  const body = await response.json();
  return body.data.me.listings.totalCount;
}

async function pickPlace(page: Page, text: string, option: RegExp) {
  await page.getByRole('combobox', { name: 'Commune' }).fill(text);
  await page.getByRole('option', { name: option }).first().click();
}

const titleChip = (page: Page) => page.getByTestId('title-item-type');
const want = (page: Page, n: number): Locator => page.locator('.lf-want').nth(n - 1);

/** Fills what every listing needs, with the title's item type left to Troc. */
async function fillBasics(page: Page, title: string) {
  await page.getByLabel('Titre', { exact: true }).fill(title);
  // The category comes from the title's item type, as the person would see it fill in before going on.
  await expect(page.getByLabel('Catégorie', { exact: true })).not.toHaveValue('');
  await page.getByLabel('Bon état').check();
  await pickPlace(page, 'Lyon', /^Lyon\b/);
}

/** Saving lands on the listing's own page, where its owner is offered to take it down. */
async function expectOwnListingPage(page: Page) {
  await expect(page).toHaveURL(/\/listings\/(?!new$)[^/]+$/);
  await expect(page.getByRole('button', { name: 'Retirer l’annonce' })).toBeVisible();
}

async function publish(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Publier l’annonce' }).click();
  await expectOwnListingPage(page);
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]);
  expect(id).toBeTruthy();
  return id;
}

test('the title suggests its item type and category; the chip changed by the owner is what gets stored', async ({ page }) => {
  await registerVerifiedMember(page);
  await page.goto('/listings/new');
  await page.getByLabel('Titre', { exact: true }).fill('Perceuse visseuse Bosch 18V');

  await expect(titleChip(page)).toHaveText(/Type d’objet : Perceuse-visseuse/);
  await expect(page.getByText('suggéré par Troc')).toBeVisible();
  const category = page.getByLabel('Catégorie', { exact: true });
  await expect(category.locator('option:checked')).toHaveText('Outillage électroportatif');

  // The owner corrects it: another type, found with the search box of the chip's menu.
  await page.getByRole('button', { name: 'Changer le type d’objet' }).click();
  await expect(page.getByRole('list', { name: 'Suggestions pour le titre' }).getByRole('button').first()).toBeVisible();
  await page.getByLabel('Chercher un type d’objet').fill('perforateur');
  await page.getByRole('list', { name: /Résultats pour/ }).getByRole('button', { name: /^Perforateur/ }).click();
  await expect(titleChip(page)).toHaveText(/Type d’objet : Perforateur/);
  await expect(page.getByText('choisi par vous')).toBeVisible();

  await page.getByLabel('Bon état').check();
  await pickPlace(page, 'Lyon', /^Lyon\b/);
  const id = await publish(page);

  const listing = await stored(page, id);
  expect(listing.title).toBe('Perceuse visseuse Bosch 18V');
  expect(listing.category.slug).toBe('bricolage-outillage-electroportatif');
  expect(listing.itemType?.slug).toBe('perforateur');
  expect(listing.itemTypeChosenByOwner).toBe(true);
  expect(listing.condition).toBe('GOOD');
  expect(listing.placeName).toBe('Lyon');

  // The edit form reads the choice back, and « Laisser Troc décider » hands it back (itemTypeId: null).
  await page.goto(`/listings/${encodeURIComponent(id)}/edit`);
  await expect(page.getByLabel('Titre', { exact: true })).toHaveValue('Perceuse visseuse Bosch 18V');
  await expect(titleChip(page)).toHaveText(/Perforateur/);
  await page.getByRole('button', { name: 'Changer le type d’objet' }).click();
  await page.getByRole('button', { name: 'Laisser Troc décider' }).click();
  await expect(titleChip(page)).toHaveText(/Perceuse-visseuse/);
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expectOwnListingPage(page);
  const back = await stored(page, id);
  expect(back.itemType?.slug).toBe('perceuse-visseuse');
  expect(back.itemTypeChosenByOwner).toBe(false);
});

test('each want shows what Troc reads in it, and a corrected want is stored as the owner’s choice', async ({ page }) => {
  await registerVerifiedMember(page);
  await page.goto('/listings/new');
  await fillBasics(page, 'Table basse en chêne');
  await page.getByLabel('Catégorie', { exact: true }).selectOption({ label: 'Ameublement' });

  await page.getByRole('textbox', { name: 'Souhait 1', exact: true }).fill('un vélo de ville');
  await expect(want(page, 1).getByTestId('want-chip-Souhait 1').first()).toHaveText(/Vélo de ville/i);
  await page.getByRole('button', { name: '+ Ajouter un souhait' }).click();
  await page.getByRole('textbox', { name: 'Souhait 2', exact: true }).fill('de l’outillage');
  await expect(want(page, 2).getByTestId('want-chip-Souhait 2')).toHaveText(/^Toute la sous-catégorie /);
  await page.getByRole('button', { name: '+ Ajouter un souhait' }).click();
  await page.getByRole('textbox', { name: 'Souhait 3', exact: true }).fill('zorglub flimbaque');
  await expect(want(page, 3).getByTestId('want-chip-Souhait 3')).toHaveText('Non reconnu');

  // Want 1 is corrected: a trottinette rather than what Troc read.
  await page.getByRole('button', { name: 'Changer ce que demande le souhait 1' }).click();
  await want(page, 1).getByLabel('Chercher un type d’objet').fill('trottinette');
  await want(page, 1).getByRole('list', { name: /Résultats pour/ }).getByRole('button', { name: /^Trottinette/ }).first().click();
  await expect(want(page, 1).getByTestId('want-chip-Souhait 1')).toHaveText('Trottinette');
  await expect(want(page, 1).getByText('choisi par vous')).toBeVisible();

  // Want 4, unknown to Troc, is made a whole subcategory by the owner.
  await page.getByRole('button', { name: '+ Ajouter un souhait' }).click();
  await page.getByRole('textbox', { name: 'Souhait 4', exact: true }).fill('un truc pour le salon');
  await page.getByRole('button', { name: 'Changer ce que demande le souhait 4' }).click();
  await want(page, 4).getByLabel('Ou toute une sous-catégorie').selectOption({ label: 'Décoration' });
  await expect(want(page, 4).getByTestId('want-chip-Souhait 4')).toHaveText('Toute la sous-catégorie Décoration');

  const id = await publish(page);
  const listing = await stored(page, id);
  expect(listing.wants.map((w) => w.text)).toEqual(['un vélo de ville', 'de l’outillage', 'zorglub flimbaque', 'un truc pour le salon']);
  expect(listing.wants[3]).toMatchObject({ scope: 'SUBCATEGORY', chosenByOwner: true, category: { slug: 'maison-decoration' } });
  expect(listing.wants[0]).toMatchObject({ scope: 'ITEM_TYPES', chosenByOwner: true, itemTypes: [{ itemType: { slug: 'trottinette' } }] });
  expect(listing.wants[1]).toMatchObject({ scope: 'SUBCATEGORY', chosenByOwner: false });
  expect(listing.wants[2]).toMatchObject({ scope: 'UNRESOLVED', chosenByOwner: false });

  // The edit form keeps the owner's choice.
  await page.goto(`/listings/${encodeURIComponent(id)}/edit`);
  await expect(want(page, 1).getByTestId('want-chip-Souhait 1')).toHaveText('Trottinette');
  await expect(want(page, 1).getByText('choisi par vous')).toBeVisible();
  await expect(want(page, 3).getByTestId('want-chip-Souhait 3')).toHaveText('Non reconnu');
});

test('a listing is created with two photos, the cover first', async ({ page }) => {
  await registerVerifiedMember(page);
  await page.goto('/listings/new');
  await fillBasics(page, 'Poussette canne Yoyo');
  await page.getByLabel('Ajouter des photos').setInputFiles([photo('rouge.png', [200, 30, 30]), photo('bleue.png', [30, 30, 200], 48, 64)]);
  const thumbs = page.getByRole('list', { name: 'Photos de l’annonce' }).getByRole('img');
  await expect(thumbs).toHaveCount(2);
  await page.getByRole('button', { name: 'Mettre la photo 2 en couverture' }).click();
  await expect(thumbs.first()).toHaveAccessibleName(/Couverture : bleue.png/);
  await expect(page.getByLabel('Catégorie', { exact: true })).not.toHaveValue('');

  // An impatient double click publishes once: the button is disabled while the upload runs.
  await page.getByRole('button', { name: 'Publier l’annonce' }).dblclick();
  await expectOwnListingPage(page);
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]);
  const listing = await stored(page, id);
  // The blue one, the only portrait photo, is the cover.
  expect(listing.images.map((i) => [i.width, i.height])).toEqual([[48, 64], [64, 48]]);
  expect(await countMyListings(page)).toBe(1);

  // The edit form shows them, the cover first, as stored.
  await page.goto(`/listings/${encodeURIComponent(id)}/edit`);
  await expect(page.getByRole('list', { name: 'Photos de l’annonce' }).getByRole('img')).toHaveCount(2);
});

test('bad input gets a message beside its field and creates nothing', async ({ page }) => {
  await registerVerifiedMember(page);
  await page.goto('/listings/new');

  await page.getByRole('button', { name: 'Publier l’annonce' }).click();
  const title = page.getByLabel('Titre', { exact: true });
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Donnez un titre à votre annonce.')).toBeVisible();
  await expect(title).toBeFocused();
  await expect(page.getByRole('combobox', { name: 'Commune' })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Choisissez la commune où se trouve l’objet.')).toBeVisible();
  await expect(page.getByText('Indiquez l’état de l’objet.')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('validation.png'), fullPage: true });

  await title.fill('ab');
  await page.getByRole('button', { name: 'Publier l’annonce' }).click();
  await expect(page.getByText('Le titre doit faire au moins 3 caractères.')).toBeVisible();

  await page.getByLabel('Ajouter des photos').setInputFiles([
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('pas une photo') },
    photo('ok.png', [10, 150, 10]),
  ]);
  await expect(page.getByText('« notes.txt » n’est pas une photo JPEG, PNG ou WebP.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Photos de l’annonce' }).getByRole('img')).toHaveCount(1);

  // A file that claims to be a PNG but is not one passes the quick check; the server refuses it on its photo.
  await title.fill('Lampe de bureau');
  await page.getByLabel('Bon état').check();
  await pickPlace(page, 'Lyon', /^Lyon\b/);
  await page.getByLabel('Ajouter des photos').setInputFiles([
    { name: 'faux.png', mimeType: 'image/png', buffer: Buffer.from('ceci est du texte, pas un PNG') },
  ]);
  await page.getByRole('button', { name: 'Publier l’annonce' }).click();
  await expect(page.locator('.lf-thumb-invalid .field-error')).toBeVisible();
  await expect(page.getByLabel('Ajouter des photos')).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Déposer une annonce' })).toBeVisible();
  expect(await countMyListings(page)).toBe(0);
});

test('the owner edits title, a want and the photos; another member is refused', async ({ page, browser }) => {
  await registerVerifiedMember(page);
  await page.goto('/listings/new');
  await fillBasics(page, 'Guitare classique');
  await page.getByRole('textbox', { name: 'Souhait 1', exact: true }).fill('un vélo de ville');
  await page.getByLabel('Ajouter des photos').setInputFiles([photo('a.png', [200, 30, 30]), photo('b.png', [30, 200, 30])]);
  const id = await publish(page);
  const before = await stored(page, id);
  expect(before.images).toHaveLength(2);

  await page.goto(`/listings/${encodeURIComponent(id)}/edit`);
  await expect(page.getByLabel('Titre', { exact: true })).toHaveValue('Guitare classique');
  await expect(page.getByText('Actuellement : Lyon.', { exact: false })).toBeVisible();
  await page.getByLabel('Titre', { exact: true }).fill('Guitare classique Yamaha C40');
  await page.getByRole('textbox', { name: 'Souhait 1', exact: true }).fill('une trottinette');
  await expect(want(page, 1).getByTestId('want-chip-Souhait 1').first()).toHaveText(/Trottinette/);
  await page.screenshot({ path: test.info().outputPath('edit.png'), fullPage: true });
  await page.getByRole('button', { name: 'Retirer la photo 1' }).click();
  await expect(page.getByRole('list', { name: 'Photos de l’annonce' }).getByRole('img')).toHaveCount(1);
  await page.getByLabel('Ajouter des photos').setInputFiles([photo('portrait.png', [30, 30, 200], 48, 64)]);
  await page.getByRole('button', { name: 'Mettre la photo 2 en couverture' }).click();
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expectOwnListingPage(page);

  const after = await stored(page, id);
  expect(after.title).toBe('Guitare classique Yamaha C40');
  expect(after.wants).toMatchObject([{ text: 'une trottinette', scope: 'ITEM_TYPES', itemTypes: [{ itemType: { slug: 'trottinette' } }] }]);
  // The first photo removed, the new one added and made the cover (addListingImages then reorderListingImages).
  expect(after.images).toHaveLength(2);
  expect(after.images[1].id).toBe(before.images[1].id);
  expect([after.images[0].width, after.images[0].height]).toEqual([48, 64]);
  expect(before.images.map((i) => i.id)).not.toContain(after.images[0].id);
  expect(after.placeName).toBe('Lyon');

  // Someone else opening the edit address is told plainly, and sees no form.
  const other = await browser.newContext();
  const second = await other.newPage();
  await registerVerifiedMember(second);
  await second.goto(`/listings/${encodeURIComponent(id)}/edit`);
  await expect(second.getByRole('alert')).toContainText('Vous ne pouvez pas modifier cette annonce');
  await expect(second.getByLabel('Titre', { exact: true })).toHaveCount(0);
  await second.goto('/listings/TGlzdGluZzo5OTk5OTk5/edit');
  await expect(second.getByRole('alert')).toContainText('n’existe pas');
  await other.close();
});

test('a member posts a listing from a phone @phone', async ({ page }, testInfo) => {
  await registerVerifiedMember(page);
  await page.goto('/listings/new');
  await page.getByLabel('Titre', { exact: true }).fill('Perceuse visseuse Bosch 18V');
  await expect(titleChip(page)).toHaveText(/Perceuse-visseuse/);
  await page.getByLabel('Bon état').check();
  await pickPlace(page, 'Lyon', /^Lyon\b/);
  await page.getByRole('textbox', { name: 'Souhait 1', exact: true }).fill('de l’outillage');
  await expect(want(page, 1).getByTestId('want-chip-Souhait 1')).toHaveText(/^Toute la sous-catégorie /);
  await page.getByLabel('Ajouter des photos').setInputFiles([photo('a.png', [200, 120, 30])]);
  await page.screenshot({ path: testInfo.outputPath(`listing-form-${testInfo.project.name}.png`), fullPage: true });
  // The two menus, as the person sees them on this screen.
  await page.getByRole('button', { name: 'Changer le type d’objet' }).click();
  await page.getByLabel('Chercher un type d’objet').fill('visseuse');
  await expect(page.getByRole('list', { name: /Résultats pour/ }).getByRole('button').first()).toBeVisible();
  await page.getByRole('group', { name: 'Changer le type d’objet' }).screenshot({ path: testInfo.outputPath(`title-menu-${testInfo.project.name}.png`) });
  await page.getByRole('button', { name: 'Changer le type d’objet' }).click();
  await page.getByRole('button', { name: 'Changer ce que demande le souhait 1' }).click();
  await want(page, 1).screenshot({ path: testInfo.outputPath(`want-menu-${testInfo.project.name}.png`) });
  await page.getByRole('button', { name: 'Fermer' }).click();
  const id = await publish(page);
  const listing = await stored(page, id);
  expect(listing.itemType?.slug).toBe('perceuse-visseuse');
  expect(listing.wants[0].scope).toBe('SUBCATEGORY');
  expect(listing.images).toHaveLength(1);
});

