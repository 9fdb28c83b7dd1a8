// The onboarding gate against the real server and a fresh account each time:
// first administrator, sign-in, the blocking modal, validation, saving, unlock.
import { test, expect } from './fixtures.mjs';
import {
  PASSWORD,
  createAccount,
  createUser,
  expectAccessible,
  signIn,
  unique,
} from './helpers.mjs';

const SHOTS = '../target/e2e/screenshots';

/** What the journey needs to read and click, per language. */
const UI = {
  en: {
    name: 'Your name',
    email: 'Email address',
    password: 'Password',
    repeat: 'Repeat the password',
    createAdmin: 'Create the administrator',
    ready: 'Your account is ready',
    signInHeading: 'Sign in to the Partner Portal',
    signIn: 'Sign in',
    modal: 'Complete your contact information',
    contactTab: 'Contact information',
    usersTab: 'Users',
    save: 'Save contact information',
    problems: /There (is|are) \d+ problems?/,
    production: 'Switch to Production',
    weekdays: 'Weekdays 9:00–17:00',
    overview: 'Overview',
    unlocked: 'Contact information saved. The Partner Portal is unlocked.',
    invalidEmail: 'Enter an email address like name@example.com.',
  },
  es: {
    name: 'Tu nombre',
    email: 'Dirección de correo electrónico',
    password: 'Contraseña',
    repeat: 'Repite la contraseña',
    createAdmin: 'Crear el administrador',
    ready: 'Tu cuenta está lista',
    signInHeading: 'Inicia sesión en el Portal para socios',
    signIn: 'Iniciar sesión',
    modal: 'Completa tu información de contacto',
    contactTab: 'Información de contacto',
    usersTab: 'Usuarios',
    save: 'Guardar información de contacto',
    problems: /Hay \d+ problemas?/,
    production: 'Cambiar a Producción',
    weekdays: 'De lunes a viernes, 9:00–17:00',
    overview: 'Resumen',
    unlocked: 'Se guardó la información de contacto. El Portal para socios está desbloqueado.',
    invalidEmail: 'Introduce una dirección de correo como nombre@ejemplo.com.',
  },
};

/** Opens the setup link and creates the first administrator. */
async function setUpAdministrator(page, ui, setupPath, email) {
  await page.goto(setupPath);
  await page.getByLabel(ui.name).fill('Founding Admin');
  await page.getByLabel(ui.email).fill(email);
  await page.getByLabel(ui.password, { exact: true }).fill(PASSWORD);
  await page.getByLabel(ui.repeat).fill(PASSWORD);
  await page.getByRole('button', { name: ui.createAdmin }).click();
  await expect(page.getByRole('heading', { name: ui.ready })).toBeVisible();
}

async function signInAs(page, ui, email) {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { name: ui.signInHeading })).toBeVisible();
  await page.getByLabel(ui.email).fill(email);
  await page.getByLabel(ui.password, { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: ui.signIn }).click();
}

/** Fills every required field with valid values. */
async function fillValidForm(page, ui, userName) {
  const modal = page.getByRole('dialog');
  const production = modal.getByRole('button', { name: ui.production });
  if (await production.isVisible()) await production.click();
  await modal.getByRole('checkbox', { name: new RegExp(userName) }).check();
  await page.getByTestId('technical_emergency[0].email').fill('oncall@partner.example');
  await page.getByTestId('technical_emergency[0].phone').fill('+34 912 345 678');
  await page.getByTestId('technical_non_emergency[0].email').fill('tech@partner.example');
  await page.getByTestId('operational_google[0].email').fill('ops@partner.example');
  await page.getByTestId('shared_with_users.email').fill('support@partner.example');
  await modal.getByRole('button', { name: ui.weekdays }).first().click();
}

async function shoot(page, name) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
}

for (const lang of ['en', 'es']) {
  const ui = UI[lang];
  test.describe(`onboarding in ${lang}`, () => {
    test.use({ locale: lang === 'en' ? 'en-US' : 'es-ES', timezoneId: 'Europe/Madrid' });

    test('first administrator completes the gate and the portal unlocks for everyone', async ({ page, browser }) => {
      const id = unique();
      const { partnerId, setupPath } = createAccount(`Journey ${lang} ${id}`);
      const adminEmail = `admin-${id}@partner.example`;
      await setUpAdministrator(page, ui, setupPath, adminEmail);

      await signInAs(page, ui, adminEmail);
      const modal = page.getByRole('dialog', { name: ui.modal });
      await expect(modal).toBeVisible();
      // The portal behind it is out of reach.
      await expect(page.locator('.portal')).toHaveAttribute('inert', '');
      // Typing another address shows the modal again.
      await page.goto('/settings/users');
      await expect(page.getByRole('dialog', { name: ui.modal })).toBeVisible();

      // Invalid input shows errors and saves nothing.
      await page.getByTestId('technical_emergency[0].email').fill('not-an-address');
      await page.getByTestId('technical_emergency[0].email').blur();
      await expect(page.getByTestId('error:technical_emergency[0].email')).toContainText(ui.invalidEmail);
      await modal.getByRole('button', { name: ui.save }).click();
      await expect(page.getByTestId('error-summary')).toContainText(ui.problems);
      await expect(page.getByTestId('error-summary')).toBeFocused();

      await fillValidForm(page, ui, 'Founding Admin');
      await expect(page.getByTestId('error:technical_emergency[0].email')).toHaveCount(0);
      await modal.getByRole('button', { name: ui.save }).click();

      await expect(page.getByRole('dialog')).toHaveCount(0);
      // Focus lands on the page that was asked for, and the unlock is announced.
      await expect(page.locator('#main h1')).toBeFocused();
      await expect(page.getByTestId('live-region')).toHaveText(ui.unlocked);
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1, name: ui.overview })).toBeVisible();
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await expect(page.getByTestId('checklist-contact')).toContainText(lang === 'en' ? 'Complete' : 'Completa');
      await expectAccessible(page, `unlocked portal ${lang}`);

      // Another user of the account never sees the modal.
      const editorEmail = `editor-${id}@partner.example`;
      createUser(partnerId, editorEmail, 'editor', 'Second Person');
      const other = await browser.newContext({ locale: lang === 'en' ? 'en-US' : 'es-ES' });
      const second = await other.newPage();
      await signInAs(second, ui, editorEmail);
      await expect(second.getByRole('heading', { level: 1, name: ui.overview })).toBeVisible();
      await expect(second.getByRole('dialog')).toHaveCount(0);
      await other.close();
    });
  });
}

