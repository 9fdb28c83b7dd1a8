// Two UI performance budgets, measured inside the page with the Performance
// API against the release-built app on the real server:
//   1. navigation start → the onboarding modal in the DOM with its title focused;
//   2. one keystroke → the field's validation message updated in the DOM.
// Each figure is printed as one `PERF …` line and attached to the test as an
// annotation, so a run's log and its report both carry the numbers.
import { test, expect } from './fixtures.mjs';
import { createAccount, createUser, signIn, unique } from './helpers.mjs';

const MODAL_BUDGET_MS = 300;
const KEYSTROKE_BUDGET_MS = 16;
const PAGE_LOADS = 5;
const FIELD = 'technical_emergency[0].email';

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const ms = (value) => `${value.toFixed(1)}ms`;

/** Prints one figure and attaches it to the test. */
function report(line) {
  console.log(line);
  test.info().annotations.push({ type: 'performance', description: line });
}

/** A fresh account with incomplete contact information and its administrator signed in. */
async function administratorOfIncompleteAccount(page, name) {
  const id = unique();
  const { partnerId } = createAccount(`${name} ${id}`);
  const email = `perf-${id}@partner.example`;
  createUser(partnerId, email, 'administrator', 'Perf Admin');
  await signIn(page, email);
  await expect(page.getByTestId('onboarding-modal')).toBeVisible();
}

