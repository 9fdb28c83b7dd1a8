// Minifies the JavaScript of a release build in DIR (wasm-bindgen's glue,
// which Trunk leaves as generated) with terser, and updates the Subresource
// Integrity hash the pages in DIR (index.html, front-door.html,
// public-pages.html) give each file, so the browser still accepts it. Run by
// `cargo xtask` after `trunk build --release`:
//   node tools/minify-js.mjs dist
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.argv[2];
if (!dir) {
  throw new Error('usage: node tools/minify-js.mjs DIST_DIR');
}
const pages = readdirSync(dir)
  .filter((f) => f.endsWith('.html'))
  .map((f) => ({ path: join(dir, f), html: readFileSync(join(dir, f), 'utf8') }));
const integrity = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;

for (const file of readdirSync(dir).filter((f) => f.endsWith('.js')).sort()) {
  const path = join(dir, file);
  const source = readFileSync(path, 'utf8');
  const { code } = await minify(source, {
    module: true,
    ecma: 2020,
    compress: { passes: 2 },
    format: { comments: false },
  });
  const before = integrity(source);
  for (const page of pages) {
    if (page.html.includes(before)) {
      page.html = page.html.replaceAll(before, integrity(code));
    } else if (new RegExp(`<[^>]*/${file.replaceAll('.', '\\.')}[^>]*integrity`).test(page.html)) {
      throw new Error(`${page.path} names ${file} with an integrity hash that is not its content's`);
    }
  }
  writeFileSync(path, code);
  console.log(`${file}: ${source.length} -> ${code.length} bytes`);
}
for (const page of pages) {
  writeFileSync(page.path, page.html);
}
