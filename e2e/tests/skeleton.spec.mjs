// The app served by the real server: status from the database, deep links,
// API misses, language choice.
import { test, expect } from './fixtures.mjs';

test('the status page shows the database the server queried', async ({ page, request }) => {
  const health = await (await request.get('/api/v1/health')).json();
  expect(health.database).toBe('ok');

  await page.goto('/status');
  await expect(page.getByTestId('health-database')).toHaveText(
    `Database: connected (SQLite ${health.sqlite_version}, schema version ${health.schema_version}).`,
  );
  await expect(page.getByTestId('health-ok')).toContainText(`version ${health.version}`);
});

test('a deep link loads the app and, signed out, asks to sign in first', async ({ page }) => {
  const response = await page.goto('/settings/contact');
  expect(response.status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'Sign in to the Partner Portal' })).toBeVisible();
  expect(new URL(page.url()).searchParams.get('next')).toBe('/settings/contact');
});

test('an unknown API route is a JSON 404, not the app', async ({ request }) => {
  const response = await request.get('/api/v1/nope');
  expect(response.status()).toBe(404);
  expect(response.headers()['content-type']).toContain('application/json');
  expect((await response.json()).code).toBe('not_found');
});

test('the language can be switched to Spanish and is remembered', async ({ page }) => {
  await page.goto('/status');
  await page.getByLabel('Language').selectOption('es');
  await expect(page.getByRole('heading', { name: 'Estado del portal' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Estado del portal' })).toBeVisible();
});
