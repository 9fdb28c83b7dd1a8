//! Status messages for screen readers (WCAG 4.1.3), from anywhere in the app.

use leptos::prelude::*;

/// The app's one polite live region. Announcing the same text twice in a row
/// still speaks it, because the region is cleared first.
#[derive(Clone, Copy)]
pub struct Announcer(RwSignal<String>);

impl Announcer {
    pub fn provide() -> Self {
        let announcer = Self(RwSignal::new(String::new()));
        provide_context(announcer);
        announcer
    }

    pub fn expect() -> Self {
        expect_context::<Self>()
    }

    pub fn announce(self, message: impl Into<String>) {
        let message = message.into();
        self.0.set(String::new());
        let signal = self.0;
        set_timeout(
            move || signal.set(message),
            std::time::Duration::from_millis(50),
        );
    }

    /// The last message (tests read it).
    pub fn current(self) -> String {
        self.0.get()
    }
}

/// Renders the live region; mount it once, near the top of the app.
#[component]
pub fn LiveRegion() -> impl IntoView {
    let announcer = Announcer::expect();
    view! {
        <div class="visually-hidden" aria-live="polite" role="status" data-testid="live-region">
            {move || announcer.0.get()}
        </div>
    }
}
