// A crash never leaves a dead page. In the release build a panic stops the
// wasm with a trap and no message; the page then shows a notice in the
// user's language with a Reload button, and logs one line.
import { test, expect } from './fixtures.mjs';

const STOPPED = 'The portal stopped after an unexpected error';
/** What the crashes these tests provoke on purpose write to the console. */
const CRASH = /The portal stopped after an unexpected error|RuntimeError|unreachable/;

/** Keeps the wasm instance's exports, which Trunk's loader hands over once `main` has run. */
async function keepWasmExports(page) {
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (event) => {
      window.portalWasmExports = event.detail.wasm;
    });
  });
}

/**
 * Makes the running wasm trap from a timer, as a panic in an event handler
 * would: wasm-bindgen's allocator export aborts on an alignment that is not a
 * power of two.
 */
async function trapTheWasm(page) {
  await page.waitForFunction(() => window.portalWasmExports !== undefined);
  await page.evaluate(() => {
    setTimeout(() => window.portalWasmExports.__wbindgen_malloc(8, 3));
  });
}

/** The console lines of the crash handler. */
function crashLines(page) {
  const lines = [];
  page.on('console', (message) => {
    if (message.text().includes(STOPPED)) lines.push(`${message.type()}: ${message.text()}`);
  });
  return lines;
}

test('a trap in the wasm shows the notice, logs one line, and Reload starts the app again', async ({ page, consoleGuard }) => {
  consoleGuard.allowMessage(CRASH);
  await keepWasmExports(page);
  const lines = crashLines(page);
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { name: 'Sign in to the Partner Portal' })).toBeVisible();

  await trapTheWasm(page);

  const notice = page.getByRole('alertdialog', { name: 'Something went wrong. Reload the page to continue.' });
  await expect(notice).toBeVisible();
  const reload = notice.getByRole('button', { name: 'Reload' });
  await expect(reload).toBeFocused();
  // The dead app behind it can no longer be reached.
  expect(
    await page.evaluate(() =>
      [...document.body.children].every((element) => element.id === 'crash-notice' || element.inert),
    ),
  ).toBe(true);
  await expect.poll(() => lines).toEqual([expect.stringMatching(/^error: .*RuntimeError/)]);

  await reload.click();
  await expect(page.getByRole('heading', { name: 'Sign in to the Partner Portal' })).toBeVisible();
  await expect(page.locator('#crash-notice')).toBeHidden();
});

test('the notice is in the language the user chose', async ({ page, consoleGuard }) => {
  consoleGuard.allowMessage(CRASH);
  await keepWasmExports(page);
  await page.goto('/sign-in');
  await page.getByLabel('Language').selectOption('es');
  await expect(page.getByRole('heading', { name: 'Inicia sesión en el Portal para socios' })).toBeVisible();

  await trapTheWasm(page);

  const notice = page.getByRole('alertdialog', {
    name: 'Se produjo un error. Vuelve a cargar la página para continuar.',
  });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('button', { name: 'Volver a cargar' })).toBeFocused();
  await expect(page.getByText('Something went wrong. Reload the page to continue.')).toBeHidden();
});

test('an uncaught error once the app runs shows the notice too', async ({ page, consoleGuard }) => {
  consoleGuard.allowMessage(CRASH, /a lost promise/);
  await keepWasmExports(page);
  const lines = crashLines(page);
  await page.goto('/sign-in');
  await page.waitForFunction(() => window.portalWasmExports !== undefined);

  await page.evaluate(() => {
    Promise.reject(new TypeError('a lost promise'));
  });

  await expect(page.getByRole('alertdialog', { name: 'Something went wrong. Reload the page to continue.' })).toBeVisible();
  await expect.poll(() => lines).toEqual([expect.stringContaining('TypeError: a lost promise')]);
});
