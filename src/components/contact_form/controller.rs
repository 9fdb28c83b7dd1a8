//! What happens around the fields: saving, a refused save merged with what
//! someone else stored meanwhile, drafts kept in the browser, and what the
//! footer says about it.
//!
//! The controller owns the three versions a merge needs: the server copy the
//! input started from (`base`, kept with the draft), the input (`form.info`)
//! and, after a 412, the stored version (`theirs`). No path writes a field the
//! user did not change back to an older value.

use leptos::prelude::*;
use leptos::task::spawn_local;
use portal_domain::{
    ContactField, ContactInfo, ContactInfoResponse, ReviewState, merge, normalize_contact_info,
};

use super::conflict::Conflict;
use super::draft::{self, Draft};
use super::state::{Form, editable_copy, focus_soon, same_content, to_send};
use crate::api::{Api, ApiError};
use crate::components::focus::focus_main_heading;
use crate::i18n::I18n;
use crate::state::{Announcer, Session};

/// What the last save came to, for the footer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Saved,
    /// Saved after taking in someone else's changes to other fields.
    SavedMerged,
    /// Confirmed, unchanged, as still correct (the yearly review).
    Reviewed,
    /// Someone saved while the user was confirming: their save was the review.
    ReviewedByOther,
    SessionExpired,
    Network,
    Unexpected,
}

/// Which version of a conflicting field the user keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Mine,
    Theirs,
}

/// The form's save, conflict and draft logic; cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct Controller {
    pub form: Form,
    /// The server copy the input is based on: the merge base.
    base: RwSignal<ContactInfo>,
    /// The newest server copy and its version, for discarding a draft.
    server: StoredValue<(ContactInfo, i64)>,
    /// What the next save sends in `If-Match`.
    version: RwSignal<i64>,
    pub outcome: RwSignal<Option<Outcome>>,
    /// The input as it was saved: "Saved" shows until the input differs.
    saved_input: RwSignal<Option<ContactInfo>>,
    pub conflict: RwSignal<Option<Conflict>>,
    /// A save was attempted with conflicts still undecided.
    pub show_undecided: RwSignal<bool>,
    pub draft_notice: RwSignal<bool>,
    pub saving: RwSignal<bool>,
    /// The save under way is a review confirmation.
    pub confirming: RwSignal<bool>,
    zone: StoredValue<String>,
    draft_key: StoredValue<Option<String>>,
    on_saved: Callback<ContactInfoResponse>,
    /// Taken from context once: saves continue in tasks that have none.
    api: StoredValue<Api>,
    session: Session,
    announcer: Option<Announcer>,
    i18n: I18n,
}

impl Controller {
    /// The form for the server's `data`, or for the user's draft of it.
    pub fn new(
        form: Form,
        data: &ContactInfoResponse,
        zone: String,
        on_saved: Callback<ContactInfoResponse>,
    ) -> Self {
        let session = Session::expect();
        let draft_key = untrack(|| {
            session.with(|info| info.map(|s| draft::key(&s.account.partner_id, s.user.id)))
        });
        let merchant = data.merchant_contact_required;
        let server_copy = editable_copy(&data.contact_info, merchant, &zone);
        let restored = draft_key
            .as_deref()
            .and_then(draft::load)
            .filter(|d| !same_content(&d.info, &server_copy));
        let server = (server_copy.clone(), data.version);
        let (base, version) = match &restored {
            // A draft made before someone else's save is merged on its
            // save, from the version it started from.
            Some(d) => (
                d.base.as_ref().map_or_else(
                    || server_copy.clone(),
                    |b| editable_copy(b, merchant, &zone),
                ),
                d.version,
            ),
            None => (server_copy, data.version),
        };
        if let Some(d) = &restored {
            form.reset(editable_copy(&d.info, merchant, &zone), merchant);
        }
        let controller = Self {
            form,
            base: RwSignal::new(base),
            server: StoredValue::new(server),
            version: RwSignal::new(version),
            outcome: RwSignal::new(None),
            saved_input: RwSignal::new(None),
            conflict: RwSignal::new(None),
            show_undecided: RwSignal::new(false),
            draft_notice: RwSignal::new(restored.is_some()),
            saving: RwSignal::new(false),
            confirming: RwSignal::new(false),
            zone: StoredValue::new(zone),
            draft_key: StoredValue::new(draft_key),
            on_saved,
            api: StoredValue::new(Api::expect()),
            session,
            announcer: use_context::<Announcer>(),
            i18n: I18n::expect(),
        };
        controller.keep_drafts();
        controller
    }

