//! Tabs following the WAI-ARIA APG pattern with automatic activation: one tab
//! in the Tab order (roving tabindex), arrow keys, Home and End move between
//! tabs, and each panel is labelled by its tab.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// One tab: a stable id (used for element ids) and its label.
#[derive(Clone)]
pub struct Tab {
    pub id: &'static str,
    pub label: Signal<String>,
}

pub fn tab_id(id: &str) -> String {
    format!("tab-{id}")
}

pub fn panel_id(id: &str) -> String {
    format!("panel-{id}")
}

/// The tab list. Panels are rendered by the caller with [`TabPanel`], so both
/// stay mounted and switching tabs never loses unsaved input.
#[component]
pub fn TabList(
    tabs: Vec<Tab>,
    active: RwSignal<&'static str>,
    /// The accessible name of the tab list.
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let ids: Vec<&'static str> = tabs.iter().map(|t| t.id).collect();
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let current = ids
            .iter()
            .position(|id| *id == active.get_untracked())
            .unwrap_or(0);
        let last = ids.len() - 1;
        let next = match ev.key().as_str() {
            "ArrowRight" => {
                if current == last {
                    0
                } else {
                    current + 1
                }
            }
            "ArrowLeft" => {
                if current == 0 {
                    last
                } else {
                    current - 1
                }
            }
            "Home" => 0,
            "End" => last,
            _ => return,
        };
        ev.prevent_default();
        active.set(ids[next]);
        if let Some(tab) = document()
            .get_element_by_id(&tab_id(ids[next]))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = tab.focus();
        }
    };
    view! {
        <div class="tabs" role="tablist" aria-label=move || label.get() on:keydown=on_keydown>
            {tabs
                .into_iter()
                .map(|tab| {
                    let id = tab.id;
                    let selected = move || active.get() == id;
                    view! {
                        <button
                            type="button"
                            role="tab"
                            class="tabs__tab"
                            id=tab_id(id)
                            aria-controls=panel_id(id)
                            aria-selected=move || selected().to_string()
                            tabindex=move || if selected() { "0" } else { "-1" }
                            on:click=move |_| active.set(id)
                        >
                            {move || tab.label.get()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// A panel of [`TabList`]; hidden (but kept) while its tab is not selected.
#[component]
pub fn TabPanel(
    id: &'static str,
    active: RwSignal<&'static str>,
    children: Children,
) -> impl IntoView {
    view! {
        <div
            class="tabs__panel"
            role="tabpanel"
            id=panel_id(id)
            aria-labelledby=tab_id(id)
            tabindex="0"
            hidden=move || active.get() != id
        >
            {children()}
        </div>
    }
}
