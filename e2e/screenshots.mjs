// `cargo xtask screenshots`: a PNG of every screen and state, in English and
// Spanish, at phone and desktop width, against a real server with fresh data;
// the shell, the modal and the overview also in the dark theme.
// Run by xtask, which starts the server and sets PORTAL_URL and SCREENSHOT_DIR.
import { mkdirSync } from 'node:fs';
import { chromium, expect } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';
import { createAccount, createUser, lastMailTo, signIn, unique, unlockedAccount, PASSWORD } from './tests/helpers.mjs';

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
// The confirmation link its save mailed an address (opening it confirms nothing).
const verifyPath = lastMailTo('oncall@partner.example').match(/\/verify\/[A-Za-z0-9_-]+/)[0];

let count = 0;
for (const lang of ['en', 'es']) {
  for (const width of [360, 1280]) {
    for (const scheme of ['light', 'dark']) {
      const dark = scheme === 'dark';
      const context = await browser.newContext({
        baseURL: process.env.PORTAL_URL,
        locale: lang === 'en' ? 'en-US' : 'es-ES',
        timezoneId: 'Europe/Madrid',
        colorScheme: scheme,
        viewport: { width, height: width === 360 ? 780 : 900 },
      });
      const page = await context.newPage();
      const shot = async (name, fullPage = true) => {
        await page.waitForLoadState('networkidle');
        const suffix = dark ? `dark-${lang}-${width}` : `${lang}-${width}`;
        await page.screenshot({ path: `${out}/${name}-${suffix}.png`, fullPage });
        count += 1;
      };

      if (!dark) {
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
        await page.goto(verifyPath);
        await page.getByTestId('verify-details').waitFor();
        await shot('verify');
        await page.goto('/verify/' + '0'.repeat(43));
        await page.getByTestId('verify-invalid').waitFor();
        await shot('verify-invalid');
      }

      await signIn(page, lockedAdmin);
      await page.getByRole('dialog').waitFor();
      // The modal as the user first sees it: one window, not the whole scroll.
      await shot('onboarding-contact', false);
      await page.getByTestId('save-contact-info').click();
      await page.getByTestId('error-summary').waitFor();
      await shot('onboarding-errors', false);
      if (!dark) {
        await page.getByRole('tab').nth(1).click();
        await shot('onboarding-users', false);
      }
      await context.clearCookies();

      if (!dark) {
        await signIn(page, `rosa-${id}@partner.example`);
        await page.getByTestId('read-only-gate').waitFor();
        await shot('onboarding-read-only', false);
        await context.clearCookies();
      }

      await signIn(page, unlocked.email);
      const pages = [['/', 'overview'], ['/settings/contact', 'settings-contact'],
        ['/settings/users', 'settings-users'], ['/no/such/page', 'not-found']];
      for (const [path, name] of dark ? pages.slice(0, 3) : pages) {
        await page.goto(path);
        await page.locator('#main h1').waitFor();
        await shot(name);
      }
      // The shell's menus: the navigation drawer on a phone, the user menu on a desktop.
      await page.goto('/');
      await page.locator('#main h1').waitFor();
      if (width === 360) {
        await page.getByTestId('menu-button').click();
        await page.getByTestId('drawer').locator('nav').waitFor();
        await shot('shell-drawer', false);
      } else {
        await page.getByTestId('user-menu-button').click();
        await page.locator('#user-menu').waitFor();
        await shot('shell-user-menu', false);
      }
      await context.close();
    }
  }
}
await browser.close();
console.log(`${count} screenshots written to ${out} (password for the sample users: ${PASSWORD})`);
