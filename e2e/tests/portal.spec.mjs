// The unlocked portal against the real server: settings, history, conflicts,
// roles, invitations, session expiry, and accessibility of every page.
import { test, expect } from './fixtures.mjs';
import {
  PASSWORD,
  createUser,
  expectAccessible,
  lastMailTo,
  signIn,
  unlockedAccount,
} from './helpers.mjs';

test('an administrator changes a contact and sees it in the history', async ({ page }) => {
  await unlockedAccount(page, 'History');
  await page.goto('/settings/contact');
  await expect(page.getByTestId('last-updated')).toContainText('Ada Admin');
  await expect(page.getByTestId('history-entry').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  const asked = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) asked.push(`${request.method()} ${url.pathname}`);
  });
  await page.getByTestId('shared_with_users.email').fill('help-desk@partner.example');
  await page.getByRole('button', { name: 'Save contact information' }).click();
  await expect(page.getByTestId('form-status')).toHaveText('Contact information saved.');
  const newest = page.getByTestId('history-entry').first();
  await expect(newest).toContainText('Ada Admin');
  await expect(newest).toContainText('Operational contact (to share with users)');
  await expect(newest).toContainText('support@partner.example → help-desk@partner.example');
  // The page kept its state: the message is still there once the history has
  // reloaded, focus is back on Save, and the save cost one PUT (plus the
  // history, and the addresses' states: the save mailed the new address a link).
  await page.waitForLoadState('networkidle');
  await expect(page.getByTestId('form-status')).toHaveText('Contact information saved.');
  await expect(page.getByTestId('save-contact-info')).toBeFocused();
  expect(asked.sort()).toEqual([
    'GET /api/v1/account/contact-info/addresses',
    'GET /api/v1/account/contact-info/history',
    'PUT /api/v1/account/contact-info',
  ]);
});

