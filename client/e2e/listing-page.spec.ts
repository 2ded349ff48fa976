import { expect, test, type Page } from '@playwright/test';
import { demoMember, registerVerifiedMember, signIn } from './support';

/** Opens the first result of a search and returns the listing's address. */
async function openFirstResult(page: Page, query = 'vélo'): Promise<string> {
  await page.goto(`/?q=${encodeURIComponent(query)}`);
  const link = page.locator('.listing-grid .listing-card-title a').first();
  const title = (await link.textContent())!;
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  return new URL(page.url()).pathname;
}

async function photoLoaded(page: Page) {
  const photo = page.locator('.gallery-main img');
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
}

test('a result opens its page with its photos, details and what the owner wants @phone', async ({ page }) => {
  await openFirstResult(page);
  await photoLoaded(page);
  await expect(page.locator('.gallery-main img')).toHaveAttribute('alt', /.+/);
  await expect(page.getByRole('heading', { name: 'Description' })).toBeVisible();
  await expect(page.getByText('Proposé par')).toBeVisible();
  await expect(page.getByText(/emplacement approximatif/)).toBeVisible();
  await expect(page.getByText(/Publiée le/)).toBeVisible();
  await expect(page.locator('time')).toHaveText(/^\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}$/);
  await expect(page.getByRole('link', { name: 'Connectez-vous' })).toBeVisible();

  const thumbnails = page.getByRole('button', { name: /Voir la photo/ });
  if ((await thumbnails.count()) > 1) {
    const first = await page.locator('.gallery-main img').getAttribute('src');
    await thumbnails.nth(1).click();
    await expect(thumbnails.nth(1)).toHaveAttribute('aria-current', 'true');
    await expect(page.locator('.gallery-main img')).not.toHaveAttribute('src', first!);
    await photoLoaded(page);
  }
});

