use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use portal_domain::{
    ErrorCode, FieldError, FieldPath, INVITATION_VALIDITY_DAYS, NewInvitation, Role, User,
    UserStatus, validate_invitation, would_remove_last_administrator,
};

use crate::api::{Api, ApiError};
use crate::components::{LabelledInput, local_date};
use crate::i18n::validation::message;
use crate::i18n::{Catalog, I18n};
use crate::state::{AccountData, Loaded, Session};

/// Element ids must stay unique when the panel is shown twice (the
/// onboarding modal over Settings → Users), so each instance numbers itself.
static PANELS: AtomicUsize = AtomicUsize::new(0);

/// What the panel tells the user after an action, kept as data so the
/// sentence follows the language switcher.
#[derive(Clone, Debug, PartialEq)]
enum Notice {
    Invited { email: String },
    RoleChanged { name: String, role: Role },
    Removed { name: String },
    Resent { email: String },
    Revoked { name: String },
    Stale,
    Gone,
    AlreadyActive,
    LastAdministrator,
    LastAlertContact,
    Forbidden,
    SessionEnded,
    Unreachable,
    Unexpected,
}

impl Notice {
    fn is_error(&self) -> bool {
        !matches!(
            self,
            Notice::Invited { .. }
                | Notice::RoleChanged { .. }
                | Notice::Removed { .. }
                | Notice::Resent { .. }
                | Notice::Revoked { .. }
        )
    }

    fn text(&self, t: &Catalog) -> String {
        let u = &t.users;
        match self {
            Notice::Invited { email } => (u.invited)(email),
            Notice::RoleChanged { name, role } => (u.role_changed)(name, t.common.role(*role)),
            Notice::Removed { name } => (u.removed)(name),
            Notice::Resent { email } => (u.resent)(email),
            Notice::Revoked { name } => (u.revoked)(name),
            Notice::Stale => u.stale.into(),
            Notice::Gone => u.gone.into(),
            Notice::AlreadyActive => u.already_active.into(),
            Notice::LastAdministrator => t.validation.last_administrator.into(),
            Notice::LastAlertContact => t.validation.last_alert_contact.into(),
            Notice::Forbidden => u.forbidden.into(),
            Notice::SessionEnded => u.session_ended.into(),
            Notice::Unreachable => t.common.server_unreachable.into(),
            Notice::Unexpected => t.common.unexpected_error.into(),
        }
    }

    /// Hands an ended session to [`Session::check`], then [`Notice::classify`].
    fn of_error(error: ApiError, session: Session) -> (Notice, bool) {
        Self::classify(&session.check(error))
    }

    /// The notice for a failed request, and whether the list must be reloaded
    /// because what it shows is no longer true.
    fn classify(error: &ApiError) -> (Notice, bool) {
        if let ApiError::Network(_) = error {
            return (Notice::Unreachable, false);
        }
        match (error.status(), error.code()) {
            (Some(401), _) => (Notice::SessionEnded, false),
            (Some(403), _) => (Notice::Forbidden, false),
            (Some(404), _) => (Notice::Gone, true),
            (Some(409), Some(ErrorCode::LastAdministrator)) => (Notice::LastAdministrator, true),
            (Some(409), Some(ErrorCode::LastAlertContact)) => (Notice::LastAlertContact, false),
            (Some(409), Some(ErrorCode::AlreadyActive)) => (Notice::AlreadyActive, true),
            (Some(412), _) => (Notice::Stale, true),
            _ => (Notice::Unexpected, false),
        }
    }
}

/// What the panel shares with each row.
#[derive(Clone, Copy)]
struct Shared {
    prefix: StoredValue<String>,
    list: Memo<Option<Vec<User>>>,
    me: Memo<Option<i64>>,
    can_manage: Memo<bool>,
    notice: RwSignal<Option<Notice>>,
    reload: Callback<()>,
    /// Where focus goes when the row that had it disappears.
    list_ref: NodeRef<html::Ul>,
}

