// The portal's look and feel against the real server: the compact top bar,
// the navigation rail and its drawer on phones, the onboarding modal's layout
// at phone and desktop width, and axe-core in the dark theme.
import { test, expect } from './fixtures.mjs';
import { createAccount, createUser, expectAccessible, signIn, unique, unlockedAccount } from './helpers.mjs';

/** A locked account (contact information incomplete) with its administrator signed in. */
async function lockedAdmin(page, name) {
  const id = unique();
  const { partnerId } = createAccount(`${name} ${id}`);
  const email = `look-${id}@partner.example`;
  createUser(partnerId, email, 'administrator', 'Lena Look');
  await signIn(page, email);
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByTestId('contact-form')).toBeVisible();
}

test('at 360 px the top bar is one row of at most 64 px', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await unlockedAccount(page, 'Bar');
  const bar = await page.getByRole('banner').boundingBox();
  expect(bar.height).toBeLessThanOrEqual(64);
  // The navigation waits behind the menu button.
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeInViewport();
});

test('the navigation has a Settings group holding Contact information and Users', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await unlockedAccount(page, 'Rail');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav).toBeVisible();
  const settings = nav.getByRole('list', { name: 'Settings' });
  await expect(settings.getByRole('link')).toHaveText(['Contact information', 'Users']);
  await settings.getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await expect(settings.getByRole('link', { name: 'Users' })).toHaveAttribute('aria-current', 'page');
});

test('the menu button and the drawer work with the keyboard alone at 360 px', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await unlockedAccount(page, 'Drawer');
  const menu = page.getByRole('button', { name: 'Menu', exact: true });
  const nav = page.getByRole('navigation', { name: 'Main' });
  await page.getByRole('heading', { level: 1, name: 'Overview' }).focus();
  for (let i = 0; i < 20 && !(await menu.evaluate((el) => el === document.activeElement)); i += 1) {
    await page.keyboard.press('Shift+Tab');
  }
  await expect(menu).toBeFocused();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');

  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(nav).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Overview' })).toBeFocused();
  // Escape closes it and gives focus back to the button.
  await page.keyboard.press('Escape');
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();

  // Open again and choose a page with Tab and Enter: the drawer closes.
  await page.keyboard.press('Space');
  await expect(nav.getByRole('link', { name: 'Overview' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link', { name: 'Contact information' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Contact information' })).toBeVisible();
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
});

test('the user menu holds name, role, language and sign-out, and Escape closes it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await unlockedAccount(page, 'User menu');
  const button = page.getByRole('button', { name: 'Account menu: Ada Admin' });
  await button.click();
  const panel = page.locator('#user-menu');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Ada Admin');
  await expect(panel).toContainText('Administrator');
  await expect(panel.getByLabel('Language')).toBeVisible();
  await expectAccessible(page, 'user menu open');
  await panel.getByLabel('Language').focus();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(button).toBeFocused();
});

test('at 360 × 780 the modal shows its first field on the first screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await lockedAdmin(page, 'First field');
  const field = page.getByTestId('field-alert_contacts');
  // Its label and purpose sit above the Save bar, which is always in view.
  const bottom = await page.locator('.modal__bottom').boundingBox();
  expect(bottom.y + bottom.height).toBeLessThanOrEqual(780);
  for (const part of [field.locator('legend'), field.locator('.contact-form__purpose').first()]) {
    const box = await part.boundingBox();
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(bottom.y);
  }
});

