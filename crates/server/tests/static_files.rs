//! The built app as a static host serves it: precompressed files sent as they
//! are, cache headers by file name, `ETag` revalidation, and the security
//! headers on every answer. The `dist/` folder is written here with known
//! files, compressed the way `cargo xtask` compresses a build.

mod support;

use std::io::Write;
use std::path::Path;

use axum::http::{HeaderMap, StatusCode, header};
use support::TestServer;

const WASM: &str = "partner-portal-9b2f41c7d3e8a065_bg.wasm";
const JS: &str = "partner-portal-9b2f41c7d3e8a065.js";
const CSS: &str = "tokens-1c4d2e9f0a7b3c58.css";
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// The inline module script Trunk writes into `index.html`.
const BOOTSTRAP: &str = "\nimport init, * as bindings from '/partner-portal-9b2f41c7d3e8a065.js';\nconst wasm = await init({ module_or_path: '/partner-portal-9b2f41c7d3e8a065_bg.wasm' });\nwindow.wasmBindings = bindings;\ndispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {detail: {wasm}}));\n";

fn index_html() -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head>\n\
         <meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\"><title>Partner Portal</title>\n\
         <link rel=\"stylesheet\" href=\"/{CSS}\" integrity=\"sha384-AAAA\"/>\n\
         <link rel=\"modulepreload\" href=\"/{JS}\" crossorigin=\"anonymous\" integrity=\"sha384-BBBB\">\n\
         <link rel=\"preload\" href=\"/{WASM}\" crossorigin=\"anonymous\" integrity=\"sha384-CCCC\" as=\"fetch\" type=\"application/wasm\">\n\
         <script type=\"module\">{BOOTSTRAP}</script></head><body></body></html>\n"
    )
}

/// Bytes shaped like a wasm module: a header, then code that repeats with
/// variations, as real code does.
fn wasm() -> Vec<u8> {
    let mut bytes = b"\0asm\x01\0\0\0".to_vec();
    for i in 0..3000u32 {
        bytes.extend_from_slice(&[0x20, (i % 7) as u8, 0x41, (i % 251) as u8, 0x6a, 0x21, 0x01]);
    }
    bytes
}

fn js() -> Vec<u8> {
    (0..300)
        .map(|i| {
            format!(
                "export function __wbg_handler_{i}(arg0) {{ return getObject(arg0).value_{i}; }}\n"
            )
        })
        .collect::<String>()
        .into_bytes()
}

/// Brotli quality 11, window 24, as `cargo xtask` writes `NAME.br`.
fn brotli(data: &[u8]) -> Vec<u8> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 24,
        size_hint: data.len(),
        ..Default::default()
    };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &data[..], &mut out, &params).unwrap();
    out
}

/// gzip -9, as `cargo xtask` writes `NAME.gz`.
fn gzip(data: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(data).unwrap();
    encoder.finish().unwrap()
}

/// Writes `name` and its `.br` and `.gz` variants.
fn write_precompressed(dist: &Path, name: &str, data: &[u8]) {
    std::fs::write(dist.join(name), data).unwrap();
    std::fs::write(dist.join(format!("{name}.br")), brotli(data)).unwrap();
    std::fs::write(dist.join(format!("{name}.gz")), gzip(data)).unwrap();
}

/// A built app: index, script and wasm precompressed, a tiny stylesheet and
/// an unhashed text file without variants.
fn write_app(dist: &Path) {
    write_precompressed(dist, "index.html", index_html().as_bytes());
    write_precompressed(dist, WASM, &wasm());
    write_precompressed(dist, JS, &js());
    std::fs::write(dist.join(CSS), ":root{--space:4px}").unwrap();
    std::fs::write(dist.join("robots.txt"), "User-agent: *\nDisallow:\n").unwrap();
}

async fn server() -> TestServer {
    TestServer::with_app(write_app).await
}

fn on_disk(server: &TestServer, name: &str) -> Vec<u8> {
    std::fs::read(server.config.dist_dir.join(name)).unwrap()
}

fn text(headers: &HeaderMap, name: header::HeaderName) -> &str {
    headers
        .get(&name)
        .map(|v| v.to_str().unwrap())
        .unwrap_or_else(|| panic!("no {name} header in {headers:?}"))
}