    /// Keeps the input in the browser while it differs from the server copy.
    fn keep_drafts(self) {
        let Some(key) = self.draft_key.get_value() else {
            return;
        };
        // Only talks to localStorage: the draft follows the input.
        Effect::new(move |_| {
            let info = self.form.info.get();
            let base = self.base.get();
            if same_content(&info, &base) {
                draft::clear(&key);
            } else {
                draft::store(
                    &key,
                    &Draft {
                        version: self.version.get(),
                        base: Some(base),
                        info,
                    },
                );
            }
        });
    }

    /// "Saved" until the next edit.
    pub fn shows_saved(self) -> Option<Outcome> {
        let outcome = self.outcome.get()?;
        match outcome {
            Outcome::Saved
            | Outcome::SavedMerged
            | Outcome::Reviewed
            | Outcome::ReviewedByOther => {
                let unchanged = self.saved_input.with(|saved| {
                    saved
                        .as_ref()
                        .is_some_and(|saved| self.form.info.with(|info| same_content(info, saved)))
                });
                unchanged.then_some(outcome)
            }
            _ => None,
        }
    }

    /// The problem the footer shows, if the last save failed.
    pub fn problem(self) -> Option<Outcome> {
        self.outcome.get().filter(|o| {
            !matches!(
                o,
                Outcome::Saved
                    | Outcome::SavedMerged
                    | Outcome::Reviewed
                    | Outcome::ReviewedByOther
            )
        })
    }

    /// Validates and saves; with a conflict open, only once every field is decided.
    pub fn submit(self) {
        if self.saving.get_untracked() {
            return;
        }
        let form = self.form;
        if self.conflict.with_untracked(|c| {
            c.as_ref()
                .is_some_and(|c| form.info.with_untracked(|info| c.undecided(info)) > 0)
        }) {
            self.show_undecided.set(true);
            focus_soon(form.dom_id("conflict"));
            return;
        }
        form.submitted.set(true);
        self.outcome.set(None);
        if !form.report.with_untracked(|r| r.is_valid()) {
            focus_soon(form.dom_id("summary"));
            return;
        }
        form.server_errors.set(Vec::new());
        let merged = self.conflict.with_untracked(Option::is_some);
        self.send(merged);
    }

    fn send(self, merged: bool) {
        let form = self.form;
        let merchant = form.merchant_required.get_untracked();
        let sent = form
            .info
            .with_untracked(|info| normalize_contact_info(&to_send(info, merchant)));
        let version = self.version.get_untracked();
        let Some(api) = self.api.try_get_value() else {
            return;
        };
        let session = self.session;
        self.saving.set(true);
        spawn_local(async move {
            let answer = api.save_contact_info(sent.clone(), version).await;
            // The form may be gone (signed out meanwhile).
            if self.saving.try_set(false).is_some() {
                return;
            }
            match answer {
                Ok(saved) => self.saved(saved, &sent, merged),
                Err(error) => {
                    let error = session.check(error);
                    if error.is_conflict() {
                        self.refused(api, session).await;
                    } else {
                        self.failed(error);
                    }
                }
            }
        });
    }

