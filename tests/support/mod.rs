//! User-level helpers for the browser tests: mount a component in a fresh
//! container, let the app settle, find and operate elements the way a user would.

#![allow(dead_code)]

pub mod fake_api;

use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlElement;

/// A component mounted in its own container, removed again when dropped.
pub struct Mounted {
    pub root: HtmlElement,
    handle: Option<leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        drop(self.handle.take());
        self.root.remove();
    }
}

/// Mounts `view` into a new `<div>` appended to `<body>`.
pub fn mount<F, V>(view: F) -> Mounted
where
    F: FnOnce() -> V + 'static,
    V: IntoView + 'static,
{
    let document = document();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = mount_to(root.clone(), move || view().into_view().into_any());
    Mounted {
        root,
        handle: Some(handle),
    }
}

/// Waits for pending futures and reactive updates to run (two macrotask turns).
pub async fn settle() {
    for _ in 0..2 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .unwrap();
        });
        JsFuture::from(promise).await.unwrap();
    }
}

impl Mounted {
    /// The element with `data-testid`, if it is on screen.
    pub fn find_by_test_id(&self, id: &str) -> Option<HtmlElement> {
        self.root
            .query_selector(&format!("[data-testid=\"{id}\"]"))
            .unwrap()
            .map(|e| e.unchecked_into())
    }

    /// The text of the element with `data-testid`; panics if it is absent.
    pub fn text_of(&self, id: &str) -> String {
        self.find_by_test_id(id)
            .unwrap_or_else(|| panic!("no element with data-testid={id} in {}", self.html()))
            .text_content()
            .unwrap_or_default()
    }

    /// Clicks the button whose visible text is `text`.
    pub fn click_button(&self, text: &str) {
        let buttons = self.root.query_selector_all("button").unwrap();
        for i in 0..buttons.length() {
            let button: HtmlElement = buttons.item(i).unwrap().unchecked_into();
            if button.text_content().unwrap_or_default().trim() == text {
                button.click();
                return;
            }
        }
        panic!("no button labelled {text:?} in {}", self.html());
    }

    pub fn html(&self) -> String {
        self.root.inner_html()
    }
}

/// Form input the way a user gives it: typing, leaving a field, reading back.
impl Mounted {
    /// The element with `data-testid`; panics with the page's HTML if absent.
    pub fn get(&self, id: &str) -> HtmlElement {
        self.find_by_test_id(id)
            .unwrap_or_else(|| panic!("no element with data-testid={id} in {}", self.html()))
    }

    /// Replaces the value of the input with `data-testid` and fires `input`,
    /// as typing does.
    pub fn type_into(&self, id: &str, value: &str) {
        let input: web_sys::HtmlInputElement = self.get(id).unchecked_into();
        input.set_value(value);
        dispatch(&input, "input", true);
    }

    /// Leaves the field with `data-testid` (`blur` and the bubbling `focusout`).
    pub fn leave(&self, id: &str) {
        let element = self.get(id);
        dispatch(&element, "blur", false);
        dispatch(&element, "focusout", true);
    }

    /// Fires a bubbling event of `kind` at the element with `data-testid`,
    /// e.g. `submit` on a form (pressing Enter in one of its fields).
    pub fn fire(&self, id: &str, kind: &str) {
        dispatch(&self.get(id), kind, true);
    }

    /// Types into a field and leaves it.
    pub fn fill(&self, id: &str, value: &str) {
        self.type_into(id, value);
        self.leave(id);
    }

    pub fn value_of(&self, id: &str) -> String {
        self.get(id)
            .unchecked_into::<web_sys::HtmlInputElement>()
            .value()
    }

    pub fn click(&self, id: &str) {
        self.get(id).click();
    }

    /// Whether a button with this exact visible text is on screen.
    pub fn has_button(&self, text: &str) -> bool {
        self.button(text).is_some()
    }

    /// The button whose visible text is `text`.
    pub fn button(&self, text: &str) -> Option<web_sys::HtmlButtonElement> {
        let buttons = self.root.query_selector_all("button").unwrap();
        (0..buttons.length())
            .map(|i| buttons.item(i).unwrap())
            .find(|b| b.text_content().unwrap_or_default().trim() == text)
            .map(|b| b.unchecked_into())
    }

    /// The text of the whole mounted view, for "is this sentence shown" checks.
    pub fn text(&self) -> String {
        self.root.text_content().unwrap_or_default()
    }
}

/// The element that has keyboard focus.
pub fn focused() -> Option<web_sys::Element> {
    document().active_element()
}

fn dispatch(target: &web_sys::Element, kind: &str, bubbles: bool) {
    let event = document().create_event("Event").unwrap();
    event.init_event_with_bubbles_and_cancelable(kind, bubbles, true);
    target.dispatch_event(&event).unwrap();
}