test('the onboarding modal is visible and focused within the budget after a page load', async ({ page }) => {
  await administratorOfIncompleteAccount(page, 'Perf modal');

  // Runs before any of the page's own scripts on every load: notes when the
  // dialog is in the DOM and its title has focus, in ms since navigation start.
  await page.addInitScript(() => {
    const reached = () =>
      document.querySelector('[data-testid="onboarding-modal"]') !== null &&
      document.activeElement?.id === 'onboarding-title';
    const check = () => {
      if (window.__modalReadyAt === undefined && reached()) {
        window.__modalReadyAt = performance.now();
        observer.disconnect();
        document.removeEventListener('focusin', check, true);
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true });
    document.addEventListener('focusin', check, true);
    const poll = () => {
      check();
      if (window.__modalReadyAt === undefined) requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
    // Trunk's loader fires this once the wasm is instantiated and `main` has run.
    addEventListener('TrunkApplicationStarted', () => {
      window.__appStartedAt = performance.now();
    });
  });

  // The loads reuse the browser's HTTP cache, which the sign-in filled, as a
  // returning user's would: the wasm is read from the cache, not the network.
  const loads = [];
  for (let i = 0; i < PAGE_LOADS; i += 1) {
    await page.goto('/');
    await page.waitForFunction(() => window.__modalReadyAt !== undefined);
    loads.push(
      await page.evaluate(() => {
        const resources = performance.getEntriesByType('resource');
        const find = (test) => resources.find((r) => test(new URL(r.name).pathname));
        const wasm = find((p) => p.endsWith('.wasm'));
        const session = find((p) => p === '/api/v1/session');
        const [navigation] = performance.getEntriesByType('navigation');
        return {
          ready: window.__modalReadyAt,
          html: navigation.responseEnd,
          wasmStart: wasm?.startTime,
          wasmEnd: wasm?.responseEnd,
          wasmBytes: wasm?.transferSize,
          appStarted: window.__appStartedAt,
          sessionStart: session?.startTime,
          sessionEnd: session?.responseEnd,
        };
      }),
    );
  }

  const samples = loads.map((l) => l.ready);
  const middle = median(samples);
  report(
    `PERF modal-visible-and-focused median=${ms(middle)} ` +
      `samples=[${samples.map(ms).join(', ')}] budget=${MODAL_BUDGET_MS}ms`,
  );
  // Where the time goes, load by load: the HTML answered, the wasm fetched
  // (bytes over the network; 0 means the HTTP cache), wasm compiled and `main`
  // run, GET /session answered, then the modal mounted and focused.
  for (const [i, l] of loads.entries()) {
    const at = (value) => (value === undefined ? 'n/a' : ms(value));
    report(
      `PERF modal-load-${i + 1} html=${at(l.html)} wasm=${at(l.wasmStart)}..${at(l.wasmEnd)} ` +
        `wasmTransfer=${l.wasmBytes ?? 'n/a'}B appStarted=${at(l.appStarted)} ` +
        `session=${at(l.sessionStart)}..${at(l.sessionEnd)} ready=${at(l.ready)}`,
    );
  }
  expect(middle, 'median ms from navigation start to the focused onboarding modal').toBeLessThanOrEqual(
    MODAL_BUDGET_MS,
  );
});

test('one keystroke updates the validation message within the budget', async ({ page }) => {
  await administratorOfIncompleteAccount(page, 'Perf typing');
  const input = page.getByTestId(FIELD);
  const error = page.getByTestId(`error:${FIELD}`);

  await input.fill('a');
  await input.blur();
  await expect(error).toContainText('Enter an email address like name@example.com.');
  await input.focus();
  await page.keyboard.press('End');

  // A capture-phase `input` listener on the window (the first script to see
  // the keystroke) starts the clock; a MutationObserver on the field's control
  // stops it once the error message differs from what it was before the key:
  // other text, gone, or back.
  await page.evaluate((field) => {
    const control = document.querySelector(`[data-testid="${field}"]`).parentElement;
    const message = () => control.querySelector(`[data-testid="error:${field}"]`)?.textContent ?? null;
    const probe = { armed: null, samples: [] };
    probe.arm = (key) => {
      probe.armed = { key, before: message(), start: undefined };
    };
    addEventListener(
      'input',
      () => {
        if (probe.armed && probe.armed.start === undefined) probe.armed.start = performance.now();
      },
      true,
    );
    new MutationObserver(() => {
      const end = performance.now();
      const armed = probe.armed;
      if (!armed || armed.start === undefined) return;
      const after = message();
      if (after !== armed.before) {
        probe.samples.push({ key: armed.key, ms: end - armed.start, shown: after !== null });
        probe.armed = null;
      }
    }).observe(control, { childList: true, subtree: true, characterData: true });
    window.__typingProbe = probe;
  }, FIELD);

  /** Presses `key` and waits for the message it changes; returns the sample. */
  async function measure(key) {
    const count = await page.evaluate((k) => {
      window.__typingProbe.arm(k);
      return window.__typingProbe.samples.length;
    }, key);
    await page.keyboard.press(key);
    await page.waitForFunction((n) => window.__typingProbe.samples.length > n, count);
    return page.evaluate(() => window.__typingProbe.samples.at(-1));
  }

  // "a" → "a@" keeps the same message, so it is not a sample.
  await page.keyboard.press('@');
  const samples = [];
  // "a@b" needs a dot in the domain, "a@b." is an invalid address again.
  for (const key of ['b', '.']) {
    const sample = await measure(key);
    expect(sample.shown, `the error still shows after "${key}"`).toBe(true);
    samples.push(sample);
  }
  // Then, four times: "a@b.c" is valid (the error goes), "a@b.c@" is not
  // (it comes back), Backspace to "a@b.c" (gone), Backspace to "a@b." (back).
  for (let round = 0; round < 4; round += 1) {
    for (const [key, shown] of [
      ['c', false],
      ['@', true],
      ['Backspace', false],
      ['Backspace', true],
    ]) {
      const sample = await measure(key);
      expect(sample.shown, `the error shows after "${key}"`).toBe(shown);
      samples.push(sample);
    }
  }
  await expect(input).toHaveValue('a@b.');

  const figures = samples.map((s) => s.ms);
  const middle = median(figures);
  const max = Math.max(...figures);
  report(
    `PERF keystroke-to-validation-message median=${ms(middle)} max=${ms(max)} ` +
      `samples=[${samples.map((s) => `${s.key}:${ms(s.ms)}`).join(', ')}] budget=${KEYSTROKE_BUDGET_MS}ms`,
  );
  expect(middle, 'median ms from keystroke to the updated message').toBeLessThanOrEqual(KEYSTROKE_BUDGET_MS);
  expect(max, 'slowest keystroke to the updated message').toBeLessThanOrEqual(KEYSTROKE_BUDGET_MS);
});