test('a member keeps a listing in their favourites across reloads', async ({ page }) => {
  test.slow();
  await registerVerifiedMember(page);
  const path = await openFirstResult(page);
  const title = (await page.getByRole('heading', { level: 1 }).textContent())!;
  const toggle = page.getByRole('button', { name: 'Ajouter aux favoris' });
  await toggle.click();
  // Shown at once (optimistic), then confirmed: the button is enabled again once the server answered.
  await expect(page.getByRole('button', { name: 'Dans vos favoris' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Dans vos favoris' })).toBeEnabled();

  await page.reload();
  await expect(page.getByRole('button', { name: 'Dans vos favoris' })).toHaveAttribute('aria-pressed', 'true');
  await page.goto('/me/listings');
  const favorites = page.getByRole('region', { name: /Mes favoris/ });
  await expect(favorites.getByRole('link', { name: title })).toBeVisible();
  await expect(page.getByText('Vous n’avez pas encore d’annonce')).toBeVisible();

  await page.goto(path);
  await page.getByRole('button', { name: 'Dans vos favoris' }).click();
  await expect(page.getByRole('button', { name: 'Ajouter aux favoris' })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('button', { name: 'Ajouter aux favoris' })).toBeEnabled();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Ajouter aux favoris' })).toHaveAttribute('aria-pressed', 'false');
  await page.goto('/me/listings');
  await expect(page.getByRole('region', { name: /Mes favoris/ }).getByRole('link', { name: title })).toHaveCount(0);
});

test('the owner archives a listing, finds it archived in « Mes annonces », and puts it back', async ({ page }) => {
  test.slow();
  await signIn(page, demoMember);
  await page.goto('/me/listings');
  // Rows keep their place (newest first) whatever their status; the other test of the demo member takes the last ones.
  const row = page.locator('.my-listing').first();
  await expect(row.locator('.status-badge')).toHaveText('En ligne');
  const title = (await row.getByRole('heading').textContent())!;
  await row.getByRole('link', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const path = new URL(page.url()).pathname;
  await expect(page.getByRole('link', { name: 'Modifier' })).toHaveAttribute('href', `${path}/edit`);
  await expect(page.getByRole('button', { name: /favoris/ })).toHaveCount(0);

  // In search before.
  await page.goto(`/?q=${encodeURIComponent(`"${title}"`)}`);
  await expect(page.locator(`.listing-grid a[href="${path}"]`)).toHaveCount(1);

  await page.goto(path);
  await page.getByRole('button', { name: 'Retirer l’annonce' }).click();
  await page.getByRole('button', { name: 'Annuler' }).click();
  await expect(page.locator('.status-badge')).toHaveCount(0);
  await page.getByRole('button', { name: 'Retirer l’annonce' }).click();
  await page.getByRole('button', { name: 'Oui, retirer' }).click();
  await expect(page.getByRole('status')).toContainText('Annonce retirée');
  await expect(page.locator('.listing-tags .status-badge')).toHaveText('Retirée');

  await page.goto(`/?q=${encodeURIComponent(`"${title}"`)}`);
  await expect(page.locator('.search-results')).toHaveAttribute('aria-busy', 'false');
  await expect(page.locator(`.listing-grid a[href="${path}"]`)).toHaveCount(0);

  await page.goto('/me/listings');
  const archived = page.locator('.my-listing').filter({ has: page.getByRole('link', { name: title, exact: true }) });
  await expect(archived.locator('.status-badge')).toHaveText('Retirée');
  await expect(archived.getByRole('link', { name: `Modifier « ${title} »` })).toHaveAttribute('href', `${path}/edit`);

  await page.goto(path);
  await page.getByRole('button', { name: 'Remettre en ligne' }).click();
  await expect(page.getByRole('status')).toContainText('remise en ligne');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Retirer l’annonce' })).toBeVisible();
  await page.goto(`/?q=${encodeURIComponent(`"${title}"`)}`);
  await expect(page.locator(`.listing-grid a[href="${path}"]`)).toHaveCount(1);
});

test('« Mes annonces » archives and reactivates from the list @phone', async ({ page }, testInfo) => {
  test.slow();
  await signIn(page, demoMember);
  await page.goto('/me/listings');
  // The desktop and phone runs of this test go in parallel: each takes its own listing, neither the owner test's.
  const rows = page.locator('.my-listing');
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThanOrEqual(3);
  const row = rows.nth(testInfo.project.name === 'phone' ? count - 2 : count - 1);
  await expect(row.locator('.status-badge')).toHaveText('En ligne');
  const title = (await row.getByRole('heading').textContent())!;
  const byTitle = page.locator('.my-listing').filter({ has: page.getByRole('link', { name: title, exact: true }) });
  await byTitle.getByRole('button', { name: 'Retirer' }).click();
  await byTitle.getByRole('button', { name: 'Oui, retirer' }).click();
  await expect(byTitle.locator('.status-badge')).toHaveText('Retirée');
  await page.reload();
  await expect(byTitle.locator('.status-badge')).toHaveText('Retirée');
  await byTitle.getByRole('button', { name: 'Remettre en ligne' }).click();
  await expect(byTitle.locator('.status-badge')).toHaveText('En ligne');
  await page.reload();
  await expect(byTitle.locator('.status-badge')).toHaveText('En ligne');
});

test('an unknown or malformed id shows « Annonce introuvable »', async ({ page }) => {
  for (const id of ['TGlzdGluZzowMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMA', 'pas-un-identifiant', 'VXNlcjox']) {
    await page.goto(`/listings/${id}`);
    await expect(page.getByRole('heading', { name: 'Annonce introuvable' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Voir les annonces' })).toBeVisible();
  }
});

test('a member blocks a listing’s owner: their listings leave the search until unblocked', async ({ page }) => {
  test.slow();
  await registerVerifiedMember(page);
  const path = await openFirstResult(page);
  const owner = (await page.locator('.listing-facts dd').nth(1).textContent())!.replace('Bloquer ce membre', '').trim();
  await page.getByRole('button', { name: 'Bloquer ce membre' }).click();
  await page.getByRole('button', { name: 'Oui, bloquer' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Vous bloquez ${owner}` })).toBeVisible();

  await page.goto('/?q=v%C3%A9lo');
  await expect(page.locator('.search-results')).toHaveAttribute('aria-busy', 'false');
  await expect(page.locator('.listing-grid li').first()).toBeVisible();
  await expect(page.locator(`.listing-grid a[href="${path}"]`)).toHaveCount(0);

  await page.goto(path);
  await page.getByRole('button', { name: `Débloquer ${owner}` }).click();
  await expect(page.getByRole('button', { name: 'Bloquer ce membre' })).toBeVisible();
  await page.goto('/?q=v%C3%A9lo');
  await expect(page.locator(`.listing-grid a[href="${path}"]`)).toHaveCount(1);
});
