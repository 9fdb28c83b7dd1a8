// Settings → Contact information previews what end users see, with the
// support hours also in the viewer's own time zone (from the browser).
import { test, expect } from './fixtures.mjs';
import { signIn, unlockedAccount, validContactInfo } from './helpers.mjs';

test('the preview shows the shared contact and the hours where the viewer is', async ({ browser }) => {
  const setup = await browser.newContext();
  const setupPage = await setup.newPage();
  const { email } = await unlockedAccount(setupPage, 'Preview');
  // Tokyo and Kolkata keep no daylight-saving time: the difference is 3 h 30 min all year.
  const session = await (await setupPage.request.get('/api/v1/session')).json();
  const info = validContactInfo(session.user.id);
  info.shared_with_users = { email: 'help@partner.example', name: 'Partner Help Desk', phone: '+81 3 1234 5678' };
  info.support_hours = [
    { time_zone: 'Asia/Tokyo', days: ['mon', 'tue', 'wed', 'thu', 'fri'], all_day: false, from: '09:00', to: '17:00' },
  ];
  const saved = await setupPage.request.put('/api/v1/account/contact-info', {
    headers: { 'If-Match': '"1"' },
    data: info,
  });
  expect(saved.status()).toBe(200);
  await setup.close();

  const context = await browser.newContext({ timezoneId: 'Asia/Kolkata' });
  const page = await context.newPage();
  await signIn(page, email);
  await page.goto('/settings/contact');
  const preview = page.getByTestId('end-user-preview');
  await expect(preview.getByRole('heading', { name: 'What end users see' })).toBeVisible();
  await expect(preview).toContainText('Partner Help Desk');
  await expect(preview).toContainText('help@partner.example');
  // As the server stores it (normalized).
  await expect(preview).toContainText('+81312345678');
  await expect(preview).toContainText('Mon–Fri 09:00–17:00, Asia/Tokyo');
  await expect(page.getByTestId('end-user-local-hours')).toHaveText('Where you are: Mon–Fri 05:30–13:30, Asia/Kolkata');
  await context.close();
});
