// Export and import of the contact information in the app, against the real
// server: the downloaded file is edited, imported, shown as its changes and
// saved only on confirmation; the server then holds the new value and the
// history shows the change. Plus axe-core on the change list in English and
// Spanish at 360 and 1280 px (one language and width per test).
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.mjs';
import { expectAccessible, unlockedAccount } from './helpers.mjs';

const TEXT = {
  en: {
    download: 'Download as JSON',
    importFrom: 'Import from a file',
    review: 'Changes in the file',
    field: 'Operational contact (to share with users)',
    save: 'Save these changes',
    saved: 'The changes from the file were saved.',
  },
  es: {
    download: 'Descargar como JSON',
    importFrom: 'Importar desde un archivo',
    review: 'Cambios del archivo',
    field: 'Contacto operativo (para compartir con los usuarios)',
    save: 'Guardar estos cambios',
    saved: 'Se guardaron los cambios del archivo.',
  },
};

/**
 * Downloads the contact information on Settings → Contact information,
 * changes the address shared with users in the file and imports it; returns
 * the new address once the change list shows it.
 */
async function importEdited(page, lang, width) {
  const t = TEXT[lang];
  await page.setViewportSize({ width, height: 900 });
  if (lang === 'es') await page.addInitScript(() => localStorage.setItem('portal.locale', 'es'));
  const { id, partnerId } = await unlockedAccount(page, 'Transfer');
  await page.goto('/settings/contact');
  await expect(page.getByTestId('contact-form')).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: t.download }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`contact-information-${partnerId}-v1.json`);
  const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(file).toMatchObject({ schema_version: 1, partner_id: partnerId, version: 1 });
  expect(file.contact_info.shared_with_users.email).toBe('support@partner.example');

  const address = `help-${id}@partner.example`;
  file.contact_info.shared_with_users.email = address;
  await page.getByLabel(t.importFrom).setInputFiles({
    name: 'contact-information.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file, null, 2)),
  });
  const review = page.getByTestId('transfer-review');
  await expect(review.getByRole('heading', { name: t.review })).toBeFocused();
  await expect(review).toContainText(t.field);
  await expect(review).toContainText(`support@partner.example → ${address}`);
  return { address, review };
}

test('export, edit the file, import, see the changes, save: the server and the history have them', async ({ page }) => {
  const t = TEXT.en;
  const { address, review } = await importEdited(page, 'en', 1280);
  // Nothing is saved before the confirmation.
  let stored = await (await page.request.get('/api/v1/account/contact-info')).json();
  expect(stored.version).toBe(1);

  await review.getByRole('button', { name: t.save }).click();
  await expect(page.getByTestId('transfer-saved')).toHaveText(t.saved);
  await expect(page.getByTestId('transfer-saved')).toBeFocused();
  await expect(review).toHaveCount(0);

  stored = await (await page.request.get('/api/v1/account/contact-info')).json();
  expect(stored.version).toBe(2);
  expect(stored.contact_info.shared_with_users.email).toBe(address);
  const latest = page.getByTestId('history-entry').first();
  await expect(latest).toContainText('Ada Admin');
  await expect(latest).toContainText(`support@partner.example → ${address}`);
  // The form starts again from the imported version.
  await expect(page.getByTestId('shared_with_users.email')).toHaveValue(address);
});

for (const [lang, width] of [
  ['en', 360],
  ['en', 1280],
  ['es', 360],
  ['es', 1280],
]) {
  test(`the change list of an import passes axe (${lang}, ${width} px)`, async ({ page }) => {
    await importEdited(page, lang, width);
    await expectAccessible(page, `the change list of an import (${lang}, ${width} px)`);
  });
}
