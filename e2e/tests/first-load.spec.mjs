// The first load: the page is never blank while the wasm downloads, nothing
// moves when the app replaces the page's skeleton, and who is signed in is
// asked without waiting for the wasm.
import { test, expect } from './fixtures.mjs';
import { createAccount, createUser, signIn, unique } from './helpers.mjs';
import { recordNetwork } from '../network.mjs';

/** Holds back every wasm download until the returned function is called. */
async function holdTheWasm(page) {
  let release;
  await holdTheWasmUntil(
    page,
    new Promise((resolve) => {
      release = resolve;
    }),
  );
  return release;
}

async function holdTheWasmUntil(page, released) {
  await page.route('**/*.wasm', async (route) => {
    await released;
    await route.continue();
  });
}

/**
 * Loads `path` handing the wasm over only once `GET /api/v1/session` has gone
 * out (so without the page's early request the app could never start), waits
 * for `ready`, and returns the session requests and the wasm's.
 */
async function loadWatchingTheSession(page, path, ready) {
  const sessions = [];
  let wasm;
  let sessionAsked;
  const asked = new Promise((resolve) => {
    sessionAsked = resolve;
  });
  const watch = (request) => {
    const { pathname } = new URL(request.url());
    if (pathname === '/api/v1/session') {
      sessions.push(request);
      sessionAsked();
    } else if (pathname.endsWith('.wasm')) {
      wasm = request;
    }
  };
  page.on('request', watch);
  await holdTheWasmUntil(page, asked);
  await page.goto(path);
  await expect(ready).toBeVisible();
  await wasm.response();
  page.off('request', watch);
  await page.unrouteAll();
  return { sessions, wasm };
}

/** Position and size, and the background colour, of the first element `selector` matches. */
function box(page, selector) {
  return page.locator(selector).first().evaluate((element) => {
    const { x, y, width, height } = element.getBoundingClientRect();
    return { x, y, width, height, background: getComputedStyle(element).backgroundColor };
  });
}

for (const { colorScheme, width } of [
  { colorScheme: 'light', width: 1280 },
  { colorScheme: 'dark', width: 360 },
]) {
  test(`while the wasm loads the page shows the top bar and a card, where the app then puts its own (${colorScheme}, ${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 720 });
    await page.emulateMedia({ colorScheme });
    const release = await holdTheWasm(page);
    await page.goto('/sign-in', { waitUntil: 'commit' });

    const skeleton = page.locator('#app-skeleton');
    await expect(skeleton).toBeVisible();
    const skeletonBar = await box(page, '#app-skeleton .top-bar');
    const skeletonCard = await box(page, '#app-skeleton .skeleton__card');
    expect(skeletonBar.height).toBeGreaterThan(40);
    expect(skeletonCard.height).toBeGreaterThan(100);

    release();
    await expect(page.getByRole('heading', { name: 'Sign in to the Partner Portal' })).toBeVisible();
    await expect(skeleton).toHaveCount(0);
    // The app's top bar and sign-in card sit exactly where the skeleton's did.
    const appBar = await box(page, 'header.top-bar');
    const appCard = await box(page, '.sign-in');
    expect(appBar).toEqual(skeletonBar);
    expect({ ...appCard, height: 0 }).toEqual({ ...skeletonCard, height: 0 });
  });
}

test('the session is asked while the wasm still downloads, once, signed in; the front door never asks', async ({ page }) => {
  const id = unique();
  const { partnerId } = createAccount(`First load ${id}`);
  const email = `first-load-${id}@partner.example`;
  createUser(partnerId, email, 'administrator', 'First Load');

  // Signed out, /sign-in is the front door: it has no use for the session.
  const signedOutSessions = [];
  const watch = (request) => {
    if (new URL(request.url()).pathname === '/api/v1/session') signedOutSessions.push(request);
  };
  page.on('request', watch);
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { name: 'Sign in to the Partner Portal' })).toBeVisible();
  await page.waitForLoadState('load');
  page.off('request', watch);
  expect(signedOutSessions).toEqual([]);

  await signIn(page, email);
  const signedIn = await loadWatchingTheSession(page, '/', page.getByTestId('onboarding-modal'));
  // The app's own GET /session took the early answer: no second request.
  expect(signedIn.sessions.map((r) => r.method())).toEqual(['GET']);
  expect((await signedIn.sessions[0].response()).status()).toBe(200);
  // Chromium's own timing: the session request started before the wasm finished downloading.
  const session = signedIn.sessions[0].timing();
  const wasm = signedIn.wasm.timing();
  expect(session.startTime).toBeLessThan(wasm.startTime + wasm.responseEnd);
});

/** The app's hashed files: `name-<16 hex digits>[_bg].js|wasm|css`. */
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

test('a second load takes every hashed file from the cache and downloads none again', async ({ page }) => {
  const id = unique();
  const { partnerId } = createAccount(`Second load ${id}`);
  const email = `second-load-${id}@partner.example`;
  createUser(partnerId, email, 'administrator', 'Second Load');
  await signIn(page, email);
  const modal = page.getByTestId('onboarding-modal');
  await page.goto('/');
  await expect(modal).toBeVisible();
  await page.waitForLoadState('load');

  const network = await recordNetwork(page);
  await page.goto('/');
  await expect(modal).toBeVisible();
  await page.waitForLoadState('load');
  const hashed = () => network.entries.filter((entry) => HASHED.test(new URL(entry.url).pathname));
  // A file from the memory cache may report no end; its answer is enough.
  const finished = () => hashed().filter((entry) => entry.done || (entry.cache && entry.status));
  // The portal's script, wasm and stylesheet at least, each finished.
  await expect.poll(() => new Set(finished().map((entry) => entry.url.split('.').pop())).size).toBe(3);
  await expect.poll(() => finished().length).toBe(hashed().length);

  for (const entry of hashed()) {
    const { pathname } = new URL(entry.url);
    // Hashed files are immutable for a year: the cache answers without asking the server.
    expect(entry.cache, `${pathname} (status ${entry.status})`).toBeDefined();
    expect(entry.bytes, `${pathname}: bytes received`).toBe(0);
  }
});