    fn saved(self, saved: ContactInfoResponse, sent: &ContactInfo, merged: bool) {
        let form = self.form;
        let merchant = saved.merchant_contact_required;
        let copy = editable_copy(&saved.contact_info, merchant, &self.zone.get_value());
        // Input typed while the save was under way stays (as a draft).
        let unchanged = form
            .info
            .with_untracked(|info| normalize_contact_info(&to_send(info, merchant)) == *sent);
        form.dismissed.set(saved.dismissed_warnings.clone());
        self.base.set(copy.clone());
        self.server.set_value((copy.clone(), saved.version));
        self.version.set(saved.version);
        if unchanged {
            form.reset(copy.clone(), merchant);
            if let Some(key) = self.draft_key.get_value() {
                draft::clear(&key);
            }
        }
        self.saved_input.set(Some(copy));
        self.conflict.set(None);
        self.show_undecided.set(false);
        self.draft_notice.set(false);
        self.outcome.set(Some(if merged {
            Outcome::SavedMerged
        } else {
            Outcome::Saved
        }));
        self.session.mark_saved();
        // The button was disabled while saving, which took focus away.
        focus_soon(form.dom_id("save"));
        self.on_saved.run(saved);
    }

    /// Someone saved first: merge their version with the input. Without a
    /// field both changed differently, the merge is saved at once; otherwise
    /// the user chooses per field.
    async fn refused(self, api: Api, session: Session) {
        let theirs = match api.contact_info().await {
            Ok(theirs) => theirs,
            Err(error) => {
                self.failed(session.check(error));
                return;
            }
        };
        let form = self.form;
        let Some(mine) = form.info.try_get_untracked() else {
            return;
        };
        let merchant = theirs.merchant_contact_required;
        let zone = self.zone.get_value();
        let their_copy = editable_copy(&theirs.contact_info, merchant, &zone);
        let merged = self
            .base
            .with_untracked(|base| merge(base, &mine, &their_copy));
        let taken: Vec<ContactField> = self
            .base
            .with_untracked(|base| base.differing_fields(&their_copy))
            .into_iter()
            .filter(|field| !merged.conflicts.contains(field))
            .filter(|field| !mine.stores_alike(&their_copy, *field))
            .collect();
        // Until the user decides, a conflicting field keeps what they typed.
        let mut value = merged.value;
        for field in &merged.conflicts {
            value.take_field(&mine, *field);
        }
        self.base.set(their_copy.clone());
        self.server.set_value((their_copy.clone(), theirs.version));
        self.version.set(theirs.version);
        form.merchant_required.set(merchant);
        form.info.set(editable_copy(&value, merchant, &zone));
        let conflict = Conflict {
            saved_by: theirs.updated_by.clone(),
            mine,
            theirs: their_copy,
            fields: merged.conflicts.iter().map(|f| (*f, None)).collect(),
            taken,
        };
        if conflict.fields.is_empty() {
            self.conflict.set(Some(conflict));
            self.send(true);
        } else {
            self.conflict.set(Some(conflict));
            self.show_undecided.set(false);
            focus_soon(form.dom_id("conflict"));
        }
    }

    /// Whether the yearly review can be confirmed with one click: it is due
    /// (or overdue), and the input is the stored version, whole and valid.
    pub fn can_confirm_review(self) -> bool {
        self.session.review_state() != ReviewState::Current
            && self.conflict.with(Option::is_none)
            && !self.draft_notice.get()
            && self.form.report.with(|r| r.is_valid())
            && self
                .form
                .info
                .with(|info| self.base.with(|base| same_content(info, base)))
    }

    /// Confirms the stored version, unchanged, as still correct.
    pub fn confirm_review(self) {
        if self.saving.get_untracked() {
            return;
        }
        let Some(api) = self.api.try_get_value() else {
            return;
        };
        let session = self.session;
        let version = self.version.get_untracked();
        self.outcome.set(None);
        self.saving.set(true);
        self.confirming.set(true);
        spawn_local(async move {
            let answer = api.confirm_review(version).await;
            // The form may be gone (signed out meanwhile).
            if self.saving.try_set(false).is_some() {
                return;
            }
            self.confirming.set(false);
            match answer {
                Ok(review) => {
                    self.saved_input.set(self.form.info.try_get_untracked());
                    self.outcome.set(Some(Outcome::Reviewed));
                    let unlocks = session.with(|s| s.is_some_and(|s| !s.contact_info_complete));
                    session.mark_reviewed(review);
                    if unlocks {
                        // The modal closes: say so, and the page heading takes focus.
                        if let Some(announcer) = self.announcer {
                            announcer.announce(self.i18n.t().review.unlocked);
                        }
                        request_animation_frame(focus_main_heading);
                    } else {
                        focus_soon(self.form.dom_id("save"));
                    }
                }
                Err(error) if error.is_conflict() => self.reviewed_by_other(api, session).await,
                Err(error) => self.failed(session.check(error)),
            }
        });
    }

