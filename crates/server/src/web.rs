//! Serving the built web app from `dist/`, as a static host would.
//!
//! The files are read once, at start: the app is one consistent build from
//! then on (the Content-Security-Policy hashes the `index.html` read here),
//! answers need no disk access, and every file's `ETag` is computed once.
//!
//! `cargo xtask` writes `NAME.br` and `NAME.gz` beside each file worth
//! compressing; a browser that accepts one gets it as it is, so the server
//! never compresses and identical requests get identical bytes. A variant that
//! does not decode to its file (left over from an earlier build, cut short) is
//! ignored, and the file goes out uncompressed.
//!
//! Files whose names carry Trunk's content hash never change, so browsers and
//! proxies may keep them for a year without asking. Everything else, above all
//! `index.html`, which names the current hashed files, must be revalidated on
//! each use; its `ETag` makes that a `304 Not Modified` without a body.
//!
//! Any path without a file extension that is not a file is a client-side route
//! (a deep link such as `/settings/contact`), so it gets a page and the app's
//! router takes over, the page [`AppPage`] names: `front-door.html`, the small
//! front door, for `/sign-in` and `/invitation/TOKEN`, and for the portal's
//! own pages (`/`, `/settings/…`) when the browser sends no session cookie;
//! `public-pages.html`, the small public pages, for `/status` and
//! `/verify/TOKEN`; `index.html`, the portal, otherwise. A missing file with
//! an extension (`/missing.js`) is a plain 404: answering HTML for a script or
//! image would only hide the mistake.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use portal_domain::AppPage;
use sha2::{Digest, Sha256};

/// For names with Trunk's content hash: a new build gets new names.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// For everything else: keep it, but ask (with `If-None-Match`) before using it.
const REVALIDATE: &str = "no-cache";

/// The built app, held in memory.
#[derive(Default)]
pub struct Site {
    /// By path below `dist/`, with `/` separators and no leading slash.
    files: HashMap<String, Arc<File>>,
}

/// One file of the app and the encodings it can be sent in.
struct File {
    content_type: HeaderValue,
    cache_control: HeaderValue,
    identity: Representation,
    brotli: Option<Representation>,
    gzip: Option<Representation>,
}

/// The exact bytes of one answer and their strong `ETag`.
#[derive(Clone)]
struct Representation {
    bytes: Bytes,
    etag: HeaderValue,
}

