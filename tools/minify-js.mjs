// Minifies the JavaScript of a release build in DIR (wasm-bindgen's glue,
// which Trunk leaves as generated) with terser, and updates the Subresource
// Integrity hash DIR/index.html gives each file, so the browser still
// accepts it. Run by `cargo xtask` after `trunk build --release`:
//   node tools/minify-js.mjs dist
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.argv[2];
if (!dir) {
  throw new Error('usage: node tools/minify-js.mjs DIST_DIR');
}
const indexPath = join(dir, 'index.html');
let index = readFileSync(indexPath, 'utf8');
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
  if (index.includes(before)) {
    index = index.replaceAll(before, integrity(code));
  } else if (index.includes(file) && index.includes('integrity')) {
    throw new Error(`${indexPath} names ${file} with an integrity hash that is not its content's`);
  }
  writeFileSync(path, code);
  console.log(`${file}: ${source.length} -> ${code.length} bytes`);
}
writeFileSync(indexPath, index);
