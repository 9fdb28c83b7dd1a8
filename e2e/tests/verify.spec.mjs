// Verified addresses against the real server: a saved address is mailed a
// link, the link's page (for a visitor who is not signed in) shows which
// account and roles it is about, opening it confirms nothing, and only the
// Confirm button does; the form then says the address is verified. Plus
// axe-core on the link's page and on the form with its address states.
import { test, expect } from './fixtures.mjs';
import {
  PASSWORD,
  createAccount,
  createUser,
  expectAccessible,
  lastMailTo,
  signIn,
  unique,
  unlockedAccount,
  validContactInfo,
} from './helpers.mjs';

/** The path of the newest confirmation link mailed to `address`. */
function linkTo(address) {
  const mail = lastMailTo(address);
  expect(mail, `a mail to ${address}`).toBeTruthy();
  const link = mail.match(/https?:\/\/\S+(\/verify\/[A-Za-z0-9_-]+)/);
  expect(link, `a confirmation link in the mail to ${address}`).toBeTruthy();
  return link[1];
}

/**
 * A fresh account whose saved contact information names a new address as
 * technical emergency contact, saved through the API by its administrator
 * outside the browser; returns the account and the link mailed to the address.
 */
async function mailedLink(playwright, name) {
  const id = unique();
  const account = `${name} ${id}`;
  const { partnerId } = createAccount(account);
  const admin = `admin-${id}@partner.example`;
  createUser(partnerId, admin, 'administrator', 'Ada Admin');
  const api = await playwright.request.newContext({ baseURL: process.env.PORTAL_URL });
  try {
    expect((await api.post('/api/v1/session', { data: { email: admin, password: PASSWORD } })).status()).toBe(200);
    const session = await (await api.get('/api/v1/session')).json();
    const owner = `owner-${id}@partner.example`;
    const info = validContactInfo(session.user.id);
    info.technical_emergency = [{ email: owner, name: '', phone: '' }];
    const saved = await api.put('/api/v1/account/contact-info', { headers: { 'If-Match': '"0"' }, data: info });
    expect(saved.status()).toBe(200);
  } finally {
    await api.dispose();
  }
  return { account, partnerId, owner: `owner-${id}@partner.example`, path: linkTo(`owner-${id}@partner.example`) };
}

/** The public pages' wasm: the status page and confirmation links. */
const PUBLIC_PAGES_WASM = /^\/public-pages-[0-9a-f]+_bg\.wasm$/;

/** The state shown under the entry with `data-testid`. */
const stateOf = (page, entry) => page.getByTestId(entry).getByTestId('address-state');

test('a saved address is mailed a link that confirms it only when its owner clicks Confirm', async ({ page, browser }) => {
  const { id, partnerId } = await unlockedAccount(page, 'Verify');
  const owner = `owner-${id}@partner.example`;
  await page.goto('/settings/contact');
  const form = page.getByTestId('contact-form');
  await expect(form).toBeVisible();
  await page.getByTestId('field-technical_emergency').getByRole('button', { name: 'Add contact' }).click();
  await page.getByTestId('technical_emergency[1].email').fill(owner);
  // Typed but not saved: no state yet.
  await expect(stateOf(page, 'technical_emergency[1]')).toBeHidden();
  await page.getByRole('button', { name: 'Save contact information' }).click();
  await expect(page.getByTestId('form-status')).toHaveText('Contact information saved.');
  await expect(stateOf(page, 'technical_emergency[1]')).toContainText('Verification sent');

  // The owner opens the mailed link in a browser that is not signed in.
  const path = linkTo(owner);
  const visitor = await browser.newContext();
  const link = await visitor.newPage();
  await link.goto(path);
  await expect(link.getByRole('heading', { level: 1, name: 'Confirm your contact address' })).toBeVisible();
  const details = link.getByTestId('verify-details');
  await expect(details).toContainText(`Verify ${id}`);
  await expect(details).toContainText(`Partner ID ${partnerId}`);
  await expect(details).toContainText('Technical emergency contacts');
  await expect(link.getByText(`${owner} is named`)).toBeVisible();

  // Opening the page confirmed nothing.
  await page.reload();
  await expect(stateOf(page, 'technical_emergency[1]')).toContainText('Verification sent');
  await expect(stateOf(page, 'technical_emergency[1]')).not.toContainText('Verified');

  await link.getByRole('button', { name: 'Confirm this address' }).click();
  await expect(link.getByRole('heading', { level: 1, name: 'Address confirmed' })).toBeFocused();
  await expect(link.getByTestId('verify-confirmed')).toContainText(`${owner} is confirmed for Verify ${id}`);
  await expectAccessible(link, 'the confirmed link page');
  await visitor.close();

  await page.reload();
  await expect(stateOf(page, 'technical_emergency[1]')).toContainText('Verified');
  await expect(stateOf(page, 'technical_emergency[1]').getByRole('button')).toHaveCount(0);
  // The other addresses were mailed links by the first save and wait for their owners.
  await expect(stateOf(page, 'technical_emergency[0]')).toContainText('Verification sent');
  await expectAccessible(page, 'the contact form with address states');

  await page.goto('/');
  await expect(page.getByTestId('checklist-contact')).toContainText('1 of 5 addresses verified');
});

