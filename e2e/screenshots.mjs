// `cargo xtask screenshots`: a PNG of every screen and state, in English and
// Spanish, at phone and desktop width, against a real server with fresh data.
// Run by xtask, which starts the server and sets PORTAL_URL and SCREENSHOT_DIR.
import { mkdirSync } from 'node:fs';
import { chromium, expect } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';
import { createAccount, createUser, signIn, unique, unlockedAccount, PASSWORD } from './tests/helpers.mjs';

const out = process.env.SCREENSHOT_DIR;
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

// One locked account (onboarding) and one unlocked account, shared by every shot.
const id = unique();
const locked = createAccount(`Acme Tours ${id}`, 'things_to_do,reservations');
const lockedAdmin = `ana-${id}@partner.example`;
createUser(locked.partnerId, lockedAdmin, 'administrator', 'Ana Admin');
createUser(locked.partnerId, `rosa-${id}@partner.example`, 'read-only', 'Rosa Reader');
const setupContext = await browser.newContext({ baseURL: process.env.PORTAL_URL });
const unlocked = await unlockedAccount(await setupContext.newPage(), 'Table Booker');
await setupContext.close();

let count = 0;
for (const lang of ['en', 'es']) {
  for (const width of [360, 1280]) {
    const context = await browser.newContext({
      baseURL: process.env.PORTAL_URL,
      locale: lang === 'en' ? 'en-US' : 'es-ES',
      timezoneId: 'Europe/Madrid',
      viewport: { width, height: width === 360 ? 740 : 900 },
    });
    const page = await context.newPage();
    const shot = async (name) => {
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: `${out}/${name}-${lang}-${width}.png`, fullPage: true });
      count += 1;
    };

    await page.goto('/sign-in');
    await shot('sign-in');
    await page.locator('input[autocomplete="username"]').fill(`nobody-${id}@partner.example`);
    await page.locator('input[autocomplete="current-password"]').fill('not the password');
    await page.locator('form button[type="submit"]').click();
    await page.getByRole('alert').first().waitFor();
    await shot('sign-in-error');
    await page.goto('/invitation/' + '0'.repeat(64));
    await shot('invitation-invalid');
    await page.goto('/help');
    await shot('help');
    await page.goto('/status');
    await shot('status');

    await signIn(page, lockedAdmin);
    await page.getByRole('dialog').waitFor();
    await shot('onboarding-contact');
    await page.getByTestId('save-contact-info').click();
    await page.getByTestId('error-summary').waitFor();
    await shot('onboarding-errors');
    await page.getByRole('tab').nth(1).click();
    await shot('onboarding-users');
    await context.clearCookies();

    await signIn(page, `rosa-${id}@partner.example`);
    await page.getByTestId('read-only-gate').waitFor();
    await shot('onboarding-read-only');
    await context.clearCookies();

    await signIn(page, unlocked.email);
    for (const [path, name] of [['/', 'overview'], ['/settings/contact', 'settings-contact'],
      ['/settings/users', 'settings-users'], ['/no/such/page', 'not-found']]) {
      await page.goto(path);
      await page.locator('#main h1').waitFor();
      await shot(name);
    }
    await context.close();
  }
}
await browser.close();
console.log(`${count} screenshots written to ${out} (password for the sample users: ${PASSWORD})`);