/// The account's users and pending invitations. Everyone sees the list;
/// administrators also invite, change roles, resend or revoke invitations and
/// remove users, with the last-administrator rule explained before the server
/// would refuse.
#[component]
pub fn UsersPanel(
    /// Tightens spacing, for the onboarding modal's Users tab.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let i18n = I18n::expect();
    let session = Session::expect();
    let prefix = format!("users-panel-{}", PANELS.fetch_add(1, Ordering::Relaxed));

    // The account's users, shared with the rest of the portal (the
    // onboarding modal's other tab, the overview).
    let data = AccountData::expect();
    data.ensure_users();
    let users = data.users();
    // The last list that loaded, so a failed refresh doesn't empty the screen.
    let list = Memo::new(move |previous: Option<&Option<Vec<User>>>| {
        users.with(|users| match users {
            Loaded::Ready(list) => Some(list.clone()),
            _ => previous.cloned().flatten(),
        })
    });
    let load_problem = Memo::new(move |_| {
        users.with(|users| users.error().map(|error| Notice::classify(error).0))
    });
    // Rows are keyed by user, so only this, not every new list, rebuilds them.
    let loaded = Memo::new(move |_| list.with(Option::is_some));
    let me = Memo::new(move |_| session.with(|s| s.map(|s| s.user.id)));
    let can_manage =
        Memo::new(move |_| session.with(|s| s.is_some_and(|s| s.user.role.can_manage_users())));
    let notice = RwSignal::new(None::<Notice>);
    let reload = Callback::new(move |()| data.reload_users());
    let list_ref = NodeRef::<html::Ul>::new();
    let shared = Shared {
        prefix: StoredValue::new(prefix.clone()),
        list,
        me,
        can_manage,
        notice,
        reload,
        list_ref,
    };

    let t = move || i18n.t();
    let success = move || notice.get().filter(|n| !n.is_error()).map(|n| n.text(t()));
    let failure = move || notice.get().filter(Notice::is_error).map(|n| n.text(t()));

    let on_invited = Callback::new(move |user: User| {
        notice.set(Some(Notice::Invited { email: user.email }));
        data.reload_users();
    });
    let on_error = Callback::new(move |error: ApiError| {
        let (found, stale) = Notice::of_error(error, session);
        notice.set(Some(found));
        if stale {
            data.reload_users();
        }
    });

    view! {
        // Both hosts name the panel already (the page's heading, the modal's
        // tab), so it has no heading of its own.
        <section
            class="users-panel"
            class:users-panel--compact=compact
            aria-label=move || t().users.heading
        >
            <div
                class="users-panel__status"
                role="status"
                aria-live="polite"
                data-testid="users-status"
            >
                {move || success().map(|text| view! { <p class="users-panel__success">{text}</p> })}
            </div>
            <div class="users-panel__alert" role="alert" data-testid="users-alert">
                {move || failure().map(|text| view! { <p class="users-panel__error">{text}</p> })}
            </div>
            <Show when=move || !can_manage.get()>
                <p class="users-panel__note" data-testid="users-read-only">
                    {move || t().users.managers_only}
                </p>
            </Show>
            {move || {
                let retry = move |_| data.reload_users();
                let problem = load_problem.get();
                match (loaded.get(), problem) {
                    (false, None) => {
                        Some(
                            view! { <p class="users-panel__loading">{move || t().users.loading}</p> }
                                .into_any(),
                        )
                    }
                    (loaded, Some(problem)) => {
                        let text = move || {
                            if loaded && problem == Notice::Unreachable {
                                t().users.refresh_failed.to_owned()
                            } else {
                                problem.text(t())
                            }
                        };
                        Some(
                            view! {
                                <div
                                    class="users-panel__load-error"
                                    role="alert"
                                    data-testid="users-load-error"
                                >
                                    <p>{text}</p>
                                    <button type="button" class="button" on:click=retry>
                                        {move || t().common.retry}
                                    </button>
                                </div>
                            }
                                .into_any(),
                        )
                    }
                    (true, None) => None,
                }
            }}
            <Show when=move || loaded.get()>
                <ul
                    class="users-panel__list"
                    data-testid="users-list"
                    tabindex="-1"
                    aria-label=move || t().users.heading
                    node_ref=list_ref
                >
                    <For each=move || list.get().unwrap_or_default() key=|user| user.id let:user>
                        <UserRow id=user.id shared />
                    </For>
                </ul>
            </Show>
            <Show when=move || can_manage.get()>
                <InviteForm prefix=prefix.clone() on_invited on_error />
            </Show>
        </section>
    }
}

