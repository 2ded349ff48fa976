// What the end-to-end tests share: a fresh member for each test, and the mails the server wrote to its outbox.
import { expect, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
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

/**
 * A mail's text, with quoted-printable undone when the mail says it uses it. Only then: the server writes plain 8-bit
 * mails, and decoding those anyway turned « ?token=4F… » into « ?tokenO… » for one token in sixteen.
 */
function readableMail(raw: string): string {
  if (!/^Content-Transfer-Encoding:\s*quoted-printable/im.test(raw)) return raw;
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Every mail in the outbox, newest first, decoded enough to read its headers and links. */
function outboxMails(): { name: string; text: string }[] {
  const outbox = process.env.TROC_E2E_OUTBOX!;
  return readdirSync(outbox)
    .filter((name) => name.endsWith('.eml'))
    .sort()
    .reverse() // the server names them by UTC time, to the millisecond
    .map((name) => ({ name, text: readableMail(readFileSync(join(outbox, name), 'latin1')) }));
}

/** The first link to `route` in the newest mail to `to` that has one, waiting for it to be written. */
export async function linkFromMail(to: string, route: string): Promise<string> {
  const pattern = new RegExp(`https?://[^\\s"<>]*${route}\\?token=[A-Za-z0-9%_\\-.~]+`);
  let link: string | undefined;
  try {
    await expect
      .poll(() => {
        link = outboxMails()
          .filter((mail) => mail.text.toLowerCase().includes(to.toLowerCase()))
          .map((mail) => mail.text.match(pattern)?.[0])
          .find(Boolean);
        return link !== undefined;
      }, { message: `a mail to ${to} with a ${route} link`, timeout: 30_000 })
      .toBe(true);
  } catch (error) {
    // Say what the outbox did hold, so that a failure can be told from a slow mail or a changed template.
    const seen = outboxMails().slice(0, 8).map((mail) => `${mail.name}: ${mail.text.match(/^To: .*$/m)?.[0]} | ${mail.text.match(/^Subject: .*$/m)?.[0]}`);
    throw new Error(`${(error as Error).message}\nnewest mails in ${process.env.TROC_E2E_OUTBOX}:\n${seen.join('\n')}`);
  }
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
