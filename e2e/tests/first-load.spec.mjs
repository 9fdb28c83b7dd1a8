// The first load: the page is never blank while the wasm downloads, and
// nothing moves when the app replaces the page's skeleton.
import { test, expect } from '@playwright/test';

/** Holds back every wasm download until the returned function is called. */
async function holdTheWasm(page) {
  let release;
  const released = new Promise((resolve) => {
    release = resolve;
  });
  await page.route('**/*.wasm', async (route) => {
    await released;
    await route.continue();
  });
  return release;
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
