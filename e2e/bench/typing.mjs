// The first keystrokes in the onboarding modal, for `cargo xtask bench
// --first-load`: from a keystroke in an email field to its validation
// message changing, measured inside the page.
const FIELD = 'technical_emergency[0].email';

/**
 * Arms, in the page, a probe of `field`: a capture-phase `input` listener on
 * the window (the first script to see the keystroke) starts the clock; a
 * MutationObserver on the field's control stops it once the error message
 * differs from what it was before the key (other text, gone, or back).
 */
function installProbe(field) {
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
}

/** Presses `key` in `page` and waits for the message it changes; returns the sample. */
async function measure(page, key) {
  const count = await page.evaluate((k) => {
    window.__typingProbe.arm(k);
    return window.__typingProbe.samples.length;
  }, key);
  await page.keyboard.press(key);
  await page.waitForFunction((n) => window.__typingProbe.samples.length > n, count, { polling: 'raf' });
  return page.evaluate(() => window.__typingProbe.samples.at(-1));
}

/**
 * Types into the technical emergency email of the modal open in `page` and
 * returns 18 keystrokes, each `{ key, ms, shown }`, every one of which
 * changes the field's message. Fails if a message is not the one the rules
 * give, so a figure is never taken from a form that did not validate.
 */
export async function keystrokes(page) {
  const input = page.getByTestId(FIELD);
  await input.fill('a');
  await input.blur();
  await page
    .getByTestId(`error:${FIELD}`)
    .filter({ hasText: 'Enter an email address like name@example.com.' })
    .waitFor();
  await input.focus();
  await page.keyboard.press('End');
  await page.evaluate(installProbe, FIELD);

  // "a" → "a@" keeps the same message, so it is not a sample.
  await page.keyboard.press('@');
  const samples = [];
  const take = async (key, shown) => {
    const sample = await measure(page, key);
    if (sample.shown !== shown) {
      throw new Error(`after "${key}" the message should ${shown ? 'show' : 'be gone'}`);
    }
    samples.push(sample);
  };
  // "a@b" needs a dot in the domain, "a@b." is an invalid address again.
  for (const key of ['b', '.']) await take(key, true);
  // Then, four times: "a@b.c" is valid (the error goes), "a@b.c@" is not
  // (it comes back), Backspace to "a@b.c" (gone), Backspace to "a@b." (back).
  for (let round = 0; round < 4; round += 1) {
    for (const [key, shown] of [
      ['c', false],
      ['@', true],
      ['Backspace', false],
      ['Backspace', true],
    ]) {
      await take(key, shown);
    }
  }
  const value = await input.inputValue();
  if (value !== 'a@b.') throw new Error(`the field holds "${value}" after typing, not "a@b."`);
  return samples;
}
