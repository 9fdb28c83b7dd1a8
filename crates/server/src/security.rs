//! Protections applied to every request and response.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::error::ApiError;

/// Refuses state-changing API requests that a browser sent on behalf of
/// another site (CSRF). Same-site `fetch` calls always carry the page's own
/// `Origin`; a form posted from elsewhere carries the other site's, or
/// `Sec-Fetch-Site: cross-site`. Clients that are not browsers (curl, scripts)
/// send neither header and are not affected.
pub async fn refuse_cross_site(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let unsafe_method = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if unsafe_method && !is_same_site(request.headers(), &state.allowed_origins) {
        return ApiError::forbidden(
            "Cross-site requests are refused; use the portal from its own address.",
        )
        .into_response();
    }
    next.run(request).await
}

fn is_same_site(headers: &HeaderMap, allowed_origins: &[String]) -> bool {
    let text = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok())
        && !matches!(site, "same-origin" | "none")
    {
        return false;
    }
    match text(header::ORIGIN) {
        None => true,
        Some(origin) => {
            let host = text(header::HOST).unwrap_or_default();
            origin
                .strip_prefix("http://")
                .or_else(|| origin.strip_prefix("https://"))
                .is_some_and(|rest| rest == host)
                || allowed_origins.iter().any(|allowed| allowed == origin)
        }
    }
}

/// The security headers every response carries.
#[derive(Clone)]
pub struct SecurityHeaders {
    csp: HeaderValue,
    hsts: Option<HeaderValue>,
}

impl SecurityHeaders {
    /// Builds the Content-Security-Policy for the app's pages in `pages_html`
    /// (the portal's, the front door's and the public pages', one policy for
    /// all three): scripts only from this origin plus the hashes of the
    /// pages' inline bootstrap scripts, each once, and wasm compilation
    /// (`'wasm-unsafe-eval'`) without `eval`.
    pub fn for_app(pages_html: Option<&str>, tls: bool) -> Self {
        let mut hashes: Vec<String> = Vec::new();
        for script in pages_html.map(inline_scripts).unwrap_or_default() {
            let hash = format!(" 'sha256-{}'", base64(&Sha256::digest(script.as_bytes())));
            if !hashes.contains(&hash) {
                hashes.push(hash);
            }
        }
        let hashes = hashes.concat();
        let csp = format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; \
             style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
             object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        );
        Self {
            csp: HeaderValue::from_str(&csp).expect("the policy is ASCII"),
            hsts: tls.then(|| HeaderValue::from_static("max-age=31536000; includeSubDomains")),
        }
    }
}

pub async fn add_headers(
    State(headers): State<SecurityHeaders>,
    request: Request<Body>,
    next: Next,
) -> Response {
    let is_api = request.uri().path().starts_with("/api/");
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    // The policies for a document. A script, stylesheet or wasm module is
    // never one (nosniff keeps it so), and the browser ignores these on
    // them, so they are not sent again with each of the app's files.
    if !is_subresource(h) {
        h.insert(header::CONTENT_SECURITY_POLICY, headers.csp.clone());
        h.insert(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        );
        h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
        h.insert(
            "cross-origin-opener-policy",
            HeaderValue::from_static("same-origin"),
        );
        h.insert(
            "permissions-policy",
            HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"),
        );
    }
    if let Some(hsts) = &headers.hsts {
        h.insert(header::STRICT_TRANSPORT_SECURITY, hsts.clone());
    }
    if is_api && !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// Whether the response is a script, a stylesheet or a wasm module: files a
/// page loads, which cannot be shown as a page themselves.
fn is_subresource(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| {
            [
                "text/javascript",
                "application/javascript",
                "text/css",
                "application/wasm",
            ]
            .iter()
            .any(|kind| t.starts_with(kind))
        })
}

/// The bodies of `<script>` elements without `src`, exactly as written.
fn inline_scripts(html: &str) -> Vec<String> {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after_tag = &rest[start..];
        let Some(tag_end) = after_tag.find('>') else {
            break;
        };
        let tag = &after_tag[..tag_end];
        let body_and_rest = &after_tag[tag_end + 1..];
        let Some(close) = body_and_rest.find("</script>") else {
            break;
        };
        if !tag.contains("src=") {
            scripts.push(body_and_rest[..close].to_owned());
        }
        rest = &body_and_rest[close..];
    }
    scripts
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_alphabet() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn finds_inline_scripts_but_not_external_ones() {
        let html = r#"<script src="/a.js"></script><script type="module">import init from '/x.js';</script>"#;
        assert_eq!(inline_scripts(html), vec!["import init from '/x.js';"]);
    }

    #[test]
    fn the_policy_hashes_the_bootstrap_script() {
        let headers = SecurityHeaders::for_app(Some("<script>alert(1)</script>"), false);
        let csp = headers.csp.to_str().unwrap();
        // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
        assert!(
            csp.contains("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"),
            "{csp}"
        );
        assert!(csp.contains("'wasm-unsafe-eval'"));
        assert!(!csp.contains("unsafe-inline"));
    }

    #[test]
    fn cross_site_requests_are_told_apart() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::HOST,
            HeaderValue::from_static("portal.example:8080"),
        );
        assert!(is_same_site(&headers, &[]));
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://portal.example:8080"),
        );
        assert!(is_same_site(&headers, &[]));
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://evil.example"),
        );
        assert!(!is_same_site(&headers, &[]));
        assert!(is_same_site(&headers, &["https://evil.example".into()]));
        headers.remove(header::ORIGIN);
        headers.insert("sec-fetch-site", HeaderValue::from_static("cross-site"));
        assert!(!is_same_site(&headers, &[]));
    }
}
