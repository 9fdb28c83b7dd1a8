// The front door: a visitor who is not signed in downloads the small entry
// (sign-in, invitations), not the portal; typing on the sign-in page fetches
// the portal into the cache, and signing in loads it.
import { test, expect } from './fixtures.mjs';
import { PASSWORD, createAccount, createUser, unique } from './helpers.mjs';

const FRONT_DOOR_WASM = /^\/front-door-[0-9a-f]+_bg\.wasm$/;
const PORTAL_WASM = /^\/partner-portal-[0-9a-f]+_bg\.wasm$/;

/** An administrator of a new account whose contact information is empty. */
function incompleteAccount(name) {
  const id = unique();
  const { partnerId } = createAccount(`${name} ${id}`);
  const email = `front-door-${id}@partner.example`;
  createUser(partnerId, email, 'administrator', 'Fay Front');
  return email;
}

/** The paths of the wasm files the page asks for, as they are asked. */
function wasmRequests(page) {
  const paths = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.endsWith('.wasm')) paths.push(pathname);
  });
  return paths;
}

test('signed out, /sign-in downloads the front door, typing prefetches the portal, signing in shows the modal', async ({ page }) => {
  const email = incompleteAccount('Front door');
  const wasm = wasmRequests(page);
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { name: 'Sign in to the Partner Portal' })).toBeVisible();
  await page.waitForLoadState('load');
  expect(wasm).toHaveLength(1);
  expect(wasm[0]).toMatch(FRONT_DOOR_WASM);

  await page.getByLabel('Email address').fill(email);
  // The portal's wasm is fetched while the visitor is still typing.
  await expect.poll(() => wasm.filter((path) => PORTAL_WASM.test(path))).toHaveLength(1);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('onboarding-modal')).toBeVisible();
  await expect(page.getByRole('dialog')).toBeVisible();
});

test('signed out, a deep link of the portal asks to sign in on the front door and returns there', async ({ page }) => {
  const email = incompleteAccount('Deep link');
  const wasm = wasmRequests(page);
  await page.goto('/settings/contact');
  await expect(page.getByRole('heading', { name: 'Sign in to the Partner Portal' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/sign-in');
  expect(new URL(page.url()).searchParams.get('next')).toBe('/settings/contact');
  await page.waitForLoadState('load');
  expect(wasm.every((path) => FRONT_DOOR_WASM.test(path))).toBe(true);

  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page).toHaveURL(/\/settings\/contact$/);
  await expect(page.getByTestId('onboarding-modal')).toBeVisible();
  expect(wasm.some((path) => PORTAL_WASM.test(path))).toBe(true);
});

test('the front door in Spanish: the language chosen there stays with the portal', async ({ page }) => {
  const email = incompleteAccount('Idioma');
  await page.goto('/sign-in');
  await page.getByLabel('Language').selectOption('es');
  await expect(page.getByRole('heading', { name: 'Inicia sesión en el Portal para socios' })).toBeVisible();
  await page.locator('input[autocomplete="username"]').fill(email);
  await page.locator('input[autocomplete="current-password"]').fill(PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await expect(page.getByTestId('onboarding-modal')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
});