/// The security headers an answer carries, whatever its status: every one
/// `nosniff`; every one that could be shown as a page the document policies
/// too, which a script, stylesheet or wasm module does without (the browser
/// ignores them there).
fn assert_protected(headers: &HeaderMap) {
    assert_eq!(text(headers, header::X_CONTENT_TYPE_OPTIONS), "nosniff");
    let kind = headers
        .get(header::CONTENT_TYPE)
        .map_or("", |v| v.to_str().unwrap());
    let subresource = ["text/javascript", "application/wasm", "text/css"]
        .iter()
        .any(|t| kind.starts_with(t));
    if subresource {
        for name in [header::CONTENT_SECURITY_POLICY, header::X_FRAME_OPTIONS] {
            assert!(!headers.contains_key(&name), "{kind} with {name}");
        }
    } else {
        let csp = text(headers, header::CONTENT_SECURITY_POLICY);
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        assert_eq!(text(headers, header::X_FRAME_OPTIONS), "DENY");
    }
}

#[tokio::test]
async fn a_browser_accepting_brotli_gets_the_br_file_as_it_is() {
    let server = server().await;
    let (status, headers, body) = server
        .get(&format!("/{WASM}"))
        .header("accept-encoding", "gzip, deflate, br, zstd")
        .send_raw()
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(text(&headers, header::CONTENT_ENCODING), "br");
    assert_eq!(text(&headers, header::CONTENT_TYPE), "application/wasm");
    assert_eq!(text(&headers, header::VARY), "accept-encoding");
    assert_eq!(text(&headers, header::CACHE_CONTROL), IMMUTABLE);
    assert_eq!(body, on_disk(&server, &format!("{WASM}.br")));
    assert_eq!(
        text(&headers, header::CONTENT_LENGTH),
        body.len().to_string()
    );
    assert_protected(&headers);

    // The same request again: the very same bytes and tag.
    let (_, again_headers, again) = server
        .get(&format!("/{WASM}"))
        .header("accept-encoding", "gzip, deflate, br, zstd")
        .send_raw()
        .await;
    assert_eq!(again, body);
    assert_eq!(
        again_headers.get(header::ETAG),
        headers.get(header::ETAG),
        "a repeated request has the same ETag"
    );
}

#[tokio::test]
async fn a_browser_accepting_only_gzip_gets_the_gz_file() {
    let server = server().await;
    let (status, headers, body) = server
        .get(&format!("/{JS}"))
        .header("accept-encoding", "gzip, deflate")
        .send_raw()
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(text(&headers, header::CONTENT_ENCODING), "gzip");
    assert_eq!(
        text(&headers, header::CONTENT_TYPE),
        "text/javascript; charset=utf-8"
    );
    assert_eq!(text(&headers, header::VARY), "accept-encoding");
    assert_eq!(body, on_disk(&server, &format!("{JS}.gz")));
    assert_protected(&headers);
}

#[tokio::test]
async fn a_client_without_accept_encoding_gets_the_file_itself() {
    let server = server().await;
    for name in [WASM, JS] {
        let (status, headers, body) = server.get(&format!("/{name}")).send_raw().await;
        assert_eq!(status, StatusCode::OK, "{name}");
        assert!(!headers.contains_key(header::CONTENT_ENCODING), "{name}");
        assert_eq!(text(&headers, header::VARY), "accept-encoding", "{name}");
        assert_eq!(body, on_disk(&server, name), "{name}");
        assert_protected(&headers);
    }
    // Refusing brotli and gzip by weight is refusing them.
    let (_, headers, body) = server
        .get(&format!("/{WASM}"))
        .header("accept-encoding", "br;q=0, gzip;q=0")
        .send_raw()
        .await;
    assert!(!headers.contains_key(header::CONTENT_ENCODING));
    assert_eq!(body, wasm());
}

#[tokio::test]
async fn hashed_files_are_cached_for_a_year_and_others_are_revalidated() {
    let server = server().await;
    for name in [WASM, JS, CSS] {
        let (status, headers, _) = server
            .get(&format!("/{name}"))
            .header("accept-encoding", "br")
            .send_raw()
            .await;
        assert_eq!(status, StatusCode::OK, "{name}");
        assert_eq!(text(&headers, header::CACHE_CONTROL), IMMUTABLE, "{name}");
    }
    let (status, headers, body) = server.get("/robots.txt").send_raw().await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(text(&headers, header::CACHE_CONTROL), "no-cache");
    assert!(text(&headers, header::ETAG).starts_with('"'));
    assert_eq!(
        text(&headers, header::CONTENT_TYPE),
        "text/plain; charset=utf-8"
    );
    // Nothing to choose between, so nothing varies.
    assert!(!headers.contains_key(header::VARY));
    assert_eq!(body, b"User-agent: *\nDisallow:\n");
    assert_protected(&headers);
}

