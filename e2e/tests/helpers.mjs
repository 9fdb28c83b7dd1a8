// Shared steps of the end-to-end tests: accounts and users are created with the
// server's own admin commands against the test server's database, so every
// test starts from a fresh account of its own.
import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';

const bin = process.env.PORTAL_SERVER_BIN;
const env = { ...process.env, PORTAL_LOG: 'warn', PORTAL_PUBLIC_URL: process.env.PORTAL_URL };

export const PASSWORD = 'correct horse battery staple';

let counter = 0;
/** A unique suffix, so tests never share addresses or accounts. */
export function unique() {
  counter += 1;
  return `${Date.now().toString(36)}${process.pid}${counter}`;
}

/** A new account; returns its Partner ID and the path of its one-time setup link. */
export function createAccount(name, integrations = 'things_to_do') {
  const out = execFileSync(bin, ['admin', 'create-account', '--name', name, '--integrations', integrations], { env })
    .toString()
    .trim()
    .split('\n');
  const partnerId = out[0];
  const setupUrl = out.find((line) => line.startsWith('setup link: ')).slice('setup link: '.length);
  return { partnerId, setupPath: new URL(setupUrl).pathname };
}

/** An active user of the account, with PASSWORD. */
export function createUser(partnerId, email, role, name) {
  const args = ['admin', 'create-user', '--account', partnerId, '--email', email, '--role', role];
  if (name) args.push('--name', name);
  execFileSync(bin, args, { env: { ...env, PORTAL_PASSWORD: PASSWORD } });
}

/** The newest mail to `recipient` in the outbox. */
export function lastMailTo(recipient) {
  const out = execFileSync(bin, ['admin', 'outbox', '--limit', '50'], { env }).toString();
  const mails = out.split(/^#\d+ /m).filter((m) => m.includes(` to ${recipient} `));
  return mails[0];
}

/** Signs in through the form (in the page's language) and waits until the portal shows. */
export async function signIn(page, email, password = PASSWORD) {
  await page.goto('/sign-in');
  await page.locator('input[autocomplete="username"]').fill(email);
  await page.locator('input[autocomplete="current-password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** Zero axe-core violations against WCAG 2.0/2.1/2.2 A and AA. */
export async function expectAccessible(page, what) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary})`).join('; ')}`,
  );
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

/** Complete contact information naming `userId` as alert contact. */
export function validContactInfo(userId) {
  return {
    alert_contacts: [userId],
    technical_emergency: [{ email: 'oncall@partner.example', name: '', phone: '' }],
    technical_non_emergency: [{ email: 'tech@partner.example', name: '', phone: '' }],
    merchant_operational: [],
    operational_google: [{ email: 'ops@partner.example', name: '', phone: '' }],
    shared_with_users: { email: 'support@partner.example', name: '', phone: '' },
    support_hours: [
      { time_zone: 'Europe/Madrid', days: ['mon', 'tue', 'wed', 'thu', 'fri'], all_day: false, from: '09:00', to: '17:00' },
    ],
  };
}

/**
 * A fresh account whose contact information is already complete, with an
 * administrator signed in on `page`; returns the account and the address.
 */
export async function unlockedAccount(page, name = 'Unlocked') {
  const id = unique();
  const { partnerId } = createAccount(`${name} ${id}`);
  const email = `admin-${id}@partner.example`;
  createUser(partnerId, email, 'administrator', 'Ada Admin');
  await signIn(page, email);
  await expect(page.getByRole('dialog')).toBeVisible();
  const session = await (await page.request.get('/api/v1/session')).json();
  const saved = await page.request.put('/api/v1/account/contact-info', {
    headers: { 'If-Match': '"0"' },
    data: validContactInfo(session.user.id),
  });
  expect(saved.status()).toBe(200);
  await page.reload();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  return { id, partnerId, email };
}