impl Representation {
    fn new(bytes: Vec<u8>) -> Self {
        let digest = Sha256::digest(&bytes);
        let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
        Self {
            bytes: Bytes::from(bytes),
            etag: HeaderValue::from_str(&format!("\"{hex}\"")).expect("hex is a valid header"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

impl Site {
    /// Reads every file under `dir`. A missing or unreadable folder gives an
    /// empty site: the API still works and pages say the app is not built.
    pub fn load(dir: &Path) -> Self {
        let mut paths = Vec::new();
        collect_files(dir, "", &mut paths);
        let names: std::collections::HashSet<&str> = paths.iter().map(String::as_str).collect();
        let mut files = HashMap::new();
        let (mut with_brotli, mut with_gzip) = (0, 0);
        for path in &paths {
            let is_variant = [".br", ".gz"].iter().any(|suffix| {
                path.strip_suffix(suffix)
                    .is_some_and(|original| names.contains(original))
            });
            if is_variant {
                continue;
            }
            let Some(bytes) = read(&dir.join(path)) else {
                continue;
            };
            let brotli = variant(dir, path, &bytes, "br", decode_brotli);
            let gzip = variant(dir, path, &bytes, "gz", decode_gzip);
            with_brotli += usize::from(brotli.is_some());
            with_gzip += usize::from(gzip.is_some());
            let name = path.rsplit('/').next().unwrap_or_default();
            let file = File {
                content_type: HeaderValue::from_static(content_type(name)),
                cache_control: HeaderValue::from_static(if is_content_hashed(name) {
                    IMMUTABLE
                } else {
                    REVALIDATE
                }),
                identity: Representation::new(bytes),
                brotli,
                gzip,
            };
            files.insert(path.clone(), Arc::new(file));
        }
        if !files.is_empty() {
            tracing::info!(
                dist = %dir.display(),
                files = files.len(),
                with_brotli,
                with_gzip,
                "serving the web app"
            );
        }
        Self { files }
    }

    /// The app's pages (`index.html`, the front door's `front-door.html`
    /// and the public pages' `public-pages.html`), one after the other, for
    /// the Content-Security-Policy.
    pub fn pages_html(&self) -> Option<String> {
        let pages: Vec<&str> = [INDEX, FRONT_DOOR, PUBLIC_PAGES]
            .iter()
            .filter_map(|name| self.files.get(*name))
            .filter_map(|file| std::str::from_utf8(&file.identity.bytes).ok())
            .collect();
        (!pages.is_empty()).then(|| pages.concat())
    }
}

/// Relative paths of the regular files under `dir`, skipping hidden entries
/// (such as the `.stage` folder of a Trunk build in progress).
fn collect_files(dir: &Path, prefix: &str, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
            tracing::warn!(path = %entry.path().display(), "skipping a file whose name is not UTF-8");
            continue;
        };
        if name.starts_with('.') {
            continue;
        }
        let relative = format!("{prefix}{name}");
        match std::fs::metadata(entry.path()) {
            Ok(meta) if meta.is_dir() => collect_files(&entry.path(), &format!("{relative}/"), out),
            Ok(meta) if meta.is_file() => out.push(relative),
            _ => {}
        }
    }
}

fn read(path: &Path) -> Option<Vec<u8>> {
    std::fs::read(path)
        .inspect_err(|e| tracing::warn!(path = %path.display(), "cannot read: {e}"))
        .ok()
}

type Decoder = fn(&[u8], u64) -> std::io::Result<Vec<u8>>;

/// `PATH.SUFFIX` when present and decoding to exactly `original`.
fn variant(
    dir: &Path,
    path: &str,
    original: &[u8],
    suffix: &str,
    decode: Decoder,
) -> Option<Representation> {
    let variant_path = dir.join(format!("{path}.{suffix}"));
    if !variant_path.is_file() {
        return None;
    }
    let compressed = read(&variant_path)?;
    // One byte more than the original is enough to tell a mismatch.
    let limit = original.len() as u64 + 1;
    if decode(&compressed, limit).is_ok_and(|decoded| decoded == original) {
        Some(Representation::new(compressed))
    } else {
        tracing::warn!(
            path = %variant_path.display(),
            "ignored: it does not decode to the file beside it, which is sent uncompressed \
             instead (precompress the build again, as `cargo xtask serve` does)"
        );
        None
    }
}

fn decode_brotli(data: &[u8], limit: u64) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    brotli_decompressor::Decompressor::new(data, 4096)
        .take(limit)
        .read_to_end(&mut out)?;
    Ok(out)
}

fn decode_gzip(data: &[u8], limit: u64) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(data)
        .take(limit)
        .read_to_end(&mut out)?;
    Ok(out)
}

/// Whether `name` carries Trunk's content hash (`filehash = true`):
/// `style-1f0e9d8c7b6a5f4e.css`, `partner-portal-1f0e9d8c7b6a5f4e.js` and
/// `partner-portal-1f0e9d8c7b6a5f4e_bg.wasm`. Trunk writes the 64-bit hash in
/// lowercase hex without leading zeros; fewer than 12 digits is taken as an
/// ordinary word (`icon-add.svg`), which at worst costs a revalidation.
fn is_content_hashed(name: &str) -> bool {
    let Some((stem, _extension)) = name.rsplit_once('.') else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(base, hash)| {
        !base.is_empty()
            && (12..=16).contains(&hash.len())
            && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    })
}

/// The media type for a file name; text types are UTF-8 as Trunk writes them.
fn content_type(name: &str) -> &'static str {
    let extension = name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" | "cjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "txt" => "text/plain; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "xml" => "application/xml",
        "ico" => "image/x-icon",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "pdf" => "application/pdf",
        "gz" => "application/gzip",
        _ => "application/octet-stream",
    }
}

pub fn router(site: Site) -> Router {
    Router::new().fallback(serve).with_state(Arc::new(site))
}