#[tokio::test]
async fn the_app_shell_is_revalidated_also_for_deep_links() {
    let server = server().await;
    let mut etags = Vec::new();
    for path in ["/", "/index.html", "/settings/contact", "/settings/users/"] {
        let (status, headers, body) = server.get(path).send_raw().await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(
            text(&headers, header::CONTENT_TYPE),
            "text/html; charset=utf-8",
            "{path}"
        );
        assert_eq!(text(&headers, header::CACHE_CONTROL), "no-cache", "{path}");
        assert_eq!(body, index_html().as_bytes(), "{path}");
        assert_protected(&headers);
        etags.push(text(&headers, header::ETAG).to_owned());

        let (status, headers, body) = server
            .get(path)
            .header("accept-encoding", "br, gzip")
            .send_raw()
            .await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(text(&headers, header::CONTENT_ENCODING), "br", "{path}");
        assert_eq!(
            text(&headers, header::CONTENT_TYPE),
            "text/html; charset=utf-8",
            "{path}"
        );
        assert_eq!(text(&headers, header::CACHE_CONTROL), "no-cache", "{path}");
        assert_eq!(body, on_disk(&server, "index.html.br"), "{path}");
        assert_ne!(
            text(&headers, header::ETAG),
            etags[0],
            "{path}: the compressed bytes have their own tag"
        );
    }
    assert!(
        etags.iter().all(|etag| *etag == etags[0]),
        "one shell, one tag: {etags:?}"
    );
}

#[tokio::test]
async fn a_matching_if_none_match_gets_304_without_a_body() {
    let server = server().await;
    for (path, accept) in [
        ("/", "br"),
        ("/settings/contact", "gzip"),
        ("/index.html", ""),
        (&format!("/{WASM}") as &str, "br"),
    ] {
        let (_, first, _) = server
            .get(path)
            .header("accept-encoding", accept)
            .send_raw()
            .await;
        let etag = text(&first, header::ETAG).to_owned();

        let (status, headers, body) = server
            .get(path)
            .header("accept-encoding", accept)
            .header("if-none-match", &etag)
            .send_raw()
            .await;
        assert_eq!(status, StatusCode::NOT_MODIFIED, "{path} {accept}");
        assert!(body.is_empty(), "{path} {accept}: {body:?}");
        assert_eq!(text(&headers, header::ETAG), etag, "{path} {accept}");
        assert!(headers.contains_key(header::CACHE_CONTROL), "{path}");
        assert_protected(&headers);

        // A tag the client holds among others, or weakened by a proxy, still matches.
        let (status, _, _) = server
            .get(path)
            .header("accept-encoding", accept)
            .header("if-none-match", &format!("\"old\", W/{etag}"))
            .send_raw()
            .await;
        assert_eq!(status, StatusCode::NOT_MODIFIED, "{path} {accept}");

        let (status, headers, body) = server
            .get(path)
            .header("accept-encoding", accept)
            .header("if-none-match", "\"0123456789abcdef\"")
            .send_raw()
            .await;
        assert_eq!(status, StatusCode::OK, "{path} {accept}");
        assert!(!body.is_empty());
        assert_protected(&headers);
    }
}

#[tokio::test]
async fn a_tag_of_another_encoding_is_not_a_match() {
    let server = server().await;
    let (_, brotli_answer, _) = server
        .get("/")
        .header("accept-encoding", "br")
        .send_raw()
        .await;
    // A client that cannot decode brotli must not be told to reuse brotli bytes.
    let (status, headers, body) = server
        .get("/")
        .header("if-none-match", text(&brotli_answer, header::ETAG))
        .send_raw()
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(!headers.contains_key(header::CONTENT_ENCODING));
    assert_eq!(body, index_html().as_bytes());
}