/// Which inline step a row shows below its facts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Idle,
    ChangeRole,
    ConfirmRemove,
    ConfirmRevoke,
}

/// A change a row sends to the server.
#[derive(Clone, Copy)]
enum Change {
    Role(Role),
    Remove,
    Resend,
    Revoke,
}

fn focus_soon(target: impl Fn() + 'static) {
    set_timeout(target, Duration::ZERO);
}

#[component]
fn UserRow(id: i64, shared: Shared) -> impl IntoView {
    let i18n = I18n::expect();
    let api = Api::expect();
    let session = Session::expect();
    let Shared {
        prefix,
        list,
        me,
        can_manage,
        notice,
        reload,
        list_ref,
    } = shared;
    let user = Memo::new(move |_| {
        list.with(|list| {
            list.as_ref()
                .and_then(|list| list.iter().find(|u| u.id == id).cloned())
                .unwrap_or_default()
        })
    });
    let is_self = move || me.get() == Some(id);
    let is_active = Memo::new(move |_| user.with(User::is_active));
    // The sole active administrator can be neither removed nor demoted.
    let only_administrator = Memo::new(move |_| {
        list.with(|list| {
            list.as_ref()
                .is_some_and(|list| would_remove_last_administrator(list, id, None))
        })
    });

    let step = RwSignal::new(Step::Idle);
    let busy = RwSignal::new(false);
    let new_role = RwSignal::new(Role::ReadOnly);
    let demotion_blocked = Memo::new(move |_| {
        let role = new_role.get();
        list.with(|list| {
            list.as_ref()
                .is_some_and(|list| would_remove_last_administrator(list, id, Some(role)))
        })
    });

    let change_ref = NodeRef::<html::Button>::new();
    let remove_ref = NodeRef::<html::Button>::new();
    let revoke_ref = NodeRef::<html::Button>::new();
    let select_ref = NodeRef::<html::Select>::new();
    let confirm_ref = NodeRef::<html::Button>::new();

    let base = prefix.with_value(|p| format!("{p}-user-{id}"));
    let name_id = format!("{base}-name");
    let panel_id = format!("{base}-step");
    let question_id = format!("{base}-question");
    let select_id = format!("{base}-role");
    let blocked_id = format!("{base}-blocked");

    let trigger_of = move |from: Step| match from {
        Step::ChangeRole => Some(change_ref),
        Step::ConfirmRemove => Some(remove_ref),
        Step::ConfirmRevoke => Some(revoke_ref),
        Step::Idle => None,
    };
    let open = move |next: Step| {
        notice.set(None);
        new_role.set(user.with_untracked(|u| u.role));
        step.set(next);
        focus_soon(move || {
            if next == Step::ChangeRole {
                if let Some(select) = select_ref.get_untracked() {
                    let _ = select.focus();
                }
            } else if let Some(button) = confirm_ref.get_untracked() {
                let _ = button.focus();
            }
        });
    };
    let close = move || {
        let from = step.get_untracked();
        step.set(Step::Idle);
        if let Some(trigger) = trigger_of(from) {
            focus_soon(move || {
                if let Some(button) = trigger.get_untracked() {
                    let _ = button.focus();
                }
            });
        }
    };

    let run = Callback::new(move |change: Change| {
        if busy.get_untracked() {
            return;
        }
        let target = user.get_untracked();
        busy.set(true);
        notice.set(None);
        let api = api.clone();
        spawn_local(async move {
            let done = match change {
                Change::Role(role) => {
                    api.change_role(target.id, role, target.version)
                        .await
                        .map(|updated| {
                            if me.get_untracked() == Some(updated.id)
                                && let Some(mut info) = session.get_untracked()
                            {
                                info.user = updated.clone();
                                session.set(info);
                            }
                            Notice::RoleChanged {
                                name: updated.name,
                                role: updated.role,
                            }
                        })
                }
                Change::Remove => api
                    .remove_user(target.id, target.version)
                    .await
                    .map(|()| Notice::Removed { name: target.name }),
                Change::Resend => {
                    api.resend_invitation(target.id)
                        .await
                        .map(|updated| Notice::Resent {
                            email: updated.email,
                        })
                }
                Change::Revoke => api
                    .revoke_invitation(target.id)
                    .await
                    .map(|()| Notice::Revoked { name: target.name }),
            };
            busy.try_set(false);
            match done {
                Ok(done) => {
                    let from = step.try_get_untracked().unwrap_or(Step::Idle);
                    step.try_set(Step::Idle);
                    notice.set(Some(done));
                    reload.run(());
                    match change {
                        Change::Remove | Change::Revoke => focus_soon(move || {
                            if let Some(list) = list_ref.get_untracked() {
                                let _ = list.focus();
                            }
                        }),
                        Change::Role(_) => {
                            if let Some(trigger) = trigger_of(from) {
                                focus_soon(move || {
                                    if let Some(button) = trigger.get_untracked() {
                                        let _ = button.focus();
                                    }
                                });
                            }
                        }
                        Change::Resend => {}
                    }
                    if matches!(change, Change::Remove) && me.get_untracked() == Some(target.id) {
                        session.expired();
                    }
                }
                Err(error) => {
                    let (found, stale) = Notice::of_error(error, session);
                    if stale {
                        step.try_set(Step::Idle);
                        reload.run(());
                    }
                    notice.set(Some(found));
                }
            }
        });
    });

    let t = move || i18n.t();
    let role_text = move || user.with(|u| t().common.role(u.role));
    let status_text = move || {
        user.with(|u| match u.status {
            UserStatus::Active => t().users.status_active.to_owned(),
            UserStatus::InvitationPending => match &u.invitation_expires_at {
                Some(at) => (t().users.status_pending)(&local_date(at, i18n.locale())),
                None => t().users.status_pending_undated.to_owned(),
            },
            UserStatus::InvitationExpired => t().users.status_expired.to_owned(),
        })
    };
    let status_class = move || {
        user.with(|u| match u.status {
            UserStatus::Active => "users-panel__badge users-panel__badge--active",
            UserStatus::InvitationPending => "users-panel__badge users-panel__badge--pending",
            UserStatus::InvitationExpired => "users-panel__badge users-panel__badge--expired",
        })
    };
    let on_escape = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            close();
        }
    };
    let aria_busy = move || if busy.get() { "true" } else { "false" };
    let expanded = move |which: Step| move || if step.get() == which { "true" } else { "false" };

    let actions = {
        let name_id = name_id.clone();
        let panel_id = panel_id.clone();
        move || {
            if only_administrator.get() {
                return view! {
                    <p class="users-panel__protected" data-testid=format!("only-admin-{id}")>
                        {move || t().users.only_administrator}
                    </p>
                }
                .into_any();
            }
            let toggle = move |which: Step| {
                if step.get_untracked() == which {
                    close();
                } else {
                    open(which);
                }
            };
            let invitation_actions = (!is_active.get()).then(|| {
                view! {
                    <button
                        type="button"
                        class="button users-panel__action"
                        data-testid=format!("resend-{id}")
                        aria-describedby=name_id.clone()
                        aria-disabled=aria_busy
                        on:click=move |_| run.run(Change::Resend)
                    >
                        {move || t().users.resend}
                    </button>
                    <button
                        type="button"
                        class="button users-panel__action"
                        data-testid=format!("revoke-{id}")
                        aria-describedby=name_id.clone()
                        aria-expanded=expanded(Step::ConfirmRevoke)
                        aria-controls=panel_id.clone()
                        node_ref=revoke_ref
                        on:click=move |_| toggle(Step::ConfirmRevoke)
                    >
                        {move || t().users.revoke}
                    </button>
                }
            });
            let remove_action = is_active.get().then(|| {
                view! {
                    <button
                        type="button"
                        class="button users-panel__action"
                        data-testid=format!("remove-{id}")
                        aria-describedby=name_id.clone()
                        aria-expanded=expanded(Step::ConfirmRemove)
                        aria-controls=panel_id.clone()
                        node_ref=remove_ref
                        on:click=move |_| toggle(Step::ConfirmRemove)
                    >
                        {move || t().users.remove}
                    </button>
                }
            });
            view! {
                <div class="users-panel__actions">
                    <button
                        type="button"
                        class="button users-panel__action"
                        data-testid=format!("change-role-{id}")
                        aria-describedby=name_id.clone()
                        aria-expanded=expanded(Step::ChangeRole)
                        aria-controls=panel_id.clone()
                        node_ref=change_ref
                        on:click=move |_| toggle(Step::ChangeRole)
                    >
                        {move || t().users.change_role}
                    </button>
                    {invitation_actions}
                    {remove_action}
                </div>
            }
            .into_any()
        }
    };

    let step_view = {
        let panel_id = panel_id.clone();
        move || {
            let current = step.get();
            if current == Step::Idle || only_administrator.get() {
                return None;
            }
            let panel_id = panel_id.clone();
            let question_id = question_id.clone();
            let body = if current == Step::ChangeRole {
                let select_id = select_id.clone();
                let blocked_id = blocked_id.clone();
                let blocked_text_id = blocked_id.clone();
                view! {
                    <label class="users-panel__label" for=select_id.clone() id=question_id.clone()>
                        {move || user.with(|u| (t().users.role_for)(&u.name))}
                    </label>
                    <select
                        id=select_id
                        class="users-panel__select"
                        data-testid=format!("role-select-{id}")
                        node_ref=select_ref
                        aria-describedby=move || demotion_blocked.get().then(|| blocked_id.clone())
                        on:change:target=move |ev| {
                            if let Some(role) = Role::parse(&ev.target().value()) {
                                new_role.set(role);
                            }
                        }
                    >
                        {Role::ALL
                            .into_iter()
                            .map(|role| {
                                view! {
                                    <option
                                        value=role.as_str()
                                        selected=move || new_role.get() == role
                                    >
                                        {move || t().common.role(role)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    <Show when=move || demotion_blocked.get()>
                        <p id=blocked_text_id.clone() class="users-panel__protected">
                            {move || t().users.demotion_blocked}
                        </p>
                    </Show>
                    <div class="users-panel__step-buttons">
                        <button
                            type="button"
                            class="button button--primary"
                            data-testid=format!("save-role-{id}")
                            aria-disabled=move || {
                                if busy.get() || demotion_blocked.get() { "true" } else { "false" }
                            }
                            on:click=move |_| {
                                if !demotion_blocked.get_untracked() {
                                    run.run(Change::Role(new_role.get_untracked()));
                                }
                            }
                        >
                            {move || if busy.get() { t().users.working } else { t().users.save_role }}
                        </button>
                        <button type="button" class="button" on:click=move |_| close()>
                            {move || t().users.cancel}
                        </button>
                    </div>
                }
                    .into_any()
            } else {
                let removing = current == Step::ConfirmRemove;
                let question = move || {
                    user.with(|u| {
                        if !removing {
                            (t().users.confirm_revoke)(&u.name)
                        } else if is_self() {
                            t().users.confirm_remove_self.to_owned()
                        } else {
                            (t().users.confirm_remove)(&u.name)
                        }
                    })
                };
                view! {
                    <p class="users-panel__question" id=question_id.clone()>
                        {question}
                    </p>
                    <div class="users-panel__step-buttons">
                        <button
                            type="button"
                            class="button users-panel__danger"
                            data-testid=format!("confirm-{id}")
                            node_ref=confirm_ref
                            aria-disabled=aria_busy
                            on:click=move |_| {
                                run.run(if removing { Change::Remove } else { Change::Revoke })
                            }
                        >
                            {move || {
                                if busy.get() {
                                    t().users.working
                                } else if removing {
                                    t().users.remove_confirm
                                } else {
                                    t().users.revoke_confirm
                                }
                            }}
                        </button>
                        <button type="button" class="button" on:click=move |_| close()>
                            {move || t().users.cancel}
                        </button>
                    </div>
                }
                .into_any()
            };
            Some(view! {
                <div
                    id=panel_id
                    class="users-panel__step"
                    role="group"
                    aria-labelledby=question_id
                    data-testid=format!("step-{id}")
                    on:keydown=on_escape
                >
                    {body}
                </div>
            })
        }
    };

    view! {
        <li
            class="users-panel__user"
            data-testid=format!("user-{id}")
            aria-busy=aria_busy
        >
            <div class="users-panel__who">
                <span class="users-panel__name" id=name_id.clone()>
                    {move || user.with(|u| u.name.clone())}
                </span>
                {move || {
                    is_self()
                        .then(|| {
                            view! { <span class="users-panel__you">{move || t().users.you}</span> }
                        })
                }}
                <span class="users-panel__email">{move || user.with(|u| u.email.clone())}</span>
            </div>
            <div class="users-panel__facts">
                <span class="users-panel__role" data-testid=format!("role-{id}")>
                    {role_text}
                </span>
                <span class=status_class data-testid=format!("status-{id}")>
                    {status_text}
                </span>
            </div>
            {move || can_manage.get().then(&actions)}
            {step_view}
        </li>
    }
}

#[component]
fn InviteForm(
    prefix: String,
    on_invited: Callback<User>,
    on_error: Callback<ApiError>,
) -> impl IntoView {
    let i18n = I18n::expect();
    let api = Api::expect();
    let (name, set_name) = signal(String::new());
    let (email, set_email) = signal(String::new());
    // Editor by default: from the onboarding modal, the point of inviting is
    // usually a colleague who can complete the contact information.
    let role = RwSignal::new(Role::Editor);
    let touched_name = RwSignal::new(false);
    let touched_email = RwSignal::new(false);
    let submitted = RwSignal::new(false);
    let server_errors = RwSignal::new(Vec::<FieldError>::new());
    let name_ref = NodeRef::<html::Input>::new();
    let email_ref = NodeRef::<html::Input>::new();

    let problems = Memo::new(move |_| {
        validate_invitation(&NewInvitation {
            name: name.get(),
            email: email.get(),
            role: role.get(),
        })
    });
    let shown = move |touched: RwSignal<bool>, path: FieldPath| {
        let visible = touched.get() || submitted.get();
        problems
            .with(|errors| errors.iter().find(|e| e.path == path).cloned())
            .filter(|_| visible)
            .or_else(|| {
                server_errors.with(|errors| errors.iter().find(|e| e.path == path).cloned())
            })
            .map(|error| message(i18n.t(), &error))
    };
    let name_error = Signal::derive(move || shown(touched_name, FieldPath::NAME));
    let email_error = Signal::derive(move || shown(touched_email, FieldPath::EMAIL));
    let focus_first_invalid = move || {
        let target = if name_error.with_untracked(Option::is_some) {
            name_ref.get_untracked()
        } else if email_error.with_untracked(Option::is_some) {
            email_ref.get_untracked()
        } else {
            None
        };
        if let Some(input) = target {
            let _ = input.focus();
        }
    };

    let invite = Action::new_local(move |invitation: &NewInvitation| {
        let api = api.clone();
        let invitation = invitation.clone();
        async move {
            match api.invite(invitation).await {
                Ok(user) => {
                    set_name.set(String::new());
                    set_email.set(String::new());
                    touched_name.set(false);
                    touched_email.set(false);
                    submitted.set(false);
                    on_invited.run(user);
                }
                Err(error) if !error.field_errors().is_empty() => {
                    server_errors.set(error.field_errors().to_vec());
                    focus_first_invalid();
                }
                Err(error) => on_error.run(error),
            }
        }
    });
    let busy = invite.pending();

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        submitted.set(true);
        if !problems.with_untracked(Vec::is_empty) || !server_errors.with_untracked(Vec::is_empty) {
            focus_first_invalid();
            return;
        }
        invite.dispatch(NewInvitation {
            name: name.get_untracked().trim().to_owned(),
            email: email.get_untracked().trim().to_owned(),
            role: role.get_untracked(),
        });
    };

    let t = move || i18n.t();
    let heading_id = format!("{prefix}-invite-heading");
    let labelled_by = heading_id.clone();
    let role_id = format!("{prefix}-invite-role");
    let role_hint_id = format!("{prefix}-invite-role-hint");
    view! {
        <section class="users-panel__invite" aria-labelledby=labelled_by>
            <h3 id=heading_id class="users-panel__invite-heading">
                {move || t().users.invite_heading}
            </h3>
            <p class="users-panel__invite-intro">
                {move || (t().users.invite_intro)(INVITATION_VALIDITY_DAYS)}
            </p>
            <form
                class="users-panel__form"
                novalidate
                data-testid="invite-form"
                aria-busy=move || if busy.get() { "true" } else { "false" }
                on:submit=on_submit
            >
                <LabelledInput
                    id=format!("{prefix}-invite-name")
                    test_id="invite-name"
                    label=Signal::derive(move || t().users.name_label.to_owned())
                    input_type="text"
                    autocomplete="off"
                    value=name
                    on_input=Callback::new(move |value| {
                        set_name.set(value);
                        server_errors.update(|e| e.retain(|e| e.path != FieldPath::NAME));
                    })
                    on_blur=Callback::new(move |()| touched_name.set(true))
                    error=name_error
                    input_ref=name_ref
                />
                <LabelledInput
                    id=format!("{prefix}-invite-email")
                    test_id="invite-email"
                    label=Signal::derive(move || t().users.email_label.to_owned())
                    input_type="email"
                    autocomplete="off"
                    value=email
                    on_input=Callback::new(move |value| {
                        set_email.set(value);
                        server_errors.update(|e| e.retain(|e| e.path != FieldPath::EMAIL));
                    })
                    on_blur=Callback::new(move |()| touched_email.set(true))
                    error=email_error
                    input_ref=email_ref
                />
                <div class="users-panel__role-field">
                    <label class="users-panel__label" for=role_id.clone()>
                        {move || t().users.role_label}
                    </label>
                    <p id=role_hint_id.clone() class="users-panel__hint">
                        {move || t().users.role_hint(role.get())}
                    </p>
                    <select
                        id=role_id
                        class="users-panel__select"
                        name="role"
                        data-testid="invite-role"
                        aria-describedby=role_hint_id
                        on:change:target=move |ev| {
                            if let Some(picked) = Role::parse(&ev.target().value()) {
                                role.set(picked);
                            }
                        }
                    >
                        {Role::ALL
                            .into_iter()
                            .map(|option| {
                                view! {
                                    <option value=option.as_str() selected=move || role.get() == option>
                                        {move || t().common.role(option)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <button
                    type="submit"
                    class="button button--primary users-panel__submit"
                    data-testid="invite-submit"
                    aria-disabled=move || if busy.get() { "true" } else { "false" }
                >
                    {move || if busy.get() { t().users.inviting } else { t().users.invite_submit }}
                </button>
            </form>
        </section>
    }
}