/** The administrator on `page` and an editor in a second browser, both on Settings → Contact information. */
async function twoEditors(page, browser, name) {
  const { partnerId, id } = await unlockedAccount(page, name);
  const editorEmail = `editor-${id}@partner.example`;
  createUser(partnerId, editorEmail, 'editor', 'Eve Editor');
  const other = await browser.newContext();
  const second = await other.newPage();
  await signIn(second, editorEmail);
  await expect(second.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await page.goto('/settings/contact');
  await second.goto('/settings/contact');
  await expect(page.getByTestId('contact-form')).toBeVisible();
  await expect(second.getByTestId('contact-form')).toBeVisible();
  return { other, second };
}

test('two people editing different fields at once: both changes are stored', async ({ page, browser, consoleGuard }) => {
  consoleGuard.allowStatus(412);
  const { other, second } = await twoEditors(page, browser, 'Merge');
  await page.getByTestId('technical_non_emergency[0].email').fill('tech-first@partner.example');
  await second.getByTestId('operational_google[0].email').fill('ops-second@partner.example');

  await page.getByRole('button', { name: 'Save contact information' }).click();
  await expect(page.getByTestId('form-status')).toHaveText('Contact information saved.');

  await second.getByRole('button', { name: 'Save contact information' }).click();
  await expect(second.getByTestId('form-status')).toContainText('Changes someone else saved meanwhile');
  await expect(second.getByTestId('conflict')).toHaveCount(0);
  // The field the second person never touched shows the first person's change.
  await expect(second.getByTestId('technical_non_emergency[0].email')).toHaveValue('tech-first@partner.example');

  const stored = await (await page.request.get('/api/v1/account/contact-info')).json();
  expect(stored.version).toBe(3);
  expect(stored.contact_info.technical_non_emergency[0].email).toBe('tech-first@partner.example');
  expect(stored.contact_info.operational_google[0].email).toBe('ops-second@partner.example');
  expect(stored.contact_info.shared_with_users.email).toBe('support@partner.example');
  await other.close();
});

test('two people editing the same field at once: the second chooses, and the choice is stored', async ({ page, browser, consoleGuard }) => {
  consoleGuard.allowStatus(412);
  const { other, second } = await twoEditors(page, browser, 'Conflict');
  await page.getByTestId('technical_emergency[0].email').fill('oncall-first@partner.example');
  await page.getByTestId('technical_non_emergency[0].email').fill('tech-first@partner.example');
  await second.getByTestId('technical_emergency[0].email').fill('oncall-second@partner.example');

  await page.getByRole('button', { name: 'Save contact information' }).click();
  await expect(page.getByTestId('form-status')).toHaveText('Contact information saved.');

  await second.getByRole('button', { name: 'Save contact information' }).click();
  const conflict = second.getByTestId('conflict');
  await expect(conflict).toContainText('Someone else saved the contact information while you were editing');
  await expect(conflict.getByTestId('conflict-technical_emergency-theirs')).toContainText('oncall-first@partner.example');
  await expect(conflict.getByTestId('conflict-technical_emergency-mine')).toContainText('oncall-second@partner.example');
  await expect(conflict.getByTestId('conflict-taken')).toContainText('Technical non-emergency contacts');
  await conflict.getByTestId('conflict-technical_emergency-mine').getByLabel('Keep mine').check();
  await second.getByRole('button', { name: 'Save contact information' }).click();
  await expect(second.getByTestId('form-status')).toContainText('Contact information saved.');

  const stored = await (await page.request.get('/api/v1/account/contact-info')).json();
  expect(stored.version).toBe(3);
  expect(stored.contact_info.technical_emergency[0].email).toBe('oncall-second@partner.example');
  // What the second person never touched keeps the first person's change.
  expect(stored.contact_info.technical_non_emergency[0].email).toBe('tech-first@partner.example');
  await other.close();
});

test('an editor cannot manage users, in the interface or through the API', async ({ page, browser }) => {
  const { partnerId, id } = await unlockedAccount(page, 'Editor');
  const editorEmail = `editor-${id}@partner.example`;
  createUser(partnerId, editorEmail, 'editor', 'Eve Editor');
  const other = await browser.newContext();
  const editor = await other.newPage();
  await signIn(editor, editorEmail);
  await editor.goto('/settings/users');
  await expect(editor.getByTestId('users-read-only')).toBeVisible();
  await expect(editor.getByTestId('invite-form')).toHaveCount(0);
  await expect(editor.getByRole('button', { name: 'Remove' })).toHaveCount(0);
  const answer = await editor.request.post('/api/v1/users', {
    data: { name: 'Sneaky', email: `sneaky-${id}@partner.example`, role: 'administrator' },
  });
  expect(answer.status()).toBe(403);
  await other.close();
});

test('invite, accept in another browser, change the role, remove', async ({ page, browser }) => {
  const { id } = await unlockedAccount(page, 'Invite');
  const email = `new-${id}@partner.example`;
  await page.goto('/settings/users');
  const invite = page.getByTestId('invite-form');
  await invite.getByLabel('Name').fill('Nia New');
  await invite.getByLabel('Email address').fill(email);
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByTestId('users-status')).toContainText(`Invitation sent to ${email}`);
  const row = page.getByTestId('users-list').getByRole('listitem').filter({ hasText: email });
  await expect(row).toContainText('Invitation pending');

  const mail = lastMailTo(email);
  const link = new URL(mail.match(/https?:\/\/\S+\/invitation\/[0-9a-f]{64}/)[0]);
  const other = await browser.newContext();
  const invitee = await other.newPage();
  await invitee.goto(link.pathname);
  await invitee.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await invitee.getByLabel('Repeat the password').fill(PASSWORD);
  await invitee.getByRole('button', { name: 'Create my account' }).click();
  await expect(invitee.getByRole('heading', { name: 'Your account is ready' })).toBeVisible();
  await signIn(invitee, email);
  await expect(invitee.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await other.close();

  await page.reload();
  await expect(row).toContainText('Active');
  await row.getByRole('button', { name: 'Change role' }).click();
  await row.getByRole('combobox', { name: 'New role for Nia New' }).selectOption('read_only');
  await row.getByRole('button', { name: 'Save role' }).click();
  await expect(page.getByTestId('users-status')).toContainText("Nia New's role is now Read only.");
  await row.getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('button', { name: 'Remove user' }).click();
  await expect(page.getByTestId('users-status')).toContainText('Nia New was removed from the account.');
  const users = await (await page.request.get('/api/v1/users')).json();
  expect(users.map((u) => u.email)).not.toContain(email);
});

test('a session that expires mid-edit brings the user back to the form with the draft', async ({ page, consoleGuard }) => {
  consoleGuard.allowStatus(401);
  const { email } = await unlockedAccount(page, 'Expiry');
  await page.goto('/settings/contact');
  await page.getByTestId('operational_google[0].email').fill('kept-through-sign-in@partner.example');
  // The session ends on the server (as after 30 idle minutes).
  expect((await page.request.delete('/api/v1/session')).status()).toBe(204);
  await page.getByRole('button', { name: 'Save contact information' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to the Partner Portal' })).toBeVisible();
  expect(new URL(page.url()).searchParams.get('next')).toBe('/settings/contact');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/settings\/contact$/);
  await expect(page.getByTestId('draft-notice')).toBeVisible();
  await expect(page.getByTestId('operational_google[0].email')).toHaveValue('kept-through-sign-in@partner.example');
});

// One page, one language, one width per test.
for (const locale of ['en-US', 'es-ES']) {
  for (const width of [360, 1280]) {
    for (const path of ['/', '/settings/contact', '/settings/users', '/help', '/no/such/page']) {
      test(`${path} passes axe-core (${locale}, ${width} px)`, async ({ browser }) => {
        const setup = await browser.newContext();
        const { email } = await unlockedAccount(await setup.newPage(), 'Axe pages');
        await setup.close();
        const context = await browser.newContext({ locale, viewport: { width, height: 800 } });
        const page = await context.newPage();
        await signIn(page, email);
        await page.goto(path);
        await expect(page.locator('#main h1')).toBeVisible();
        await page.waitForLoadState('networkidle');
        await expectAccessible(page, `${path} ${locale} ${width}`);
        await context.close();
      });
    }
  }
}