#[tokio::test]
async fn missing_files_are_404_and_variants_are_not_files_of_their_own() {
    let server = server().await;
    for path in [
        "/partner-portal-0000000000000000_bg.wasm",
        "/tokens-ffffffffffffffff.css",
        &format!("/{WASM}.br") as &str,
        "/index.html.gz",
    ] {
        let (status, headers, _) = server
            .get(path)
            .header("accept-encoding", "br, gzip")
            .send_raw()
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        let content_type = text(&headers, header::CONTENT_TYPE);
        assert!(
            !content_type.starts_with("text/html"),
            "{path}: {content_type}"
        );
        assert_protected(&headers);
    }
}

#[tokio::test]
async fn without_precompressed_files_the_originals_are_sent() {
    // A plain `trunk build`: no variants at all.
    let server = TestServer::with_app(|dist| {
        std::fs::write(dist.join("index.html"), index_html()).unwrap();
        std::fs::write(dist.join(WASM), wasm()).unwrap();
    })
    .await;
    for path in ["/", "/settings/contact", &format!("/{WASM}") as &str] {
        let (status, headers, body) = server
            .get(path)
            .header("accept-encoding", "br, gzip")
            .send_raw()
            .await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(!headers.contains_key(header::CONTENT_ENCODING), "{path}");
        assert!(!body.is_empty());
        assert_protected(&headers);
    }
    let (_, _, body) = server.get(&format!("/{WASM}")).send_raw().await;
    assert_eq!(body, wasm());
}

#[tokio::test]
async fn a_variant_that_does_not_match_its_file_is_never_sent() {
    // index.html edited after precompressing; only its gzip variant is current.
    let server = TestServer::with_app(|dist| {
        write_precompressed(
            dist,
            "index.html",
            b"<!DOCTYPE html><title>an older build</title>",
        );
        let current = index_html();
        std::fs::write(dist.join("index.html"), &current).unwrap();
        std::fs::write(dist.join("index.html.gz"), gzip(current.as_bytes())).unwrap();
    })
    .await;
    let (_, headers, body) = server
        .get("/settings/contact")
        .header("accept-encoding", "br")
        .send_raw()
        .await;
    assert!(!headers.contains_key(header::CONTENT_ENCODING));
    assert_eq!(body, index_html().as_bytes());
    let (_, headers, body) = server
        .get("/")
        .header("accept-encoding", "br, gzip")
        .send_raw()
        .await;
    assert_eq!(text(&headers, header::CONTENT_ENCODING), "gzip");
    assert_eq!(body, gzip(index_html().as_bytes()));
}

#[tokio::test]
async fn head_answers_the_headers_of_get_without_the_body() {
    let server = server().await;
    let (status, headers, body) = server
        .call("HEAD", &format!("/{WASM}"))
        .header("accept-encoding", "br")
        .send_raw()
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.is_empty());
    assert_eq!(text(&headers, header::CONTENT_ENCODING), "br");
    assert_eq!(
        text(&headers, header::CONTENT_LENGTH),
        on_disk(&server, &format!("{WASM}.br")).len().to_string()
    );
    let (status, headers, _) = server.call("POST", "/index.html").send_raw().await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(text(&headers, header::ALLOW), "GET, HEAD");
}

#[tokio::test]
async fn the_policy_allows_the_bootstrap_script_of_the_served_shell() {
    let server = server().await;
    let (_, headers, _) = server.get("/settings/contact").send_raw().await;
    let csp = text(&headers, header::CONTENT_SECURITY_POLICY);
    // printf '%s' "$BOOTSTRAP" | openssl dgst -sha256 -binary | base64
    assert!(
        csp.contains("'sha256-yLeZrxhhg/MhhNP8Q6Z/EYSAxtuywfYiBIb1MhABrcQ='"),
        "{csp}"
    );
}

/// The front door's page: its own bootstrap script, another wasm.
const FRONT_DOOR_BOOTSTRAP: &str = "\nimport init, * as bindings from '/front-door-5a1c93e7b2d4f086.js';\nconst wasm = await init({ module_or_path: '/front-door-5a1c93e7b2d4f086_bg.wasm' });\n";

fn front_door_html() -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Partner Portal</title>\n\
         <script type=\"module\">{FRONT_DOOR_BOOTSTRAP}</script></head><body></body></html>\n"
    )
}

