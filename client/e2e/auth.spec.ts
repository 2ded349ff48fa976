import { expect, test } from '@playwright/test';
import { linkFromMail, newMember, registerVerifiedMember, signIn } from './support';

test('a newcomer registers, confirms the mailed link and may then post @phone', async ({ page }) => {
  const member = await registerVerifiedMember(page);

  await expect(page.getByText(member.displayName)).toBeVisible();
  await page.getByRole('link', { name: 'Déposer une annonce' }).first().click();
  await expect(page.getByRole('heading', { name: 'Déposer une annonce' })).toBeVisible();
});

test('registration errors are shown under their fields and nothing is created', async ({ page }) => {
  await page.goto('/register');
  await page.getByLabel('Nom affiché').fill('A');
  await page.getByLabel('Adresse email').fill('pas-une-adresse');
  await page.getByLabel('Mot de passe').fill('court');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();

  await expect(page.getByLabel('Adresse email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Nom affiché')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toHaveCount(0);
});

test('a wrong password says so without telling whether the account exists', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Adresse email').fill('personne@example.org');
  await page.getByLabel('Mot de passe').fill('pas le bon mot de passe');
  await page.getByRole('button', { name: 'Se connecter' }).click();

  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toHaveCount(0);
});

test('a member signs out, signs in again and comes back to the page they asked for', async ({ page }) => {
  const member = await registerVerifiedMember(page);
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Se connecter' })).toBeVisible();

  await page.goto('/me/listings');
  await expect(page).toHaveURL(/\/login\?next=%2Fme%2Flistings/);
  await page.getByLabel('Adresse email').fill(member.email);
  await page.getByLabel('Mot de passe').fill(member.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();

  await expect(page).toHaveURL(/\/me\/listings$/);
  await expect(page.getByRole('heading', { name: 'Mes annonces' })).toBeVisible();
});

test('the session survives a reload and is shared by a second tab', async ({ page, context }) => {
  const member = await registerVerifiedMember(page);
  await page.reload();
  await expect(page.getByText(member.displayName)).toBeVisible();

  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByText(member.displayName)).toBeVisible();
});

test('a forgotten password is reset through the mailed link', async ({ page }) => {
  const member = await registerVerifiedMember(page);
  await page.getByRole('button', { name: 'Se déconnecter' }).click();

  await page.goto('/forgot-password');
  await page.getByLabel('Adresse email').fill(member.email);
  await page.getByRole('button', { name: 'Recevoir un lien' }).click();
  await expect(page.getByRole('status')).toContainText('Si un compte utilise cette adresse');

  const link = new URL(await linkFromMail(member.email, '/reset-password'));
  await page.goto(link.pathname + link.search);
  await page.getByLabel('Nouveau mot de passe').fill('court');
  await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(page.getByLabel('Nouveau mot de passe')).toHaveAttribute('aria-invalid', 'true');

  const newPassword = 'une toute nouvelle phrase secrète';
  await page.getByLabel('Nouveau mot de passe').fill(newPassword);
  await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(page.getByRole('status')).toContainText('Votre mot de passe est changé');

  await signIn(page, { email: member.email, password: newPassword });
});

test('an unknown address gets the same answer as a known one', async ({ page }) => {
  const stranger = newMember();
  await page.goto('/forgot-password');
  await page.getByLabel('Adresse email').fill(stranger.email);
  await page.getByRole('button', { name: 'Recevoir un lien' }).click();
  await expect(page.getByRole('status')).toContainText('Si un compte utilise cette adresse');
});

test('the pages run under the server\'s Content-Security-Policy without a single violation', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));

  const response = await page.goto('/login');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await registerVerifiedMember(page);
  for (const path of ['/', '/me/listings', '/listings/new', '/forgot-password']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  expect(problems).toEqual([]);
});
