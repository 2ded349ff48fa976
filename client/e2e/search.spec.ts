import { expect, test, type Page } from '@playwright/test';

/**
 * The results once the search of the current address has answered: the address changes before the page renders its
 * search, so the results must say they are for this address, then no longer be busy.
 */
async function settled(page: Page) {
  const results = page.locator('.search-results');
  await expect(results).toHaveAttribute('data-search', new URL(page.url()).searchParams.toString());
  await expect(results).toHaveAttribute('aria-busy', 'false');
}

async function resultCount(page: Page): Promise<number> {
  await settled(page);
  const text = (await page.getByRole('status').filter({ hasText: /annonce/ }).textContent()) ?? '';
  const match = text.replace(/\s/g, '').match(/^(\d+)annonces?/);
  return match ? Number(match[1]) : 0;
}

const cards = (page: Page) => page.locator('.search-results .listing-grid > li');

async function search(page: Page, text: string) {
  await page.getByLabel('Que cherchez-vous ?').fill(text);
  await page.getByLabel('Que cherchez-vous ?').press('Enter');
}

async function pickPlace(page: Page, name: string) {
  await page.getByLabel('Où ?').fill(name);
  await page.getByRole('option', { name: new RegExp(`^${name}\\b`) }).first().click();
}

test('a text search shows results and how many there are @phone', async ({ page }) => {
  await page.goto('/');
  await search(page, 'vélo');
  await expect(page).toHaveURL(/\?q=v%C3%A9lo$/);
  const count = await resultCount(page);
  expect(count).toBeGreaterThan(0);
  await expect(cards(page).first()).toBeVisible();
  await expect(cards(page)).toHaveCount(Math.min(count, 24));
  await expect(page).toHaveTitle(/« vélo »/);
});

test('a suggestion picked from the dropdown runs the search, with the keyboard too', async ({ page }) => {
  await page.goto('/');
  const box = page.getByLabel('Que cherchez-vous ?');
  await box.pressSequentially('vél');
  const suggestion = page.getByRole('option', { name: /^vélo,/ });
  await expect(suggestion).toBeVisible();
  await suggestion.click();
  await expect(page).toHaveURL(/\?q=v%C3%A9lo$/);
  await expect(box).toHaveValue('vélo');
  expect(await resultCount(page)).toBeGreaterThan(0);

  await box.fill('');
  await box.pressSequentially('perceu');
  await expect(page.getByRole('listbox', { name: 'Suggestions' })).toBeVisible();
  // The list may still show the suggestions of « vél » until those of « perceu » arrive.
  await expect(page.getByRole('option').first()).toHaveAttribute('aria-label', /^perce/i);
  await box.press('ArrowDown');
  await expect(box).toHaveAttribute('aria-activedescendant', /option-0/);
  const first = (await page.getByRole('option').first().getAttribute('aria-label'))!.split(',')[0].replace(' (catégorie)', '');
  await box.press('Enter');
  await expect(page.getByRole('listbox', { name: 'Suggestions' })).toHaveCount(0);
  await expect(page).toHaveURL(/[?&](q|cat)=/);
  if (new URL(page.url()).searchParams.get('q')) await expect(box).toHaveValue(first);
  expect(await resultCount(page)).toBeGreaterThan(0);
});

test('a place and a radius narrow the results and show distances', async ({ page }) => {
  await page.goto('/');
  const everywhere = await resultCount(page);
  expect(everywhere).toBeGreaterThan(100);

  await pickPlace(page, 'Lyon');
  await expect(page).toHaveURL(/place=[^&]+&r=10/);
  // The address changes first; the count is the new search's once the status names the place.
  await expect(page.getByRole('status')).toContainText('à moins de 10 km de Lyon');
  const near = await resultCount(page);
  expect(near).toBeGreaterThan(0);
  expect(near).toBeLessThan(everywhere);
  const distances = await page.locator('.listing-card-distance').allTextContents();
  expect(distances.length).toBe(await cards(page).count());
  for (const distance of distances) {
    const km = Number(distance.replace(/[^\d,]/g, '').replace(',', '.'));
    expect(km).toBeGreaterThanOrEqual(1);
    expect(km).toBeLessThanOrEqual(10);
  }

  await page.getByLabel('Rayon').selectOption('5');
  await expect(page).toHaveURL(/r=5/);
  await expect(page.getByRole('status')).toContainText('à moins de 5 km de Lyon');
  expect(await resultCount(page)).toBeLessThanOrEqual(near);

  await page.getByLabel('Trier par').selectOption('distance');
  await settled(page);
  const sorted = (await page.locator('.listing-card-distance').allTextContents()).map((d) => Number(d.replace(/[^\d,]/g, '').replace(',', '.')));
  expect(sorted).toEqual([...sorted].sort((a, b) => a - b));
});

test('a category and an item type facet narrow the results', async ({ page }) => {
  await page.goto('/?q=v%C3%A9lo');
  const all = await resultCount(page);

  await page.getByLabel('Catégorie', { exact: true }).selectOption({ label: 'Sport & plein air' });
  await expect(page).toHaveURL(/cat=sport-plein-air/);
  const sport = await resultCount(page);
  expect(sport).toBeGreaterThan(0);
  expect(sport).toBeLessThan(all);
  await expect(page.getByLabel('Sous-catégorie')).toBeVisible();

  await page.goto('/');
  const chips = page.getByRole('group', { name: 'Types d’objet' }).getByRole('button');
  const chip = chips.first();
  const label = (await chip.textContent())!;
  const chipCount = Number(label.match(/(\d+)$/)![1]);
  await chip.click();
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/type=/);
  expect(await resultCount(page)).toBe(chipCount);

  await page.getByRole('checkbox', { name: /Neuf/ }).check();
  await expect(page).toHaveURL(/cond=new/);
  expect(await resultCount(page)).toBeLessThanOrEqual(chipCount);
});

