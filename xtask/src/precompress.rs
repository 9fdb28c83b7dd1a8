//! Precompressing the built app: `NAME.br` (brotli quality 11) and `NAME.gz`
//! (gzip -9) beside every file of `dist/` that compresses well, written once
//! per build. The server sends these files as they are to browsers that
//! accept them, so it never compresses on a request and every answer is the
//! same bytes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::process::step;

/// Extensions of text and WebAssembly files; images, fonts in WOFF and
/// archives are compressed already.
const COMPRESSIBLE: &[&str] = &[
    "html",
    "htm",
    "js",
    "mjs",
    "cjs",
    "wasm",
    "css",
    "json",
    "map",
    "webmanifest",
    "svg",
    "txt",
    "xml",
    "csv",
    "md",
    "ico",
    "ttf",
    "otf",
];

/// Below this a file travels in the first packets anyway; `Content-Encoding`
/// and `Vary` headers would eat most of what compression saves.
const MIN_SIZE: usize = 512;

/// Brotli's largest standard window (16 MiB). Bigger "large window" streams
/// are an extension browsers cannot decode.
const BROTLI_WINDOW_BITS: i32 = 24;

/// What precompressing wrote.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files that got at least one variant.
    pub files: usize,
    /// Their size as built.
    pub raw: u64,
    /// The size a brotli-accepting browser downloads for them.
    pub brotli: u64,
    /// The size a gzip-only browser downloads for them.
    pub gzip: u64,
}

/// Writes the variants for `dir` (normally `dist/` right after `trunk build`)
/// as one announced, timed step.
pub fn dist(dir: &Path) -> Result<(), String> {
    step(
        &format!(
            "Precompressing {} (brotli -q 11, gzip -9)",
            dir.file_name().unwrap_or_default().to_string_lossy()
        ),
        || {
            let summary = precompress(dir)?;
            println!(
                "    {} files, {} bytes: {} with brotli, {} with gzip",
                summary.files, summary.raw, summary.brotli, summary.gzip
            );
            Ok(())
        },
    )
}

/// Writes `NAME.br` and `NAME.gz` beside each compressible file under `dir`
/// and removes variants that no longer belong to a file worth compressing.
/// Files are spread over the machine's cores; brotli at quality 11 dominates.
pub fn precompress(dir: &Path) -> Result<Summary, String> {
    let mut files = Vec::new();
    collect_files(dir, &mut files)?;
    let originals: Vec<PathBuf> = files
        .iter()
        .filter(|path| !is_variant(path, &files))
        .cloned()
        .collect();
    let next = AtomicUsize::new(0);
    let results = Mutex::new(Vec::new());
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    std::thread::scope(|scope| {
        for _ in 0..threads.min(originals.len()) {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = originals.get(index) else {
                        break;
                    };
                    let result = precompress_file(path);
                    results.lock().expect("no worker panics").push(result);
                }
            });
        }
    });
    let mut summary = Summary::default();
    for result in results.into_inner().expect("no worker panics") {
        if let Some((raw, brotli, gzip)) = result? {
            summary.files += 1;
            summary.raw += raw;
            summary.brotli += brotli;
            summary.gzip += gzip;
        }
    }
    Ok(summary)
}

/// Every regular file under `dir`, skipping hidden entries such as Trunk's
/// `.stage` folder.
fn collect_files(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let metadata =
            std::fs::metadata(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        if metadata.is_dir() {
            collect_files(&path, files)?;
        } else if metadata.is_file() {
            files.push(path);
        }
    }
    Ok(())
}

/// Whether `path` is `NAME.br` or `NAME.gz` of another file in `files`
/// (a `.gz` with nothing beside it is a file of its own).
fn is_variant(path: &Path, files: &[PathBuf]) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("br" | "gz"))
        && files.iter().any(|f| *f == path.with_extension(""))
}

fn is_compressible(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|ext| COMPRESSIBLE.contains(&ext.to_ascii_lowercase().as_str()))
}

/// Writes both variants of one file, or removes them when compressing it does
/// not pay; answers the raw, brotli and gzip sizes a browser would download.
fn precompress_file(path: &Path) -> Result<Option<(u64, u64, u64)>, String> {
    let br_path = with_suffix(path, "br");
    let gz_path = with_suffix(path, "gz");
    let data = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if !is_compressible(path) || data.len() < MIN_SIZE {
        remove_if_present(&br_path)?;
        remove_if_present(&gz_path)?;
        return Ok(None);
    }
    let brotli = keep_if_smaller(&br_path, &data, brotli(&data)?)?;
    let gzip = keep_if_smaller(&gz_path, &data, gzip(&data)?)?;
    if brotli == data.len() && gzip == data.len() {
        return Ok(None);
    }
    Ok(Some((data.len() as u64, brotli as u64, gzip as u64)))
}

/// Writes `compressed` to `path` when it saves at least a tenth of
/// `original`, otherwise removes `path`; answers the bytes a browser gets.
fn keep_if_smaller(path: &Path, original: &[u8], compressed: Vec<u8>) -> Result<usize, String> {
    if compressed.len() * 10 <= original.len() * 9 {
        std::fs::write(path, &compressed)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        Ok(compressed.len())
    } else {
        remove_if_present(path)?;
        Ok(original.len())
    }
}

fn remove_if_present(path: &Path) -> Result<(), String> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(format!("cannot remove {}: {e}", path.display()))
        }
        _ => Ok(()),
    }
}

/// `dir/app.wasm` → `dir/app.wasm.br`.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