async fn serve(
    State(site): State<Arc<Site>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            [(header::ALLOW, "GET, HEAD")],
            "Only GET and HEAD are allowed here.\n",
        )
            .into_response();
    }
    let Ok(path) = percent_encoding::percent_decode_str(uri.path()).decode_utf8() else {
        return not_found();
    };
    let relative = path.trim_start_matches('/');
    if !relative.is_empty() {
        let key = if relative.ends_with('/') {
            format!("{relative}index.html")
        } else {
            relative.to_owned()
        };
        if let Some(file) = site.files.get(&key) {
            return answer(file, &headers, method == Method::HEAD);
        }
        let last_segment = relative.rsplit('/').next().unwrap_or_default();
        if last_segment.contains('.') {
            return not_found();
        }
    }
    // Pages go by the address as the browser shows it to the page
    // (`location.pathname`, still percent-encoded), which is what each entry
    // reads again.
    let app_page = AppPage::of(uri.path());
    let entry = match app_page {
        AppPage::SignIn | AppPage::Invitation(_) => Some(FRONT_DOOR),
        AppPage::Portal if !sends_session(&headers) => Some(FRONT_DOOR),
        AppPage::Status | AppPage::Verify(_) => Some(PUBLIC_PAGES),
        AppPage::Portal | AppPage::Other => None,
    };
    let Some(page) = entry
        .and_then(|name| site.files.get(name))
        .or_else(|| site.files.get(INDEX))
    else {
        return (
            StatusCode::NOT_FOUND,
            "The web app has not been built; run `cargo xtask serve`.\n",
        )
            .into_response();
    };
    let mut response = answer(page, &headers, method == Method::HEAD);
    if app_page == AppPage::Portal && site.files.contains_key(FRONT_DOOR) {
        // The page depends on the session cookie: caches must keep one per cookie.
        let vary = match response.headers().get(header::VARY) {
            Some(_) => "accept-encoding, cookie",
            None => "cookie",
        };
        response
            .headers_mut()
            .insert(header::VARY, HeaderValue::from_static(vary));
    }
    response
}

/// The portal's page, which names the whole app.
const INDEX: &str = "index.html";
/// The front door's page: sign-in, invitations and set-up, for visitors who
/// are not signed in.
const FRONT_DOOR: &str = "front-door.html";
/// The public pages' page: the status page and an address's confirmation
/// link, for anyone.
const PUBLIC_PAGES: &str = "public-pages.html";

/// Whether the request sends a session cookie. Whether the session is still
/// valid is for the portal to find out: an expired one gets the portal,
/// which sends the visitor to its own sign-in.
fn sends_session(headers: &HeaderMap) -> bool {
    crate::auth::cookie(headers, crate::auth::SESSION_COOKIE).is_some_and(|v| !v.is_empty())
}

fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "Not found\n").into_response()
}

