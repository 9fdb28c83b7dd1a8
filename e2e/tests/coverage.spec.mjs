// The coverage check on the real server: advice next to the fields and on the
// Overview, dismissed for the whole account.
import { test, expect } from './fixtures.mjs';
import { createUser, signIn, unlockedAccount } from './helpers.mjs';

const CODE = 'emergency_phone_missing';

test('advice about the saved information shows by its field and on the Overview until it is dismissed for the account', async ({ page, browser }) => {
  // Saved with an emergency contact without a phone, and support on weekdays only.
  const { id, partnerId } = await unlockedAccount(page, 'Coverage');
  const advice = page.getByTestId(`coverage-${CODE}`);
  await expect(advice).toContainText('Add a phone number');

  await page.goto('/settings/contact');
  const phone = page.getByTestId('technical_emergency[0].phone');
  await expect(phone).toBeVisible();
  const describedBy = await phone.getAttribute('aria-describedby');
  const messages = await Promise.all(
    describedBy.split(' ').map((ref) => page.locator(`[id="${ref}"]`).textContent()),
  );
  expect(messages.join(' ')).toContain('Add a phone number');

  await page.goto('/');
  await page.getByTestId(`dismiss-${CODE}`).click();
  await expect(advice).toHaveCount(0);

  // What the server holds, for everyone in the account.
  const stored = await (await page.request.get('/api/v1/account/contact-info')).json();
  expect(stored.dismissed_warnings).toContain(CODE);
  expect(stored.warnings.map((w) => w.code)).not.toContain(CODE);
  const editor = `editor-${id}@partner.example`;
  createUser(partnerId, editor, 'editor', 'Eddie Editor');
  const other = await browser.newContext();
  const colleague = await other.newPage();
  await signIn(colleague, editor);
  await expect(colleague.getByTestId('checklist')).toBeVisible();
  await expect(colleague.getByTestId(`coverage-${CODE}`)).toHaveCount(0);
  const seen = await (await colleague.request.get('/api/v1/account/contact-info')).json();
  expect(seen.dismissed_warnings).toContain(CODE);
  await other.close();
});