test('a read-only colleague sees each address\'s state in Settings, confirmed by its owner elsewhere', async ({ browser, playwright }) => {
  const { partnerId, owner, path } = await mailedLink(playwright, 'Reader');
  // The owner confirms the mailed link, signed out, in a browser of their own.
  const visitor = await browser.newContext();
  const link = await visitor.newPage();
  await link.goto(path);
  await link.getByRole('button', { name: 'Confirm this address' }).click();
  await expect(link.getByRole('heading', { level: 1, name: 'Address confirmed' })).toBeVisible();
  await visitor.close();

  const id = unique();
  const reader = `reader-${id}@partner.example`;
  createUser(partnerId, reader, 'read-only', 'Rosa Reader');
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await signIn(page, reader);
  await page.goto('/settings/contact');
  await expect(page.getByTestId('contact-form-read-only')).toBeVisible();
  const verified = stateOf(page, 'technical_emergency[0]');
  await expect(verified).toContainText('Verified');
  await expect(page.getByTestId('technical_emergency[0]')).toContainText(owner);
  await expect(stateOf(page, 'technical_non_emergency[0]')).toContainText('Verification sent');
  await expect(page.getByTestId('contact-form-read-only').getByRole('button')).toHaveCount(0);
  await expectAccessible(page, 'the read-only contact information with address states');
  await context.close();
});

test('a confirmation link downloads the small public pages, not the portal', async ({ browser, playwright }) => {
  const { account, path } = await mailedLink(playwright, 'Public pages');
  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  const wasm = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.endsWith('.wasm')) wasm.push(pathname);
  });
  await page.goto(path);
  await expect(page.getByTestId('verify-details')).toContainText(account);
  await page.waitForLoadState('load');
  expect(wasm).toHaveLength(1);
  expect(wasm[0]).toMatch(PUBLIC_PAGES_WASM);
  await visitor.close();
});

test('sending a link again too soon says when to try again', async ({ page, consoleGuard }) => {
  consoleGuard.allowStatus(429);
  await unlockedAccount(page, 'Resend');
  await page.goto('/settings/contact');
  const state = stateOf(page, 'technical_non_emergency[0]');
  // Saving mailed it a link a moment ago.
  await expect(state).toContainText('Verification sent');
  await state.getByRole('button', { name: 'Resend: tech@partner.example' }).click();
  await expect(state.getByRole('alert')).toHaveText('A link was sent to this address less than 10 minutes ago; try again when 10 minutes have passed.');
});

test('a link that does not work says what to do, in Spanish', async ({ browser, consoleGuard }) => {
  consoleGuard.allowStatus(404);
  const visitor = await browser.newContext({ locale: 'es-ES' });
  const page = await visitor.newPage();
  await page.goto(`/verify/${'x'.repeat(43)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Este enlace no funciona' })).toBeVisible();
  await expect(page.getByTestId('verify-invalid')).toContainText('pide a los administradores');
  await visitor.close();
});

for (const [locale, width] of [
  ['en-US', 360],
  ['en-US', 1280],
  ['es-ES', 360],
  ['es-ES', 1280],
]) {
  test(`the link's page passes axe in ${locale} at ${width} px`, async ({ browser, playwright }) => {
    const { account, path } = await mailedLink(playwright, `Axe ${locale} ${width}`);
    const visitor = await browser.newContext({ locale, viewport: { width, height: 800 } });
    const page = await visitor.newPage();
    await page.goto(path);
    await expect(page.getByTestId('verify-details')).toContainText(account);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expectAccessible(page, `the link's page (${locale}, ${width} px)`);
    await visitor.close();
  });
}
