// The yearly review on the real server, with its clock moved: each test runs
// a portal server of its own (its own database and port), saves complete
// contact information, then restarts that server with `--clock-offset-days`,
// as if the days had passed. The shared test server's clock never moves.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures.mjs';
import { PASSWORD, expectAccessible, signIn, validContactInfo } from './helpers.mjs';

const bin = process.env.PORTAL_SERVER_BIN;

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** `portal-server admin …` against the database in `dataDir`. */
function admin(dataDir, args, extra = {}) {
  return execFileSync(bin, ['admin', ...args], {
    env: { ...process.env, PORTAL_LOG: 'warn', PORTAL_DATA_DIR: dataDir, ...extra },
  }).toString();
}

/** A portal server on its own port, on the database in `dataDir`, its clock `days` ahead. */
async function startServer(dataDir, days) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    bin,
    ['--port', String(port), '--data-dir', dataDir, '--public-url', url, '--clock-offset-days', String(days)],
    { env: { ...process.env, PORTAL_LOG: 'error' }, stdio: 'ignore' },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await expect
    .poll(async () => {
      try {
        return (await fetch(`${url}/api/v1/health`)).status;
      } catch {
        return 0;
      }
    }, { message: `the server on ${url} starts`, timeout: 20_000 })
    .toBe(200);
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * An account whose contact information was saved complete `days` ago (by
 * the server's clock), with an administrator and a read-only user; returns
 * the running server and the users' addresses.
 */
async function accountReviewedDaysAgo(browser, days) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'portal-review-'));
  const first = await startServer(dataDir, 0);
  const out = admin(dataDir, ['create-account', '--name', 'Reviewed Tours', '--integrations', 'things_to_do']);
  const partnerId = out.trim().split('\n')[0];
  const users = { admin: 'ada@reviewed.example', reader: 'rob@reviewed.example' };
  const withPassword = { PORTAL_PASSWORD: PASSWORD };
  admin(dataDir, ['create-user', '--account', partnerId, '--email', users.admin, '--role', 'administrator', '--name', 'Ada Admin'], withPassword);
  admin(dataDir, ['create-user', '--account', partnerId, '--email', users.reader, '--role', 'read_only', '--name', 'Rob Reader'], withPassword);
  const context = await browser.newContext({ baseURL: first.url });
  const signedIn = await context.request.post('/api/v1/session', {
    headers: { Origin: first.url },
    data: { email: users.admin, password: PASSWORD },
  });
  expect(signedIn.status()).toBe(200);
  const { user } = await signedIn.json();
  const saved = await context.request.put('/api/v1/account/contact-info', {
    headers: { 'If-Match': '"0"', Origin: first.url },
    data: validContactInfo(user.id),
  });
  expect(saved.status()).toBe(200);
  await context.close();
  await first.stop();
  const server = await startServer(dataDir, days);
  return {
    ...server,
    users,
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function reviewOn(page, server) {
  const answer = await page.request.get(`${server.url}/api/v1/account/contact-info/review`);
  expect(answer.status()).toBe(200);
  return answer.json();
}

test('twelve months on, the modal returns until someone confirms the information is still correct', async ({ browser }) => {
  const server = await accountReviewedDaysAgo(browser, 366);
  try {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, server.users.admin);
    const dialog = page.getByRole('dialog', { name: 'Check your contact information is still correct' });
    await expect(dialog).toBeVisible();
    // Pre-filled with what was saved a year ago.
    await expect(page.getByTestId('technical_emergency[0].email')).toHaveValue('oncall@partner.example');
    expect((await reviewOn(page, server)).state).toBe('overdue');
    await expectAccessible(page, 'the review modal (English, 1280 px)');

    await page.getByTestId('confirm-review').click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByTestId('checklist')).toBeVisible();

    // What the server holds: reviewed now, by this administrator, no new version.
    const review = await reviewOn(page, server);
    expect(review.state).toBe('current');
    expect(review.reviewed_by).toBe('Ada Admin');
    const info = await page.request.get(`${server.url}/api/v1/account/contact-info`);
    expect(info.headers().etag).toBe('"1"');

    // Unlocked for everyone: a read-only colleague signs in to the portal.
    const other = await browser.newContext({ baseURL: server.url });
    const reader = await other.newPage();
    await signIn(reader, server.users.reader);
    await expect(reader.getByTestId('checklist')).toBeVisible();
    await expect(reader.getByRole('dialog')).toHaveCount(0);
    await other.close();
    await context.close();
  } finally {
    await server.stop();
  }
});

// The review modal passes axe in each language at each width (one per test).
const SCREENS = [
  ['en-US', 360],
  ['es-ES', 360],
  ['es-ES', 1280],
];
const MODAL_TITLE = {
  'en-US': 'Check your contact information is still correct',
  'es-ES': 'Comprueba que tu información de contacto sigue siendo correcta',
};
const BANNER_TEXT = {
  'en-US': 'Make sure it is still correct by',
  'es-ES': 'Comprueba que sigue siendo correcta',
};

for (const [locale, width] of SCREENS) {
  test(`the review modal passes axe-core (${locale}, ${width} px)`, async ({ browser }) => {
    const server = await accountReviewedDaysAgo(browser, 366);
    try {
      const context = await browser.newContext({ baseURL: server.url, locale, viewport: { width, height: 800 } });
      const page = await context.newPage();
      await signIn(page, server.users.admin);
      await expect(page.getByRole('dialog', { name: MODAL_TITLE[locale] })).toBeVisible();
      await expect(page.getByTestId('confirm-review')).toBeVisible();
      await expectAccessible(page, `the review modal (${locale}, ${width} px)`);
      await context.close();
    } finally {
      await server.stop();
    }
  });
}

test('eleven months on, a banner asks to review and Settings confirms it in one click', async ({ browser }) => {
  const server = await accountReviewedDaysAgo(browser, 340);
  try {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, server.users.admin);
    const banner = page.getByTestId('review-banner');
    await expect(banner).toContainText('Make sure it is still correct by');
    await expectAccessible(page, 'the review banner (English, 1280 px)');
    await banner.getByRole('link', { name: 'Check it now' }).click();
    await expect(page).toHaveURL(/\/settings\/contact$/);
    await page.getByTestId('confirm-review').click();
    await expect(page.getByTestId('form-status')).toContainText('still correct');
    await expect(banner).toHaveCount(0);
    expect((await reviewOn(page, server)).state).toBe('current');
    await context.close();
  } finally {
    await server.stop();
  }
});

for (const [locale, width] of SCREENS) {
  test(`the review banner passes axe-core (${locale}, ${width} px)`, async ({ browser }) => {
    const server = await accountReviewedDaysAgo(browser, 340);
    try {
      const context = await browser.newContext({ baseURL: server.url, locale, viewport: { width, height: 800 } });
      const page = await context.newPage();
      await signIn(page, server.users.admin);
      await expect(page.getByTestId('review-banner')).toContainText(BANNER_TEXT[locale]);
      await expectAccessible(page, `the review banner (${locale}, ${width} px)`);
      await context.close();
    } finally {
      await server.stop();
    }
  });
}
