"""Checks of the API contract that the document alone cannot express."""

import schemathesis
from schemathesis.core.failures import Failure

# What the server answers about a request's form, never about its content.
FORM_ERRORS = {"malformed_json", "json_required", "invalid_body", "body_too_large",
               "invalid_query", "invalid_if_match", "precondition_required"}


@schemathesis.check
def well_formed_requests_are_understood(ctx, response, case):
    """A request the document calls valid is never refused for its form."""
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive or response.status_code < 400:
        return None
    try:
        code = response.json().get("code")
    except Exception:
        code = None
    if code in FORM_ERRORS:
        raise Failure(
            operation=case.operation.label,
            title="Well-formed request refused for its form",
            message=f"The document calls this request valid, but the server answered "
            f"{response.status_code} `{code}`: {response.text[:300]}",
        )
    return None


@schemathesis.check
def every_error_is_the_error_body(ctx, response, case):
    """Every answer that is not a success is JSON with a stable code and a message."""
    if response.status_code < 400:
        return None
    content_type = response.headers.get("content-type", [""])
    if isinstance(content_type, list):
        content_type = content_type[0] if content_type else ""
    try:
        body = response.json()
    except Exception:
        body = None
    if not content_type.startswith("application/json") or not isinstance(body, dict) \
            or not isinstance(body.get("code"), str) or not isinstance(body.get("message"), str):
        raise Failure(
            operation=case.operation.label,
            title="Error answer without the error body",
            message=f"{response.status_code} with content-type `{content_type}`: {response.text[:300]}",
        )
    return None