/// The public pages' page: its own bootstrap script, a third wasm.
const PUBLIC_PAGES_BOOTSTRAP: &str = "\nimport init, * as bindings from '/public-pages-7c2e0b9d4a1f3e65.js';\nconst wasm = await init({ module_or_path: '/public-pages-7c2e0b9d4a1f3e65_bg.wasm' });\n";

fn public_pages_html() -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Partner Portal</title>\n\
         <script type=\"module\">{PUBLIC_PAGES_BOOTSTRAP}</script></head><body></body></html>\n"
    )
}

async fn server_with_every_entry() -> TestServer {
    TestServer::with_app(|dist| {
        write_app(dist);
        std::fs::write(dist.join("front-door.html"), front_door_html()).unwrap();
        std::fs::write(dist.join("public-pages.html"), public_pages_html()).unwrap();
    })
    .await
}

/// Each of `paths` gets `page`, revalidated, with or without a session.
async fn assert_paths_get(server: &TestServer, paths: &[&str], page: &str) {
    for path in paths {
        for session in [None, Some("a-session")] {
            let mut call = server.get(path);
            if let Some(token) = session {
                call = call.session(token);
            }
            let (status, headers, body) = call.send_raw().await;
            assert_eq!(status, StatusCode::OK, "{path} {session:?}");
            assert_eq!(
                text(&headers, header::CONTENT_TYPE),
                "text/html; charset=utf-8"
            );
            assert_eq!(text(&headers, header::CACHE_CONTROL), "no-cache");
            assert_eq!(String::from_utf8(body).unwrap(), page, "{path} {session:?}");
            assert_protected(&headers);
        }
    }
}

#[tokio::test]
async fn sign_in_and_invitations_get_the_front_door() {
    let server = server_with_every_entry().await;
    let paths = ["/sign-in", "/sign-in?next=%2F", "/invitation/x"];
    assert_paths_get(&server, &paths, &front_door_html()).await;
}

#[tokio::test]
async fn the_portals_pages_get_the_front_door_only_without_a_session() {
    let server = server_with_every_entry().await;
    for path in ["/", "/settings/contact", "/settings/users"] {
        let (status, headers, body) = server.get(path).send_raw().await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(
            String::from_utf8(body).unwrap(),
            front_door_html(),
            "{path}"
        );
        assert!(text(&headers, header::VARY).contains("cookie"), "{path}");

        let (status, headers, body) = server
            .get(path)
            .session("a-session")
            .header("accept-encoding", "br")
            .send_raw()
            .await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(body, on_disk(&server, "index.html.br"), "{path}");
        assert_eq!(
            text(&headers, header::VARY),
            "accept-encoding, cookie",
            "{path}"
        );
    }
    // Help, unknown pages and the page itself by name are the portal's; so
    // are an entry's addresses written otherwise, which that entry's own
    // check of `location.pathname` would not know (it would load them again).
    for path in [
        "/help",
        "/no-such-page",
        "/index.html",
        "/verify/a/b",
        "/status/",
        "/%73tatus",
        "//status",
        "/verif%79/a-token",
        "/sign%2Din",
        "//invitation/x",
    ] {
        let (status, _, body) = server.get(path).send_raw().await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(String::from_utf8(body).unwrap(), index_html(), "{path}");
    }
}

#[tokio::test]
async fn the_status_page_and_confirmation_links_get_the_public_pages() {
    let server = server_with_every_entry().await;
    let paths = ["/status", "/verify/a-token", "/verify/a-token?from=mail"];
    assert_paths_get(&server, &paths, &public_pages_html()).await;
}

#[tokio::test]
async fn the_policy_allows_the_bootstrap_scripts_of_every_page() {
    let server = server_with_every_entry().await;
    let (_, headers, _) = server.get("/sign-in").send_raw().await;
    let csp = text(&headers, header::CONTENT_SECURITY_POLICY);
    // printf '%s' "$BOOTSTRAP" | openssl dgst -sha256 -binary | base64, for each
    for hash in [
        "yLeZrxhhg/MhhNP8Q6Z/EYSAxtuywfYiBIb1MhABrcQ=",
        "6hKAXCyGldHWlulIan2UmkvSHtkCRAOsThS9fy4+mvU=",
        "beTT6jP+bkgGEDr1zMbeU22L1SqY60lmuKIiyCKzCjU=",
    ] {
        assert!(csp.contains(&format!("'sha256-{hash}'")), "{hash} in {csp}");
    }
}
