//! How each of the app's entries starts, and the notice a page shows when
//! the app stops on an error.

use leptos::prelude::IntoView;
use web_sys::{Document, Element};

use crate::i18n::Locale;

/// Starts an entry of the app: the crash notice and panic reporting first,
/// then `app` mounted in place of the page's loading skeleton, within the
/// same task, so the page is never blank in between.
pub fn start<F, N>(app: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
{
    prepare_notice();
    console_error_panic_hook::set_once();
    let skeleton = leptos::prelude::document().get_element_by_id("app-skeleton");
    leptos::mount::mount_to_body(app);
    if let Some(skeleton) = skeleton {
        skeleton.remove();
    }
}

/// Puts the notice the page shows when the app stops on an error into the
/// page, hidden, once per language.
///
/// After a crash the app cannot run any more, so the page's own script
/// (`index.html`, `front-door.html`, `public-pages.html`) reveals the notice
/// in the language `<html lang>` names, which the app keeps in step with the
/// user's choice.
pub fn prepare_notice() -> Option<()> {
    let document = leptos::prelude::document();
    let notice = element(
        &document,
        "div",
        &[("id", "crash-notice"), ("class", "crash"), ("hidden", "")],
    )?;
    for locale in Locale::ALL {
        let tag = locale.tag();
        let text = locale.common();
        let message_id = format!("crash-notice-text-{tag}");
        let panel = element(
            &document,
            "div",
            &[
                ("class", "crash__panel"),
                ("role", "alertdialog"),
                ("aria-modal", "true"),
                ("aria-labelledby", &message_id),
                ("lang", tag),
                ("data-lang", tag),
                ("hidden", ""),
            ],
        )?;
        let message = element(
            &document,
            "p",
            &[("id", &message_id), ("class", "crash__text")],
        )?;
        message.set_text_content(Some(text.crash_notice));
        let reload = element(
            &document,
            "button",
            &[("type", "button"), ("class", "button button--primary")],
        )?;
        reload.set_text_content(Some(text.crash_reload));
        panel.append_child(&message).ok()?;
        panel.append_child(&reload).ok()?;
        notice.append_child(&panel).ok()?;
    }
    document.body()?.append_child(&notice).ok()?;
    Some(())
}

fn element(document: &Document, tag: &str, attributes: &[(&str, &str)]) -> Option<Element> {
    let element = document.create_element(tag).ok()?;
    for (name, value) in attributes {
        element.set_attribute(name, value).ok()?;
    }
    Some(element)
}
