use leptos::prelude::*;
use leptos_router::components::A;
use portal_domain::{
    AddressState, Code, ContactInfoResponse, FieldError, SupportSchedule, User, UserStatus, Weekday,
};

use crate::api::Api;
use crate::components::local_date::local_date_time;
use crate::i18n::I18n;
use crate::i18n::dashboard::DashboardText;
use crate::i18n::validation::message;
use crate::state::{AccountData, Announcer, Loaded, Resource, Session};

/// The account at a glance: one card per part of the set-up, each computed
/// from the account's real data and linking to where it is changed.
#[component]
pub fn Overview() -> impl IntoView {
    let i18n = I18n::expect();
    let data = AccountData::expect();
    data.visit(&[Resource::Contact, Resource::Users, Resource::Addresses]);
    let (contact, users) = (data.contact(), data.users());
    view! {
        <h1 id="page-heading" tabindex="-1">{move || i18n.t().shell.nav_overview}</h1>
        <p class="page__intro">{move || i18n.t().dashboard.intro}</p>
        {move || {
            let loading = contact.with(|c| matches!(c, Loaded::Idle | Loaded::Loading))
                || users.with(|u| matches!(u, Loaded::Idle | Loaded::Loading));
            if loading {
                return view! { <p role="status">{move || i18n.t().common.loading}</p> }.into_any();
            }
            if contact.with(|c| c.error().is_some()) || users.with(|u| u.error().is_some()) {
                return view! { <p class="notice notice--error" role="alert">{move || i18n.t().common.server_unreachable}</p> }.into_any();
            }
            let contact = contact.with(|c| c.ready().cloned());
            let users = users.with(|u| u.ready().cloned()).unwrap_or_default();
            contact
                .map(|contact| {
                    let warnings = contact.warnings.clone();
                    view! {
                        <Cards contact users />
                        <CoverageAdvice warnings />
                    }
                        .into_any()
                })
                .unwrap_or_else(|| ().into_any())
        }}
    }
}

/// One line of a card: what it says, and whether it is a problem.
type Line = (String, bool);