test('a read-only user on an incomplete account sees whom to ask, not the form', async ({ page }) => {
  const id = unique();
  const { partnerId } = createAccount(`Read only ${id}`);
  createUser(partnerId, `boss-${id}@partner.example`, 'administrator', 'Boss Person');
  createUser(partnerId, `reader-${id}@partner.example`, 'read-only', 'Reading Person');
  await signIn(page, `reader-${id}@partner.example`);
  const modal = page.getByRole('dialog', { name: UI.en.modal });
  await expect(modal).toBeVisible();
  await expect(page.getByTestId('read-only-gate')).toContainText('Boss Person');
  await expect(modal.getByRole('button', { name: UI.en.save })).toHaveCount(0);
  await expect(modal.getByRole('button', { name: 'Sign out' })).toBeVisible();
});

test('the whole onboarding can be done with the keyboard alone', async ({ page }) => {
  const id = unique();
  const { partnerId } = createAccount(`Keyboard ${id}`);
  const email = `keys-${id}@partner.example`;
  createUser(partnerId, email, 'administrator', 'Key Board');
  await page.goto('/sign-in');

  /** Presses Tab until `locator` has focus (at most 80 times). */
  async function tabTo(locator) {
    for (let i = 0; i < 80; i += 1) {
      if (await locator.evaluate((el) => el === document.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`could not reach ${locator} with Tab`);
  }

  await tabTo(page.getByLabel('Email address'));
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  const modal = page.getByRole('dialog', { name: UI.en.modal });
  await expect(modal).toBeVisible();

  // The tabs answer the arrow keys.
  await tabTo(page.getByRole('tab', { name: 'Contact information' }));
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Users' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Users' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Contact information' })).toHaveAttribute('aria-selected', 'true');
  // Escape does not close it.
  await page.keyboard.press('Escape');
  await expect(modal).toBeVisible();

  await tabTo(modal.getByRole('button', { name: UI.en.production }));
  await page.keyboard.press('Enter');
  await tabTo(modal.getByRole('checkbox', { name: /Key Board/ }));
  await page.keyboard.press('Space');
  for (const [field, value] of [
    ['technical_emergency[0].email', 'oncall@partner.example'],
    ['technical_non_emergency[0].email', 'tech@partner.example'],
    ['operational_google[0].email', 'ops@partner.example'],
    ['shared_with_users.email', 'support@partner.example'],
  ]) {
    await tabTo(page.getByTestId(field));
    await page.keyboard.type(value);
  }
  await tabTo(modal.getByRole('button', { name: UI.en.weekdays }).first());
  await page.keyboard.press('Enter');
  await tabTo(modal.getByRole('button', { name: UI.en.save }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeFocused();
});

/** How to reach each onboarding screen from a fresh context, signed out. */
const SCREENS = {
  'sign-in': async (page, ui) => {
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { name: ui.signInHeading })).toBeVisible();
  },
  'modal-contact': async (page, ui, email) => {
    await signInAs(page, ui, email);
    await expect(page.getByRole('dialog', { name: ui.modal })).toBeVisible();
    await expect(page.getByTestId('contact-form')).toBeVisible();
  },
  'modal-errors': async (page, ui, email) => {
    await SCREENS['modal-contact'](page, ui, email);
    await page.getByRole('dialog', { name: ui.modal }).getByRole('button', { name: ui.save }).click();
    await expect(page.getByTestId('error-summary')).toBeVisible();
  },
  'modal-users': async (page, ui, email) => {
    await SCREENS['modal-contact'](page, ui, email);
    await page.getByRole('tab', { name: ui.usersTab }).click();
    await expect(page.getByRole('tabpanel', { name: ui.usersTab })).toBeVisible();
  },
};

// One screen, one language, one width per test, so a slow machine never
// makes one long test run out of time.
for (const lang of ['en', 'es']) {
  for (const width of [360, 1280]) {
    for (const [screen, reach] of Object.entries(SCREENS)) {
      test(`${screen} passes axe-core and is photographed (${lang}, ${width} px)`, async ({ browser }) => {
        const id = unique();
        const { partnerId } = createAccount(`Axe ${id}`);
        const email = `axe-${id}@partner.example`;
        createUser(partnerId, email, 'administrator', 'Axe Person');
        const context = await browser.newContext({
          locale: lang === 'en' ? 'en-US' : 'es-ES',
          viewport: { width, height: width === 360 ? 740 : 900 },
        });
        const page = await context.newPage();
        await reach(page, UI[lang], email);
        await expectAccessible(page, `${screen} ${lang} ${width}`);
        await shoot(page, `${screen}-${lang}-${width}`);
        await context.close();
      });
    }
  }
}