/// The representation of `file` the request accepts, or `304` when the
/// client already holds it.
fn answer(file: &File, request: &HeaderMap, head: bool) -> Response {
    let offered = [
        (Encoding::Brotli, file.brotli.is_some()),
        (Encoding::Gzip, file.gzip.is_some()),
    ];
    let accept = request
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect::<Vec<_>>()
        .join(",");
    let encoding = preferred_encoding(
        &accept,
        offered
            .iter()
            .filter(|(_, present)| *present)
            .map(|(e, _)| *e),
    );
    let (representation, content_encoding) = match encoding {
        Encoding::Brotli => (file.brotli.as_ref(), Some("br")),
        Encoding::Gzip => (file.gzip.as_ref(), Some("gzip")),
        Encoding::Identity => (None, None),
    };
    let representation = representation.unwrap_or(&file.identity);

    let mut response = Response::new(Body::empty());
    let h = response.headers_mut();
    h.insert(header::ETAG, representation.etag.clone());
    h.insert(header::CACHE_CONTROL, file.cache_control.clone());
    if file.brotli.is_some() || file.gzip.is_some() {
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    if is_not_modified(request, &representation.etag) {
        *response.status_mut() = StatusCode::NOT_MODIFIED;
        return response;
    }
    h.insert(header::CONTENT_TYPE, file.content_type.clone());
    if let Some(coding) = content_encoding {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
    }
    h.insert(
        header::CONTENT_LENGTH,
        HeaderValue::from(representation.bytes.len()),
    );
    if !head {
        *response.body_mut() = Body::from(representation.bytes.clone());
    }
    response
}

/// Whether an `If-None-Match` of the request names `etag` (or is `*`). The
/// comparison is weak, as for any `If-None-Match`: a proxy that marked the
/// tag `W/` still gets its 304.
fn is_not_modified(request: &HeaderMap, etag: &HeaderValue) -> bool {
    let etag = etag.as_bytes();
    request
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .any(|tag| tag == "*" || tag.trim_start_matches("W/").as_bytes() == etag)
}

/// The encoding to send, from an `Accept-Encoding` value and the variants a
/// file has (in order of preference): the one with the highest `q`, brotli
/// before gzip on a tie. Identity, always acceptable (a request refusing
/// everything still gets it rather than an error page), wins only when no
/// variant is accepted or when it is named with a higher `q`.
fn preferred_encoding(accept: &str, offered: impl Iterator<Item = Encoding>) -> Encoding {
    let mut weights: Vec<(String, f32)> = Vec::new();
    for item in accept.split(',') {
        let mut parts = item.split(';');
        let coding = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
        if coding.is_empty() {
            continue;
        }
        let q = parts
            .filter_map(|p| {
                let p = p.trim();
                p.strip_prefix("q=").or_else(|| p.strip_prefix("Q="))
            })
            .map(|v| v.trim().parse::<f32>().unwrap_or(0.0))
            .next()
            .unwrap_or(1.0);
        weights.push((coding, q.clamp(0.0, 1.0)));
    }
    let named = |name: &str| {
        weights
            .iter()
            .find(|(coding, _)| coding == name)
            .map(|(_, q)| *q)
    };
    let star = named("*");
    let mut best: Option<(Encoding, f32)> = None;
    for encoding in offered {
        let q = match encoding {
            Encoding::Brotli => named("br").or(star),
            Encoding::Gzip => named("gzip").or_else(|| named("x-gzip")).or(star),
            Encoding::Identity => continue,
        }
        .unwrap_or(0.0);
        if q > 0.0 && best.is_none_or(|(_, best_q)| q > best_q) {
            best = Some((encoding, q));
        }
    }
    match (best, named("identity")) {
        (Some((encoding, q)), identity) if identity.is_none_or(|identity| q >= identity) => {
            encoding
        }
        _ => Encoding::Identity,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOTH: [Encoding; 2] = [Encoding::Brotli, Encoding::Gzip];

    fn pick(accept: &str, offered: &[Encoding]) -> Encoding {
        preferred_encoding(accept, offered.iter().copied())
    }

    #[test]
    fn the_encoding_follows_accept_encoding() {
        use Encoding::*;
        assert_eq!(pick("gzip, deflate, br, zstd", &BOTH), Brotli);
        assert_eq!(pick("gzip, deflate", &BOTH), Gzip);
        assert_eq!(pick("", &BOTH), Identity);
        assert_eq!(pick("br;q=0.5, gzip", &BOTH), Gzip);
        assert_eq!(pick("br;q=0, gzip;q=0", &BOTH), Identity);
        assert_eq!(pick("*", &BOTH), Brotli);
        assert_eq!(pick("gzip;q=0.5, identity", &BOTH), Identity);
        assert_eq!(pick("BR", &BOTH), Brotli);
        assert_eq!(pick("br, gzip", &[Gzip]), Gzip);
        assert_eq!(pick("br", &[Gzip]), Identity);
        assert_eq!(pick("br;q=garbage, gzip", &BOTH), Gzip);
        assert_eq!(pick("br;q=0.8, gzip;q=0.9", &BOTH), Gzip);
        assert_eq!(pick("*;q=0", &BOTH), Identity);
        assert_eq!(pick("*;q=0, gzip", &BOTH), Gzip);
    }

    #[test]
    fn trunk_hashed_names_are_recognised() {
        for name in [
            "partner-portal-9b2f41c7d3e8a065.js",
            "partner-portal-9b2f41c7d3e8a065_bg.wasm",
            "tokens-1c4d2e9f0a7b3c58.css",
            "contact-form-d2e9f0a7b3c5.css",
        ] {
            assert!(is_content_hashed(name), "{name}");
        }
        for name in [
            "index.html",
            "icon-add.svg",
            "robots.txt",
            "-9b2f41c7d3e8a065.js",
            "app-9B2F41C7D3E8A065.js",
            "app-9b2f41c7d3e8a0655.js",
            "app-9b2f41c7d3e8a065",
        ] {
            assert!(!is_content_hashed(name), "{name}");
        }
    }

    #[test]
    fn if_none_match_compares_weakly_and_accepts_lists() {
        let etag = HeaderValue::from_static("\"abc\"");
        let mut request = HeaderMap::new();
        assert!(!is_not_modified(&request, &etag));
        request.insert(
            header::IF_NONE_MATCH,
            HeaderValue::from_static("\"x\", W/\"abc\""),
        );
        assert!(is_not_modified(&request, &etag));
        request.insert(header::IF_NONE_MATCH, HeaderValue::from_static("\"abcd\""));
        assert!(!is_not_modified(&request, &etag));
        request.insert(header::IF_NONE_MATCH, HeaderValue::from_static("*"));
        assert!(is_not_modified(&request, &etag));
    }
}