#[component]
fn Cards(contact: ContactInfoResponse, users: Vec<User>) -> impl IntoView {
    let i18n = I18n::expect();
    let count = |status| users.iter().filter(|u| u.status == status).count();
    let (active, pending, expired) = (
        count(UserStatus::Active),
        count(UserStatus::InvitationPending),
        count(UserStatus::InvitationExpired),
    );
    let alert_names: Vec<String> = contact
        .contact_info
        .alert_contacts
        .iter()
        .filter_map(|id| users.iter().find(|u| u.id == *id).map(|u| u.name.clone()))
        .collect();
    let info = StoredValue::new(contact);
    let names = StoredValue::new(alert_names);
    let addresses = AccountData::expect().addresses();

    let contact_lines = Signal::derive(move || -> Vec<Line> {
        let t = &i18n.t().dashboard;
        info.with_value(|c| {
            let mut lines = vec![match (&c.updated_by, &c.updated_at) {
                (Some(who), Some(when)) => (
                    (i18n.t().settings.last_updated)(who, &local_date_time(when, i18n.locale())),
                    false,
                ),
                _ => (t.never_saved.to_owned(), true),
            }];
            let shared = &c.contact_info.shared_with_users;
            if !shared.email.trim().is_empty() {
                lines.push((
                    format!("{}: {}", t.shared_with_users, shared.email.trim()),
                    false,
                ));
            }
            let hours: Vec<String> = c
                .contact_info
                .support_hours
                .iter()
                .filter(|s| !s.days.is_empty())
                .map(|s| hours_summary(t, i18n.t().form.all_day_summary, s))
                .collect();
            if !hours.is_empty() {
                lines.push((format!("{}: {}", t.support_hours, hours.join("; ")), false));
            }
            // Whether the owners of the saved addresses confirmed them.
            addresses.with(|a| {
                let Some(list) = a.ready().filter(|l| !l.is_empty()) else {
                    return;
                };
                let v = i18n.t().verify;
                let unverified: Vec<&str> = list
                    .iter()
                    .filter(|s| s.state != AddressState::Verified)
                    .map(|s| s.email.as_str())
                    .collect();
                let verified = list.len() - unverified.len();
                let alone = list.len() == 1;
                lines.push((
                    (v.verified_count)(verified, list.len()),
                    alone && verified == 0,
                ));
                if !unverified.is_empty() && !alone {
                    lines.push(((v.unverified_list)(&unverified.join(", ")), true));
                }
            });
            lines
        })
    });
    let alert_lines = Signal::derive(move || -> Vec<Line> {
        let t = &i18n.t().dashboard;
        names.with_value(|names| {
            if names.is_empty() {
                vec![(t.alerts_none.to_owned(), true)]
            } else {
                vec![
                    ((t.alerts_count)(names.len()), false),
                    (names.join(", "), false),
                ]
            }
        })
    });
    let user_lines = Signal::derive(move || -> Vec<Line> {
        let t = &i18n.t().dashboard;
        let mut lines = Vec::new();
        if pending > 0 {
            lines.push(((t.users_pending)(pending), false));
        }
        if expired > 0 {
            lines.push(((t.users_expired)(expired), true));
        }
        lines
    });
    let state = move |done: bool| {
        Signal::derive(move || {
            let t = &i18n.t().dashboard;
            if done { t.complete } else { t.incomplete }.to_owned()
        })
    };
    let complete = info.with_value(|c| c.complete);
    let alerts_set = names.with_value(|n| !n.is_empty());
    view! {
        <div class="cards" data-testid="checklist">
            <Card
                test_id="checklist-contact"
                icon="mail"
                heading=|t| t.contact_heading
                done=complete
                status=state(complete)
                lines=contact_lines
                href="/settings/contact"
                action=|t| t.edit_contact
            />
            <Card
                test_id="checklist-alerts"
                icon="bell"
                heading=|t| t.alerts_heading
                done=alerts_set
                status=state(alerts_set)
                lines=alert_lines
                href="/settings/contact"
                action=|t| t.edit_alerts
            />
            <Card
                test_id="checklist-users"
                icon="people"
                heading=|t| t.users_heading
                done=expired == 0
                status=Signal::derive(move || (i18n.t().dashboard.users_active)(active))
                lines=user_lines
                href="/settings/users"
                action=|t| t.manage_users
            />
        </div>
    }
}