for (const width of [600, 1280]) {
  test(`the Spanish modal keeps Contact support at the top right, beside the title (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.addInitScript(() => localStorage.setItem('portal.locale', 'es'));
    await lockedAdmin(page, 'Support link');
    const dialog = page.getByRole('dialog', { name: 'Completa tu información de contacto' });
    const link = await dialog.getByRole('link', { name: /Comunicarse con el equipo de asistencia/ }).boundingBox();
    const title = await dialog.getByRole('heading', { level: 2, name: 'Completa tu información de contacto' }).boundingBox();
    // Top-right quadrant of the window, on the title's line.
    expect(link.x).toBeGreaterThanOrEqual(width / 2);
    expect(link.y + link.height).toBeLessThanOrEqual(900 / 2);
    expect(link.y).toBeLessThan(title.y + title.height);
    expect(title.x + title.width).toBeLessThanOrEqual(link.x);
    // How to get help is in view without scrolling.
    await expect(dialog.getByRole('link', { name: /Cómo obtener ayuda/ })).toBeInViewport();
  });
}

test('the modal says how many required sections are done, as the user types', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await lockedAdmin(page, 'Progress');
  const progress = page.getByTestId('form-progress');
  const done = async () => Number((await progress.textContent()).match(/^(\d+) of 6/)[1]);
  await expect(progress).toHaveText(/^\d+ of 6 required sections done$/);
  // The title has focus on open (marked calmly, see modal.css).
  await expect(page.getByRole('heading', { level: 2, name: 'Complete your contact information' })).toBeFocused();
  const before = await done();
  await page.getByTestId('technical_emergency[0].email').fill('oncall@partner.example');
  await expect(progress).toHaveText(`${before + 1} of 6 required sections done`);
});

/** Screens checked with axe-core in the dark theme, one per test. */
const DARK = {
  'modal-contact': async (page) => lockedAdmin(page, 'Dark modal'),
  'modal-errors': async (page) => {
    await lockedAdmin(page, 'Dark errors');
    await page.getByRole('button', { name: 'Save contact information' }).click();
    await expect(page.getByTestId('error-summary')).toBeFocused();
  },
  overview: async (page) => {
    await unlockedAccount(page, 'Dark overview');
    await expect(page.getByTestId('checklist-contact')).toContainText('Complete');
  },
  'settings-contact': async (page) => {
    await unlockedAccount(page, 'Dark contact');
    await page.goto('/settings/contact');
    await expect(page.getByTestId('contact-form')).toBeVisible();
  },
  'settings-users': async (page) => {
    await unlockedAccount(page, 'Dark users');
    await page.goto('/settings/users');
    await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  },
  'drawer-open': async (page) => {
    await unlockedAccount(page, 'Dark drawer');
    await page.getByRole('button', { name: 'Menu', exact: true }).click();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  },
};

for (const [screen, reach] of Object.entries(DARK)) {
  const width = screen === 'drawer-open' ? 360 : 1280;
  test(`${screen} passes axe-core in the dark theme (${width} px)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width, height: 900 });
    await reach(page);
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, `${screen} dark ${width}`);
  });
}

/** The public pages (and one that does not exist), signed out. */
const PUBLIC = {
  'sign-in': ['/sign-in', (page) => page.getByRole('heading', { level: 1, name: 'Sign in to the Partner Portal' })],
  'invitation-invalid': ['/invitation/' + '0'.repeat(64), (page) => page.getByRole('heading', { level: 1, name: "This link doesn't work" })],
  help: ['/help', (page) => page.getByRole('heading', { level: 1 })],
  status: ['/status', (page) => page.getByRole('heading', { level: 1 })],
  'not-found': ['/no/such/page', (page) => page.getByRole('heading', { level: 1 })],
};

for (const scheme of ['light', 'dark']) {
  for (const [screen, [path, heading]] of Object.entries(PUBLIC)) {
    test(`${screen} passes axe-core in the ${scheme} theme (1280 px)`, async ({ page, consoleGuard }) => {
      // The link is checked with the server, which answers that it is unknown.
      if (screen === 'invitation-invalid') consoleGuard.allowStatus(404);
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(path);
      await expect(heading(page)).toBeVisible();
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, `${screen} ${scheme} 1280`);
    });
  }
}

test('the sign-in page names the product and what it is for, with a full-width Sign in button at 360 px', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto('/sign-in');
  const card = page.locator('section.sign-in');
  await expect(card.getByText('Partner Portal', { exact: true })).toBeVisible();
  await expect(card.getByText('Keep the contacts we use to reach your team up to date.')).toBeVisible();
  const form = await page.locator('form.sign-in__form').boundingBox();
  const button = await page.getByRole('button', { name: 'Sign in' }).boundingBox();
  expect(Math.round(button.width)).toBe(Math.round(form.width));
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeInViewport();
  await expect(page.getByLabel('Language')).toBeVisible();
});
