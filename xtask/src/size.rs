//! `cargo xtask size`: what a browser downloads, raw and compressed.

use crate::process::run;
use crate::serve::build_app;
use crate::tools::Tools;

/// What the server sends: the `.br` and `.gz` files the build wrote (they get
/// no rows of their own), or the file itself where compressing did not pay.
pub const MEASURE: &str = r#"
const fs = require('fs'), path = require('path');
const dist = process.argv[1];
const all = fs.readdirSync(dist).filter(f => fs.statSync(path.join(dist, f)).isFile());
const isVariant = f => /\.(br|gz)$/.test(f) && all.includes(f.slice(0, -3));
const size = f => fs.statSync(path.join(dist, f)).size;
const sent = (f, suffix) => all.includes(f + suffix) ? size(f + suffix) : size(f);
const rows = all.filter(f => !isVariant(f)).sort().map(f => ({
  file: f, raw: size(f), gzip: sent(f, '.gz'), brotli: sent(f, '.br'),
}));
const n = v => v.toLocaleString('en-US');
const line = r => console.log(r.file.padEnd(44) + n(r.raw).padStart(12) + n(r.gzip).padStart(12) + n(r.brotli).padStart(12));
console.log('file'.padEnd(44) + 'raw'.padStart(12) + 'gzip -9'.padStart(12) + 'brotli -q11'.padStart(12));
rows.forEach(line);
const sum = (pred, label) => {
  const picked = rows.filter(pred);
  line({ file: label, raw: picked.reduce((a, r) => a + r.raw, 0),
    gzip: picked.reduce((a, r) => a + r.gzip, 0), brotli: picked.reduce((a, r) => a + r.brotli, 0) });
};
console.log('-'.repeat(80));
// One total per entry: its page and the JavaScript, wasm and styles the page
// loads. The front door's list of the portal's files to prefetch is not part
// of it.
const entry = (page, label) => {
  if (!all.includes(page)) return;
  const html = fs.readFileSync(path.join(dist, page), 'utf8')
    .replace(/<meta name="?portal-files"?[^>]*>/, '');
  const loaded = new Set(html.split(/[^A-Za-z0-9._\/-]+/)
    .filter(w => w.startsWith('/') && /\.(js|wasm|css)$/.test(w))
    .map(w => w.slice(1)));
  const files = [page, ...loaded];
  sum(r => files.includes(r.file), label + ': html + js + wasm + css');
  sum(r => loaded.has(r.file) && r.file.endsWith('.wasm'), '  of which wasm');
};
entry('index.html', 'portal');
entry('front-door.html', 'front door');
entry('public-pages.html', 'public pages');
"#;

pub fn main(args: &[String]) -> Result<(), String> {
    if let Some(extra) = args.first() {
        return Err(format!("`size` takes no options (got `{extra}`)"));
    }
    let tools = Tools::new()?;
    tools.setup_app_build()?;
    build_app(&tools)?;
    println!();
    run(tools
        .command("node")
        .args(["-e", MEASURE])
        .arg(tools.root.join("dist")))
}
