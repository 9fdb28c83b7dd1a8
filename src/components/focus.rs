//! Keyboard focus helpers shared by dialogs and pages.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]), \
    select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex=\"-1\"])";

/// The elements inside `container` that Tab can reach, in document order.
pub fn focusable_in(container: &Element) -> Vec<HtmlElement> {
    let Ok(nodes) = container.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..nodes.length())
        .filter_map(|i| nodes.item(i)?.dyn_into::<HtmlElement>().ok())
        // Hidden panels and collapsed parts have no layout boxes.
        .filter(|e| e.get_client_rects().length() > 0)
        .collect()
}

/// Keeps Tab and Shift+Tab inside `container` (the APG modal dialog pattern):
/// from the last element Tab wraps to the first, and back. Returns whether the
/// key was handled.
pub fn trap_tab(container: &Element, ev: &web_sys::KeyboardEvent) -> bool {
    if ev.key() != "Tab" {
        return false;
    }
    let focusable = focusable_in(container);
    let (Some(first), Some(last)) = (focusable.first(), focusable.last()) else {
        ev.prevent_default();
        return true;
    };
    let active = leptos::prelude::document().active_element();
    let inside = active.as_ref().is_some_and(|a| container.contains(Some(a)));
    let target = if ev.shift_key() {
        let at_start = !inside
            || active.as_ref() == Some(first.unchecked_ref::<Element>())
            || active.as_ref() == Some(container);
        at_start.then_some(last)
    } else {
        let at_end = !inside || active.as_ref() == Some(last.unchecked_ref::<Element>());
        at_end.then_some(first)
    };
    match target {
        Some(target) => {
            ev.prevent_default();
            let _ = target.focus();
            true
        }
        None => false,
    }
}

/// Moves focus to the page's main heading, e.g. after a dialog closes.
pub fn focus_main_heading() {
    let heading = leptos::prelude::document()
        .query_selector("#main h1")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    if let Some(heading) = heading {
        let _ = heading.set_attribute("tabindex", "-1");
        let _ = heading.focus();
    }
}