test('a condition checkbox takes each click at once and stays the same element while the facets reload', async ({ page }) => {
  await page.goto('/');
  await settled(page);
  const neuf = page.getByRole('checkbox', { name: /^Neuf/ });
  const commeNeuf = page.getByRole('checkbox', { name: /^Comme neuf/ });
  const before = await neuf.elementHandle();

  // Clicked from inside the page, the state is read in the same task as the click: no render can slip in between, so
  // this sees what a fast person sees. A checkbox whose state only followed the address once it re-rendered read false.
  expect(await neuf.evaluate((input: HTMLInputElement) => (input.click(), input.checked))).toBe(true);
  await expect(page).toHaveURL(/cond=new$/);
  await settled(page);
  await expect(neuf).toBeChecked();
  expect(await neuf.evaluate((input, earlier) => input === earlier && input.isConnected, before)).toBe(true);

  // Two quick clicks are two toggles: on, then off again. From a stale state, the second one turned it on once more.
  expect(await commeNeuf.evaluate((input: HTMLInputElement) => [(input.click(), input.checked), (input.click(), input.checked)])).toEqual([true, false]);
  await settled(page);
  expect(new URL(page.url()).searchParams.get('cond')).toBe('new');
  await expect(commeNeuf).not.toBeChecked();
  await expect(neuf).toBeChecked();
});

/** The next answer of the API to a search, with the request that asked for it. */
function searchResponse(page: Page) {
  return page.waitForResponse((response) => response.url().endsWith('/graphql') && /query SearchListings/.test(response.request().postData() ?? ''));
}

test('« Voir plus » appends the next page without duplicates, and without asking for the facets again', async ({ page }) => {
  const firstResponse = searchResponse(page);
  await page.goto('/');
  const total = await resultCount(page);
  await expect(cards(page)).toHaveCount(24);
  const firstPage = await page.locator('.listing-grid .listing-card-title a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  const chips = await page.getByRole('group', { name: 'Types d’objet' }).getByRole('button').allTextContents();
  // The largest item types only, not the hundreds of the whole catalogue.
  const first = (await (await firstResponse).json()).data.searchListings;
  expect(first.facets.itemTypes.length).toBeLessThanOrEqual(12);
  expect(chips.length).toBe(first.facets.itemTypes.length);

  const nextResponse = searchResponse(page);
  await page.getByRole('button', { name: 'Voir plus' }).click();
  const next = await nextResponse;
  expect(next.request().postDataJSON().variables).toMatchObject({ after: first.pageInfo.endCursor, withCounts: false });
  const nextPage = (await next.json()).data.searchListings;
  expect(nextPage.edges).toHaveLength(24);
  expect(nextPage).not.toHaveProperty('facets');
  expect(nextPage).not.toHaveProperty('totalCount');
  await expect(cards(page)).toHaveCount(48);
  await expect(page.getByText(`48 sur ${total}`)).toBeVisible();
  const both = await page.locator('.listing-grid .listing-card-title a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(both.slice(0, 24)).toEqual(firstPage);
  expect(new Set(both).size).toBe(48);
  expect(await resultCount(page)).toBe(total);
  // The filters still show the counts of the whole result set.
  expect(await page.getByRole('group', { name: 'Types d’objet' }).getByRole('button').allTextContents()).toEqual(chips);
  await expect(page.getByRole('checkbox', { name: /^Neuf/ }).locator('..').locator('.facet-count')).toHaveText(/^\d+$/);
});

test('the address holds the search: reload keeps it and the back button goes back to it', async ({ page }) => {
  await page.goto('/');
  await search(page, 'vélo');
  const textOnly = await resultCount(page);
  await pickPlace(page, 'Lyon');
  const withPlace = await resultCount(page);
  const url = page.url();

  await page.reload();
  await expect(page.getByLabel('Que cherchez-vous ?')).toHaveValue('vélo');
  await expect(page.getByLabel('Où ?')).toHaveValue(/^Lyon/);
  expect(await resultCount(page)).toBe(withPlace);

  await page.goBack();
  await expect(page).toHaveURL(/\?q=v%C3%A9lo$/);
  await expect(page.getByLabel('Où ?')).toHaveValue('');
  expect(await resultCount(page)).toBe(textOnly);

  await page.goForward();
  expect(page.url()).toBe(url);
  await expect(page.getByLabel('Où ?')).toHaveValue(/^Lyon/);
  expect(await resultCount(page)).toBe(withPlace);

  // A result, then back: the same search again.
  await cards(page).first().getByRole('link').click();
  await expect(page).toHaveURL(/\/listings\//);
  await page.goBack();
  expect(page.url()).toBe(url);
  expect(await resultCount(page)).toBe(withPlace);
});

test('a query that is too long is refused with a clear message', async ({ page }) => {
  await page.goto('/');
  await search(page, 'vélo '.repeat(45));
  await expect(page.getByRole('alert')).toContainText('trop longue');
  await expect(cards(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Trouver un objet à échanger' })).toBeVisible();
});

test('a search that finds nothing says so and offers a way out', async ({ page }) => {
  await page.goto('/?q=zzqxwv');
  await expect(page.getByRole('heading', { name: 'Aucune annonce ne correspond à votre recherche' })).toBeVisible();
  await page.getByRole('link', { name: 'Voir toutes les annonces' }).click();
  expect(await resultCount(page)).toBeGreaterThan(100);
});