/// Brotli at quality 11 with the largest standard window.
pub fn brotli(data: &[u8]) -> Result<Vec<u8>, String> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: BROTLI_WINDOW_BITS,
        size_hint: data.len(),
        ..Default::default()
    };
    let mut out = Vec::with_capacity(data.len() / 3);
    brotli::BrotliCompress(&mut &data[..], &mut out, &params)
        .map_err(|e| format!("brotli failed: {e}"))?;
    Ok(out)
}

/// gzip at level 9, with no file name and a zero time stamp, so a build's
/// output depends only on its input.
pub fn gzip(data: &[u8]) -> Result<Vec<u8>, String> {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(data.len() / 3),
        flate2::Compression::best(),
    );
    encoder
        .write_all(data)
        .and_then(|()| encoder.finish())
        .map_err(|e| format!("gzip failed: {e}"))
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;
    use crate::process::TempDir;

    /// Text that compresses like a real bundle: repetitive but not uniform.
    fn bundle(lines: usize) -> Vec<u8> {
        (0..lines)
            .map(|i| {
                format!("export function handler_{i}(event) {{ return event.value + {i}; }}\n")
            })
            .collect::<String>()
            .into_bytes()
    }

    fn unbrotli(data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        brotli::BrotliDecompress(&mut &data[..], &mut out).unwrap();
        out
    }

    fn gunzip(data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(data)
            .read_to_end(&mut out)
            .unwrap();
        out
    }

    #[test]
    fn both_variants_decode_to_the_original_and_are_smaller() {
        let dir = TempDir::new("precompress-roundtrip").unwrap();
        let js = bundle(400);
        std::fs::write(dir.0.join("app-0123456789abcdef.js"), &js).unwrap();
        let summary = precompress(&dir.0).unwrap();
        let br = std::fs::read(dir.0.join("app-0123456789abcdef.js.br")).unwrap();
        let gz = std::fs::read(dir.0.join("app-0123456789abcdef.js.gz")).unwrap();
        assert_eq!(unbrotli(&br), js);
        assert_eq!(gunzip(&gz), js);
        assert!(br.len() < gz.len() && gz.len() < js.len() / 4, "{br:?}");
        assert_eq!(
            summary,
            Summary {
                files: 1,
                raw: js.len() as u64,
                brotli: br.len() as u64,
                gzip: gz.len() as u64,
            }
        );
    }

    #[test]
    fn output_depends_only_on_the_input() {
        let data = bundle(100);
        assert_eq!(brotli(&data).unwrap(), brotli(&data).unwrap());
        assert_eq!(gzip(&data).unwrap(), gzip(&data).unwrap());
    }

    #[test]
    fn compressed_formats_tiny_files_and_hidden_folders_are_left_alone() {
        let dir = TempDir::new("precompress-skip").unwrap();
        std::fs::write(dir.0.join("photo.png"), bundle(100)).unwrap();
        std::fs::write(dir.0.join("font.woff2"), bundle(100)).unwrap();
        std::fs::write(dir.0.join("tiny.css"), "body{margin:0}").unwrap();
        std::fs::create_dir(dir.0.join(".stage")).unwrap();
        std::fs::write(dir.0.join(".stage/index.html"), bundle(100)).unwrap();
        assert_eq!(precompress(&dir.0).unwrap(), Summary::default());
        let mut names: Vec<String> = std::fs::read_dir(&dir.0)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, [".stage", "font.woff2", "photo.png", "tiny.css"]);
        assert!(!dir.0.join(".stage/index.html.br").exists());
    }

    #[test]
    fn incompressible_data_gets_no_variant() {
        let dir = TempDir::new("precompress-random").unwrap();
        // A xorshift sequence: no redundancy for either compressor to find.
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let noise: Vec<u8> = (0..4096)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect();
        std::fs::write(dir.0.join("noise.wasm"), &noise).unwrap();
        assert_eq!(precompress(&dir.0).unwrap(), Summary::default());
        assert!(!dir.0.join("noise.wasm.br").exists());
        assert!(!dir.0.join("noise.wasm.gz").exists());
    }

    #[test]
    fn subfolders_are_included_and_a_second_run_replaces_stale_variants() {
        let dir = TempDir::new("precompress-rerun").unwrap();
        std::fs::create_dir(dir.0.join("assets")).unwrap();
        let page = dir.0.join("assets/help.html");
        std::fs::write(&page, bundle(50)).unwrap();
        precompress(&dir.0).unwrap();
        assert_eq!(
            unbrotli(&std::fs::read(dir.0.join("assets/help.html.br")).unwrap()),
            bundle(50)
        );
        // The page changes; the variants are not compressed again as files.
        std::fs::write(&page, bundle(60)).unwrap();
        let summary = precompress(&dir.0).unwrap();
        assert_eq!(summary.files, 1);
        assert_eq!(
            gunzip(&std::fs::read(dir.0.join("assets/help.html.gz")).unwrap()),
            bundle(60)
        );
        assert!(!dir.0.join("assets/help.html.br.gz").exists());
        // Shrunk below the threshold: its variants go.
        std::fs::write(&page, "<p>short</p>").unwrap();
        precompress(&dir.0).unwrap();
        assert!(!dir.0.join("assets/help.html.br").exists());
        assert!(!dir.0.join("assets/help.html.gz").exists());
    }

    #[test]
    fn a_gz_file_of_its_own_is_not_mistaken_for_a_variant() {
        let files = [PathBuf::from("d/app.js"), PathBuf::from("d/app.js.gz")];
        assert!(is_variant(&files[1], &files));
        let lone = [PathBuf::from("d/data.tar.gz")];
        assert!(!is_variant(&lone[0], &lone));
    }
}
