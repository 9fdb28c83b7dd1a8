use leptos::prelude::*;

use crate::api::PublicClient;
use crate::i18n::I18n;

/// The status page (`/status`): whether the portal server and its database answer.
#[component]
pub fn Status() -> impl IntoView {
    let i18n = I18n::expect();
    let api = PublicClient::expect();
    let health = LocalResource::new(move || {
        let api = api.clone();
        async move { api.health().await }
    });

    view! {
        <section class="status-card" aria-labelledby="status-heading">
            <h1 id="status-heading">{move || i18n.status().heading}</h1>
            <Suspense fallback=move || {
                view! {
                    <p class="status-card__checking" role="status" data-testid="health-checking">
                        {move || i18n.status().checking}
                    </p>
                }
            }>
                {move || Suspend::new(async move {
                    match health.await {
                        Ok(report) => {
                            let engine = report.engine_name().to_owned();
                            view! {
                                <div role="status" data-testid="health-ok">
                                    <p>{move || (i18n.status().ok)(&report.version)}</p>
                                    <p data-testid="health-database">
                                        {move || (i18n.status().database)(&engine, &report.engine_version, report.schema_version)}
                                    </p>
                                </div>
                            }
                                .into_any()
                        }
                        Err(error) => {
                            leptos::logging::warn!("health check failed: {error:?}");
                            view! {
                                <div role="alert" class="status-card__error" data-testid="health-error">
                                    <p>
                                        <strong>{move || i18n.status().unreachable}</strong>
                                    </p>
                                    <p>{move || i18n.status().unreachable_hint}</p>
                                    <button
                                        type="button"
                                        class="button button--primary"
                                        on:click=move |_| health.refetch()
                                    >
                                        {move || i18n.common().retry}
                                    </button>
                                </div>
                            }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
        </section>
    }
}