    /// Someone saved between loading and confirming: that save was the
    /// review. Their version replaces the input, and the session says so.
    async fn reviewed_by_other(self, api: Api, session: Session) {
        let theirs = match api.contact_info().await {
            Ok(theirs) => theirs,
            Err(error) => return self.failed(session.check(error)),
        };
        let info = match api.session().await {
            Ok(Some(info)) => info,
            Ok(None) => return session.expired(),
            Err(error) => return self.failed(session.check(error)),
        };
        let merchant = theirs.merchant_contact_required;
        let copy = editable_copy(&theirs.contact_info, merchant, &self.zone.get_value());
        self.base.set(copy.clone());
        self.server.set_value((copy.clone(), theirs.version));
        self.version.set(theirs.version);
        self.form.reset(copy.clone(), merchant);
        self.saved_input.set(Some(copy));
        self.outcome.set(Some(Outcome::ReviewedByOther));
        focus_soon(self.form.dom_id("form"));
        session.set(info);
        self.on_saved.run(theirs);
    }

    fn failed(self, error: ApiError) {
        let form = self.form;
        if error.is_unauthorized() {
            self.outcome.set(Some(Outcome::SessionExpired));
            focus_soon(form.dom_id("save"));
        } else if !error.field_errors().is_empty() {
            form.server_errors.set(error.field_errors().to_vec());
            form.submitted.set(true);
            focus_soon(form.dom_id("summary"));
        } else {
            leptos::logging::warn!("saving contact information failed: {error:?}");
            self.outcome.set(Some(match error {
                ApiError::Network(_) => Outcome::Network,
                _ => Outcome::Unexpected,
            }));
            focus_soon(form.dom_id("retry"));
        }
    }

    /// Applies the user's choice for one conflicting field to the input.
    pub fn choose(self, field: ContactField, choice: Choice) {
        let Some((mine, theirs)) = self
            .conflict
            .with_untracked(|c| c.as_ref().map(|c| (c.mine.clone(), c.theirs.clone())))
        else {
            return;
        };
        self.form.info.update(|info| {
            info.take_field(
                match choice {
                    Choice::Mine => &mine,
                    Choice::Theirs => &theirs,
                },
                field,
            );
        });
        self.conflict.update(|c| {
            if let Some(c) = c {
                for (f, chosen) in &mut c.fields {
                    if *f == field {
                        *chosen = Some(choice);
                    }
                }
            }
        });
    }

    /// Gives up the input for the stored version.
    pub fn load_theirs(self) {
        let Some(theirs) = self
            .conflict
            .with_untracked(|c| c.as_ref().map(|c| c.theirs.clone()))
        else {
            return;
        };
        self.form
            .reset(theirs, self.form.merchant_required.get_untracked());
        self.conflict.set(None);
        self.show_undecided.set(false);
        self.outcome.set(None);
        focus_soon(self.form.dom_id("save"));
    }

    /// Drops the restored draft for the server copy it was based on.
    pub fn discard_draft(self) {
        let form = self.form;
        let (copy, version) = self.server.get_value();
        self.base.set(copy.clone());
        self.version.set(version);
        form.reset(copy, form.merchant_required.get_untracked());
        if let Some(key) = self.draft_key.get_value() {
            draft::clear(&key);
        }
        self.draft_notice.set(false);
        focus_soon(form.dom_id("form"));
    }
}
