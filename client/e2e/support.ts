// What the end-to-end tests share: a fresh member for each test, and the mails the server wrote to its outbox.
import { expect, type Page } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

export const demoPassword = 'echange-de-demo-2026';
/** A demo member of the seed (`./troc seed`), with listings of their own. */
export const demoMember = { email: 'camille.01@demo.troc.fr', password: demoPassword };

export interface Member {
  email: string;
  password: string;
  displayName: string;
}

export function newMember(): Member {
  const id = randomUUID().slice(0, 8);
  return { email: `e2e-${id}@example.org`, password: `une phrase de passe ${id}`, displayName: `Testeur ${id}` };
}

/** Decodes a mail's quoted-printable body enough to read its links. */
function decodeQuotedPrintable(text: string): string {
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The first link to `route` in the newest mail to `to`, waiting for it to be written. */
export async function linkFromMail(to: string, route: string): Promise<string> {
  const outbox = process.env.TROC_E2E_OUTBOX!;
  let link: string | undefined;
  await expect
    .poll(() => {
      const mails = readdirSync(outbox)
        .filter((name) => name.endsWith('.eml'))
        .map((name) => join(outbox, name))
        .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
        .map((path) => decodeQuotedPrintable(readFileSync(path, 'latin1')))
        .filter((mail) => mail.toLowerCase().includes(to.toLowerCase()));
      for (const mail of mails) {
        const match = mail.match(new RegExp(`https?://[^\\s"<>]*${route}\\?token=[A-Za-z0-9%_\\-.~]+`));
        if (match) {
          link = match[0];
          return true;
        }
      }
      return false;
    }, { message: `a mail to ${to} with a ${route} link`, timeout: 30_000 })
    .toBe(true);
  return link!;
}

/** Registers through the form, then opens the verification link mailed to the new member. */
export async function registerVerifiedMember(page: Page, member: Member = newMember()): Promise<Member> {
  await page.goto('/register');
  await page.getByLabel('Nom affiché').fill(member.displayName);
  await page.getByLabel('Adresse email').fill(member.email);
  await page.getByLabel('Mot de passe').fill(member.password);
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('heading', { name: 'Confirmez votre adresse email' })).toBeVisible();
  const link = new URL(await linkFromMail(member.email, '/verify-email'));
  await page.goto(link.pathname + link.search);
  await expect(page.getByText('Votre adresse est confirmée')).toBeVisible();
  return member;
}

export async function signIn(page: Page, member: { email: string; password: string }) {
  await page.goto('/login');
  await page.getByLabel('Adresse email').fill(member.email);
  await page.getByLabel('Mot de passe').fill(member.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
}
