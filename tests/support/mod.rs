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

/// Waits for pending futures and reactive updates to run (four macrotask
/// turns: the contact form builds its sections one turn after another).
pub async fn settle() {
    for _ in 0..4 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .unwrap();
        });
        JsFuture::from(promise).await.unwrap();
    }
}

/// Lets the app settle until `condition` holds: requests that lead to further
/// requests (a refused save that is merged and sent again) take several turns.
/// Panics with `what` if it never does.
pub async fn settle_until(what: &str, mut condition: impl FnMut() -> bool) {
    for _ in 0..50 {
        if condition() {
            return;
        }
        settle().await;
    }
    panic!("never happened: {what}");
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

    /// The first element matching a CSS selector, if it is on screen.
    pub fn find(&self, selector: &str) -> Option<HtmlElement> {
        self.root
            .query_selector(selector)
            .unwrap()
            .map(|e| e.unchecked_into())
    }

    /// The element with `data-testid`; panics if it is absent.
    pub fn get(&self, id: &str) -> HtmlElement {
        self.find_by_test_id(id)
            .unwrap_or_else(|| panic!("no element with data-testid={id} in {}", self.html()))
    }

    /// An attribute of the element with `data-testid`.
    pub fn attribute(&self, id: &str, name: &str) -> Option<String> {
        self.get(id).get_attribute(name)
    }

    /// Types `text` into the input with `data-testid` (replacing what was
    /// there), as the browser reports typing: an `input` event that bubbles.
    pub fn type_into(&self, id: &str, text: &str) {
        let input = self.get(id);
        js_sys::Reflect::set(&input, &"value".into(), &text.into()).unwrap();
        dispatch(&input, "input", true);
    }

    /// Picks `value` in the `<select>` with `data-testid`.
    pub fn choose(&self, id: &str, value: &str) {
        let select = self.get(id);
        js_sys::Reflect::set(&select, &"value".into(), &value.into()).unwrap();
        dispatch(&select, "input", true);
        dispatch(&select, "change", true);
    }

    /// Leaves the field with `data-testid`, as tabbing away would.
    pub fn leave(&self, id: &str) {
        let field = self.get(id);
        dispatch(&field, "blur", false);
        dispatch(&field, "focusout", true);
    }

    /// Presses `key` (e.g. `Escape`) while the element with `data-testid` has focus.
    pub fn press_key(&self, id: &str, key: &str) {
        let init = js_sys::Object::new();
        js_sys::Reflect::set(&init, &"key".into(), &key.into()).unwrap();
        js_sys::Reflect::set(&init, &"bubbles".into(), &true.into()).unwrap();
        let event = construct("KeyboardEvent", "keydown", &init);
        self.get(id).dispatch_event(&event).unwrap();
    }

    /// Clicks the element with `data-testid`.
    pub fn click(&self, id: &str) {
        self.get(id).click();
    }

    /// Submits the form with `data-testid` the way its submit button would.
    pub fn submit(&self, id: &str) {
        let form = self.get(id);
        let request_submit: js_sys::Function = js_sys::Reflect::get(&form, &"requestSubmit".into())
            .unwrap()
            .unchecked_into();
        request_submit.call0(&form).unwrap();
    }

    /// The `data-testid` of the focused element, if it has one.
    pub fn focused(&self) -> Option<String> {
        document()
            .active_element()
            .and_then(|e| e.get_attribute("data-testid"))
    }
}