/// The coverage check's advice on the saved contact information (the
/// server's `warnings`, dismissed ones already left out): one item per code,
/// with the message of its first field, a link to the form, and for editors
/// and administrators a button that dismisses it for the account. Nothing
/// when there is no advice.
#[component]
fn CoverageAdvice(warnings: Vec<FieldError>) -> impl IntoView {
    let i18n = I18n::expect();
    let items: Vec<(usize, FieldError)> = Code::WARNINGS
        .iter()
        .enumerate()
        .filter_map(|(i, code)| {
            warnings
                .iter()
                .find(|w| w.code == *code)
                .map(|w| (i, w.clone()))
        })
        .collect();
    if items.is_empty() {
        return ().into_any();
    }
    let data = AccountData::expect();
    let session = Session::expect();
    let announcer = Announcer::expect();
    let api = StoredValue::new(Api::expect());
    let can_dismiss = session
        .get_untracked()
        .is_some_and(|s| s.user.role.can_edit_contact_info());
    let failed = RwSignal::new(false);
    let dismiss = Action::new_local(move |&(code, index): &(Code, usize)| {
        let api = api.get_value();
        async move {
            match api.set_warning_dismissed(code, true).await {
                Ok(answer) => {
                    failed.set(false);
                    let title = i18n.t().dashboard.coverage_titles[index];
                    announcer.announce((i18n.t().dashboard.coverage_dismissed)(title));
                    data.set_contact_same_addresses(answer);
                    // The button is gone: keep focus on the page.
                    crate::components::focus::focus_main_heading();
                }
                Err(error) => {
                    session.check(error);
                    failed.set(true);
                }
            }
        }
    });
    let busy = dismiss.pending();
    let list = items
        .into_iter()
        .map(|(index, warning)| {
            let code = warning.code;
            let title_id = format!("coverage-{code}-title");
            let button = can_dismiss.then(|| {
                view! {
                    <button
                        type="button"
                        class="button"
                        aria-describedby=title_id.clone()
                        disabled=move || busy.get()
                        data-testid=format!("dismiss-{code}")
                        on:click=move |_| {
                            dismiss.dispatch((code, index));
                        }
                    >
                        {move || i18n.t().dashboard.coverage_dismiss}
                    </button>
                }
            });
            view! {
                <li class="coverage__item" data-testid=format!("coverage-{code}")>
                    <p class="coverage__title" id=title_id.clone()>
                        {move || i18n.t().dashboard.coverage_titles[index]}
                    </p>
                    <p class="coverage__text">{move || message(i18n.t(), &warning)}</p>
                    <div class="coverage__actions">
                        <A href="/settings/contact">{move || i18n.t().dashboard.coverage_review}</A>
                        {button}
                    </div>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card coverage" aria-labelledby="coverage-heading" data-testid="coverage-warnings">
            <h2 class="card__heading" id="coverage-heading">
                <span class="icon icon--warning" aria-hidden="true"></span>
                {move || i18n.t().dashboard.coverage_heading}
            </h2>
            <p class="coverage__intro">{move || i18n.t().dashboard.coverage_intro}</p>
            <ul class="coverage__list">{list}</ul>
            <Show when=move || failed.get()>
                <p class="notice notice--error" role="alert">
                    {move || i18n.t().dashboard.coverage_dismiss_failed}
                </p>
            </Show>
        </section>
    }
    .into_any()
}

/// One dashboard card: a heading with its state, a few lines, one action.
#[component]
fn Card(
    test_id: &'static str,
    icon: &'static str,
    heading: fn(&DashboardText) -> &'static str,
    done: bool,
    status: Signal<String>,
    lines: Signal<Vec<Line>>,
    href: &'static str,
    action: fn(&DashboardText) -> &'static str,
) -> impl IntoView {
    let i18n = I18n::expect();
    let heading_id = format!("{test_id}-heading");
    view! {
        <section class="card" aria-labelledby=heading_id.clone() data-testid=test_id>
            <h2 class="card__heading" id=heading_id.clone()>
                <span class=format!("icon icon--{icon}") aria-hidden="true"></span>
                {move || heading(&i18n.t().dashboard)}
            </h2>
            <p class="card__status" class:card__status--done=done>
                <span class=if done { "icon icon--check" } else { "icon icon--warning" } aria-hidden="true"></span>
                {status}
            </p>
            <ul class="card__lines">
                {move || {
                    lines
                        .get()
                        .into_iter()
                        .map(|(line, problem)| view! { <li class:card__line--problem=problem>{line}</li> })
                        .collect_view()
                }}
            </ul>
            <A href=href>{move || action(&i18n.t().dashboard)}</A>
        </section>
    }
}

/// "Mon–Fri 09:00–17:00, Europe/Madrid": consecutive days joined into ranges.
pub fn hours_summary(t: &DashboardText, all_day: &str, schedule: &SupportSchedule) -> String {
    let days = if schedule.days.len() == Weekday::ALL.len() {
        t.every_day.to_owned()
    } else {
        let mut sorted: Vec<usize> = schedule.days.iter().map(|d| *d as usize).collect();
        sorted.sort_unstable();
        sorted.dedup();
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for day in sorted {
            match runs.last_mut() {
                Some((_, end)) if *end + 1 == day => *end = day,
                _ => runs.push((day, day)),
            }
        }
        runs.iter()
            .map(|&(start, end)| match end - start {
                0 => t.day_short[start].to_owned(),
                1 => format!("{}, {}", t.day_short[start], t.day_short[end]),
                _ => format!("{}–{}", t.day_short[start], t.day_short[end]),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let hours = if schedule.all_day {
        all_day.to_owned()
    } else {
        format!("{}–{}", schedule.from, schedule.to)
    };
    format!("{days} {hours}, {}", schedule.time_zone)
}
