// The locked portal against the real server: nothing protected behind the
// modal, each resource fetched once, and signing out without a single
// console error (the console guard of fixtures.mjs fails any test that logs one).
import { test, expect } from './fixtures.mjs';
import { PASSWORD, createAccount, createUser, signIn, unique, unlockedAccount } from './helpers.mjs';

/** An incomplete account with an administrator and an editor; nobody signed in. */
function lockedAccount(name) {
  const id = unique();
  const { partnerId } = createAccount(`${name} ${id}`);
  const admin = `admin-${id}@partner.example`;
  const editor = `editor-${id}@partner.example`;
  createUser(partnerId, admin, 'administrator', 'Ada Admin');
  createUser(partnerId, editor, 'editor', 'Eve Editor');
  return { admin, editor };
}

/** Signs in through the API, so the next page load is the portal's first. */
async function signInQuietly(page, email) {
  const answer = await page.request.post('/api/v1/session', { data: { email, password: PASSWORD } });
  expect(answer.status()).toBe(200);
}

for (const path of ['/settings/users', '/settings/contact']) {
  test(`locked ${path}: nothing but the modal shows any user or a second form`, async ({ page }) => {
    const { admin, editor } = lockedAccount('Locked page');
    await signInQuietly(page, admin);
    await page.goto(path);
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    // The modal has what it needs: the form, and the users on its other tab.
    await expect(dialog.getByTestId('contact-form')).toBeVisible();
    await expect(dialog.getByTestId('users-list').getByText(editor)).toHaveCount(1);

    await expect(page.getByTestId('contact-form')).toHaveCount(1);
    await expect(page.getByTestId('locked-placeholder')).toBeVisible();
    const outside = await page.evaluate(() => {
      const copy = document.body.cloneNode(true);
      copy.querySelectorAll('[role="dialog"]').forEach((d) => d.remove());
      const values = [...document.querySelectorAll('input, textarea, select')]
        .filter((field) => !field.closest('[role="dialog"]'))
        .map((field) => field.value);
      return copy.outerHTML + values.join('\n');
    });
    for (const email of [admin, editor]) {
      expect(outside, `${email} outside the dialog`).not.toContain(email);
    }
    expect(outside).not.toContain('Eve Editor');
  });
}

test('a locked first load asks for the session, the contact information and the users once each', async ({ page }) => {
  const { admin } = lockedAccount('Requests');
  await signInQuietly(page, admin);
  const asked = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) asked.push(`${request.method()} ${url.pathname}`);
  });
  await page.goto('/');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('contact-form')).toBeVisible();
  await expect(dialog.getByTestId('users-list').getByText(admin)).toHaveCount(1);
  await page.waitForLoadState('networkidle');
  const counts = {};
  for (const request of asked) counts[request] = (counts[request] ?? 0) + 1;
  expect(counts).toEqual({
    'GET /api/v1/session': 1,
    'GET /api/v1/account/contact-info': 1,
    'GET /api/v1/users': 1,
  });
});

test('signing out from the modal ends the session with no console error', async ({ page }) => {
  const { admin } = lockedAccount('Sign out modal');
  await signIn(page, admin);
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('contact-form')).toBeVisible();
  await dialog.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to the Partner Portal' })).toBeVisible();
  expect((await page.request.get('/api/v1/session')).status()).toBe(204);
});

test('a read-only user signs out from the modal with no console error', async ({ page }) => {
  const id = unique();
  const { partnerId } = createAccount(`Sign out reader ${id}`);
  createUser(partnerId, `admin-${id}@partner.example`, 'administrator', 'Ada Admin');
  const reader = `reader-${id}@partner.example`;
  createUser(partnerId, reader, 'read_only', 'Rea Reader');
  await signIn(page, reader);
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('read-only-gate')).toContainText('Ada Admin');
  await dialog.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to the Partner Portal' })).toBeVisible();
  expect((await page.request.get('/api/v1/session')).status()).toBe(204);
});

test('signing out from the unlocked portal ends the session with no console error', async ({ page }) => {
  await unlockedAccount(page, 'Sign out portal');
  await page.goto('/settings/contact');
  await expect(page.getByTestId('contact-form')).toBeVisible();
  // Sign out sits in the user's menu, opened from the top bar.
  await page.getByRole('banner').getByRole('button', { name: 'Account menu: Ada Admin' }).click();
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to the Partner Portal' })).toBeVisible();
  expect((await page.request.get('/api/v1/session')).status()).toBe(204);
});