impl Mounted {
    /// Chooses a file named `name` holding `text` in the file input with
    /// `data-testid`, as the browser's file picker does.
    pub fn choose_file(&self, id: &str, name: &str, text: &str) {
        let input = self.get(id);
        let parts = js_sys::Array::of1(&text.into());
        let constructor: js_sys::Function = js_sys::Reflect::get(&window(), &"File".into())
            .unwrap()
            .unchecked_into();
        let file =
            js_sys::Reflect::construct(&constructor, &js_sys::Array::of2(&parts, &name.into()))
                .unwrap();
        let transfer = construct_plain("DataTransfer");
        let items = js_sys::Reflect::get(&transfer, &"items".into()).unwrap();
        let add: js_sys::Function = js_sys::Reflect::get(&items, &"add".into())
            .unwrap()
            .unchecked_into();
        add.call1(&items, &file).unwrap();
        let files = js_sys::Reflect::get(&transfer, &"files".into()).unwrap();
        js_sys::Reflect::set(&input, &"files".into(), &files).unwrap();
        dispatch(&input, "change", true);
    }
}

/// `new Class()`.
fn construct_plain(class: &str) -> wasm_bindgen::JsValue {
    let constructor: js_sys::Function = js_sys::Reflect::get(&window(), &class.into())
        .unwrap()
        .unchecked_into();
    js_sys::Reflect::construct(&constructor, &js_sys::Array::new()).unwrap()
}

/// Sends an event of `kind` to `target`, built like the browser's own.
fn dispatch(target: &web_sys::EventTarget, kind: &str, bubbles: bool) {
    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &"bubbles".into(), &bubbles.into()).unwrap();
    js_sys::Reflect::set(&init, &"cancelable".into(), &true.into()).unwrap();
    target
        .dispatch_event(&construct("Event", kind, &init))
        .unwrap();
}

/// `new Class(kind, init)`, through JavaScript so no extra web-sys feature
/// is needed for each event type.
fn construct(class: &str, kind: &str, init: &js_sys::Object) -> web_sys::Event {
    let constructor: js_sys::Function = js_sys::Reflect::get(&window(), &class.into())
        .unwrap()
        .unchecked_into();
    js_sys::Reflect::construct(&constructor, &js_sys::Array::of2(&kind.into(), init))
        .unwrap()
        .unchecked_into()
}

/// Puts `path` in the address bar without loading it, so a `<Router>` mounted
/// next starts there.
pub fn go_to(path: &str) {
    window()
        .history()
        .unwrap()
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
}

/// The path and query the address bar shows now.
pub fn current_path() -> String {
    let location = window().location();
    format!(
        "{}{}",
        location.pathname().unwrap(),
        location.search().unwrap()
    )
}

/// Form input the way a user gives it: typing, leaving a field, reading back.
impl Mounted {
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

/// Fills in every required field of the contact form validly (on Production,
/// with the fake API's administrator as alert contact).
pub fn fill_valid_contact_form(page: &Mounted) {
    page.click("alert-contact-1");
    page.fill("technical_emergency[0].email", "oncall@acme.example");
    page.fill("technical_non_emergency[0].email", "tech@acme.example");
    page.fill("operational_google[0].email", "ops@acme.example");
    page.fill("shared_with_users.email", "support@acme.example");
    page.click_button("24/7");
}

/// The public pages at `path` (the status page, a confirmation link), in
/// `locale`, with the fake API behind them, as their own entry shows them.
pub async fn public_page_at(
    path: &str,
    api: fake_api::FakeApi,
    locale: partner_portal::i18n::Locale,
) -> Mounted {
    let path = path.to_owned();
    let page = mount(move || {
        partner_portal::api::PublicClient::provide(api);
        partner_portal::i18n::I18n::provide(locale);
        leptos::prelude::view! { <partner_portal::PublicRoutes path /> }
    });
    settle().await;
    page
}

/// The whole app at `path`, in `locale`, signed in as the fake API's session.
pub async fn app_at(
    path: &str,
    api: fake_api::FakeApi,
    locale: partner_portal::i18n::Locale,
) -> Mounted {
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
    let info = api.with(|s| s.session.clone()).unwrap();
    let page = mount(move || {
        partner_portal::api::Api::provide(api);
        partner_portal::i18n::I18n::provide(locale);
        partner_portal::state::Session::provide_signed_in(info);
        leptos::prelude::view! { <partner_portal::AppRoutes /> }
    });
    settle().await;
    settle().await;
    page
}
