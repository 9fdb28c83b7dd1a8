//! An in-memory [`PortalApi`] for browser tests: it keeps an account's state
//! like the server would (versions, users, invitations), records every call,
//! and can be told to fail the next call of a kind.

#![allow(dead_code)]

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use partner_portal::api::{ApiError, ApiFuture, PortalApi, PublicApi, VisitorApi};
use portal_domain::{
    AcceptInvitation, Account, AddressState, AddressStatus, Code, ContactEntry, ContactInfo,
    ContactInfoResponse, Environment, ErrorBody, ErrorCode, FieldError, FieldPath, Health,
    HistoryPage, IntegrationKind, InvitationDetails, InvitationPurpose, NewInvitation, ReviewState,
    ReviewStatus, Role, SessionInfo, SignInRequest, SupportSchedule, User, UserStatus,
    VerificationDetails, would_remove_last_administrator,
};

/// What the fake server holds.
pub struct FakeState {
    pub session: Option<SessionInfo>,
    pub contact: ContactInfoResponse,
    pub users: Vec<User>,
    pub history: HistoryPage,
    pub invitation: Option<InvitationDetails>,
    /// The states of the saved addresses.
    pub addresses: Vec<AddressStatus>,
    /// What a confirmation link is about; `None` answers that it does not work.
    pub verification: Option<VerificationDetails>,
    /// Calls made, in order, as `"method"` names.
    pub calls: Vec<String>,
    /// The next call of a method (by name) fails with this error.
    pub failures: HashMap<String, ApiError>,
    /// Passwords accepted by `sign_in`, by address.
    pub passwords: HashMap<String, String>,
    /// The `If-Match` version of every save of the contact information.
    pub saved_with: Vec<i64>,
}

/// A cheap handle: clone it into the app and keep one to inspect.
#[derive(Clone)]
pub struct FakeApi(pub Arc<Mutex<FakeState>>);

pub fn user(id: i64, name: &str, email: &str, role: Role) -> User {
    User {
        id,
        name: name.into(),
        email: email.into(),
        role,
        status: UserStatus::Active,
        invitation_expires_at: None,
        version: 1,
    }
}

pub fn account(integrations: Vec<IntegrationKind>) -> Account {
    Account {
        partner_id: "P-TEST".into(),
        display_name: "Acme Tours".into(),
        integrations,
    }
}

pub fn session_for(user: User, environment: Environment, complete: bool) -> SessionInfo {
    SessionInfo {
        user,
        account: account(vec![IntegrationKind::ThingsToDo]),
        environment,
        contact_info_complete: complete,
        review: review(ReviewState::Current),
        idle_timeout_secs: 1800,
    }
}

/// Complete contact information naming Ana Admin (1) as alert contact.
pub fn complete_info() -> ContactInfo {
    ContactInfo {
        alert_contacts: vec![1],
        technical_emergency: vec![ContactEntry::new("oncall@acme.example")],
        technical_non_emergency: vec![ContactEntry::new("tech@acme.example")],
        merchant_operational: Vec::new(),
        operational_google: vec![ContactEntry::new("ops@acme.example")],
        shared_with_users: ContactEntry::new("support@acme.example"),
        support_hours: vec![SupportSchedule::weekdays_nine_to_five("Europe/Madrid")],
    }
}

/// A review in `state`, last made by Ana Admin.
pub fn review(state: ReviewState) -> ReviewStatus {
    ReviewStatus {
        state,
        reviewed_at: Some("2025-12-01T09:00:00Z".into()),
        reviewed_by: Some("Ana Admin".into()),
        remind_at: Some("2026-11-01T09:00:00Z".into()),
        lock_at: Some("2026-12-01T09:00:00Z".into()),
    }
}

pub fn error(status: u16, code: ErrorCode, fields: Vec<FieldError>) -> ApiError {
    let mut body = ErrorBody::new(code, "fake server error");
    body.fields = fields;
    ApiError::Status { status, body }
}

impl FakeApi {
    /// An account with an administrator (id 1, signed in), an editor (2) and a
    /// read-only user (3), no contact information yet, on Production.
    pub fn new() -> Self {
        let users = vec![
            user(1, "Ana Admin", "ana@acme.example", Role::Administrator),
            user(2, "Eddie Editor", "eddie@acme.example", Role::Editor),
            user(3, "Rosa Reader", "rosa@acme.example", Role::ReadOnly),
        ];
        let session = session_for(users[0].clone(), Environment::Production, false);
        Self(Arc::new(Mutex::new(FakeState {
            session: Some(session),
            contact: ContactInfoResponse {
                contact_info: ContactInfo::default(),
                version: 0,
                complete: false,
                merchant_contact_required: false,
                updated_by: None,
                updated_at: None,
                warnings: Vec::new(),
                dismissed_warnings: Vec::new(),
            },
            users,
            history: HistoryPage {
                entries: Vec::new(),
                page: 1,
                per_page: 20,
                total: 0,
            },
            invitation: None,
            addresses: Vec::new(),
            verification: None,
            calls: Vec::new(),
            failures: HashMap::new(),
            passwords: HashMap::from([("ana@acme.example".into(), "correct password".into())]),
            saved_with: Vec::new(),
        })))
    }

    pub fn with<R>(&self, f: impl FnOnce(&mut FakeState) -> R) -> R {
        f(&mut self.0.lock().unwrap())
    }

    /// Complete contact information stored at version 1 by Ana Admin, with
    /// the yearly review in `state`; an overdue review locks the portal, as
    /// the server does.
    pub fn with_complete_info(self, state: ReviewState) -> Self {
        self.with(|s| {
            s.contact.contact_info = complete_info();
            s.contact.version = 1;
            s.contact.complete = true;
            s.contact.updated_by = Some("Ana Admin".into());
            s.contact.updated_at = Some("2025-12-01T09:00:00Z".into());
            if let Some(session) = &mut s.session {
                session.contact_info_complete = state != ReviewState::Overdue;
                session.review = review(state);
            }
        });
        self
    }

    /// Signs in as the user with `id` instead.
    pub fn signed_in_as(self, id: i64) -> Self {
        self.with(|s| {
            let user = s.users.iter().find(|u| u.id == id).cloned().unwrap();
            if let Some(session) = &mut s.session {
                session.user = user;
            }
        });
        self
    }

    /// With `info` saved as version 1 (complete), and its warnings reported.
    pub fn with_saved_contact(self, info: ContactInfo) -> Self {
        self.with(|s| {
            s.contact.contact_info = info;
            s.contact.version = 1;
            s.contact.complete = true;
            s.contact.updated_by = Some("Ana Admin".into());
            s.contact.updated_at = Some("2026-11-29T10:00:00Z".into());
            if let Some(session) = &mut s.session {
                session.contact_info_complete = true;
            }
            refresh_warnings(s);
        });
        self
    }

    pub fn fail_next(&self, method: &str, error: ApiError) {
        self.with(|s| s.failures.insert(method.into(), error));
    }

    pub fn calls(&self) -> Vec<String> {
        self.with(|s| s.calls.clone())
    }

    /// How many times `method` was called.
    pub fn count_of(&self, method: &str) -> usize {
        self.with(|s| s.calls.iter().filter(|c| *c == method).count())
    }

    /// Records the call and returns the scripted failure, if any.
    fn enter(&self, method: &str) -> Result<(), ApiError> {
        self.with(|s| {
            s.calls.push(method.into());
            match s.failures.remove(method) {
                Some(error) => Err(error),
                None => Ok(()),
            }
        })
    }

    fn answer<T: 'static>(
        &self,
        method: &str,
        f: impl FnOnce(&mut FakeState) -> Result<T, ApiError>,
    ) -> ApiFuture<T> {
        let result = self.enter(method).and_then(|()| self.with(f));
        Box::pin(async move { result })
    }
}

/// The warnings the server reports: the rules' warnings of what is saved,
/// without the dismissed codes.
fn refresh_warnings(s: &mut FakeState) {
    let refs: Vec<portal_domain::UserRef<'_>> = s.users.iter().map(Into::into).collect();
    let rules = portal_domain::Rules {
        merchant_contact_required: s.contact.merchant_contact_required,
        users: &refs,
    };
    let report = portal_domain::validate_contact_info(&s.contact.contact_info, &rules);
    let dismissed = &s.contact.dismissed_warnings;
    s.contact.warnings = if s.contact.version > 0 {
        report
            .warnings
            .into_iter()
            .filter(|w| !dismissed.contains(&w.code))
            .collect()
    } else {
        Vec::new()
    };
}

fn unauthorized() -> ApiError {
    error(401, ErrorCode::Unauthorized, Vec::new())
}

/// The server's answer for an address that already has an account.
fn already_registered() -> ApiError {
    error(
        422,
        ErrorCode::ValidationFailed,
        vec![FieldError::new(FieldPath::EMAIL, Code::AlreadyRegistered)],
    )
}

/// The server's answer when a change would leave no active administrator.
fn last_administrator() -> ApiError {
    error(
        409,
        ErrorCode::LastAdministrator,
        vec![FieldError::new(FieldPath::ROLE, Code::LastAdministrator)],
    )
}

/// A pending invitation for `email`, expiring on 6 December 2026.
pub fn pending_user(id: i64, name: &str, email: &str, role: Role) -> User {
    let mut invited = user(id, name, email, role);
    invited.status = UserStatus::InvitationPending;
    invited.invitation_expires_at = Some("2026-12-06T10:00:00Z".into());
    invited
}

/// What `GET /invitations/{token}` answers for a valid link.
pub fn invitation_details(purpose: InvitationPurpose) -> InvitationDetails {
    let invited = purpose == InvitationPurpose::Invitation;
    InvitationDetails {
        purpose,
        account_name: "Acme Tours".into(),
        partner_id: "P-TEST".into(),
        email: if invited {
            "nora@acme.example".into()
        } else {
            String::new()
        },
        name: if invited {
            "Nora New".into()
        } else {
            String::new()
        },
        expires_at: "2026-12-06T10:00:00Z".into(),
    }
}

impl VisitorApi for FakeApi {
    fn sign_in(&self, request: SignInRequest) -> ApiFuture<()> {
        self.answer("sign_in", move |s| {
            let email = request.email.trim().to_lowercase();
            if s.passwords.get(&email) != Some(&request.password) {
                return Err(error(401, ErrorCode::InvalidCredentials, Vec::new()));
            }
            let user = s.users.iter().find(|u| u.email == email).cloned().unwrap();
            let session = session_for(user, Environment::Production, s.contact.complete);
            s.session = Some(session);
            Ok(())
        })
    }

    fn invitation(&self, _token: String) -> ApiFuture<InvitationDetails> {
        self.answer("invitation", |s| {
            s.invitation
                .clone()
                .ok_or_else(|| error(404, ErrorCode::InvitationInvalid, Vec::new()))
        })
    }

    fn accept_invitation(&self, _token: String, accept: AcceptInvitation) -> ApiFuture<()> {
        self.answer("accept_invitation", move |s| {
            let invitation = s
                .invitation
                .take()
                .ok_or_else(|| error(404, ErrorCode::InvitationInvalid, Vec::new()))?;
            let email = match invitation.purpose {
                InvitationPurpose::Setup => accept.email.trim().to_lowercase(),
                InvitationPurpose::Invitation => invitation.email.clone(),
            };
            if invitation.purpose == InvitationPurpose::Setup
                && s.users.iter().any(|u| u.email == email)
            {
                s.invitation = Some(invitation);
                return Err(already_registered());
            }
            s.passwords.insert(email, accept.password);
            Ok(())
        })
    }
}

impl PublicApi for FakeApi {
    fn health(&self) -> ApiFuture<Health> {
        self.answer("health", |_| {
            Ok(Health {
                status: "ok".into(),
                version: "0.0.0".into(),
                database: "ok".into(),
                engine: "sqlite".into(),
                engine_version: "3.0.0".into(),
                sqlite_version: Some("3.0.0".into()),
                schema_version: 1,
            })
        })
    }

    fn verification_details(&self, _token: String) -> ApiFuture<VerificationDetails> {
        self.answer("verification_details", |s| {
            s.verification
                .clone()
                .ok_or_else(|| error(404, ErrorCode::VerificationInvalid, Vec::new()))
        })
    }

    fn confirm_verification(&self, _token: String) -> ApiFuture<()> {
        self.answer("confirm_verification", |s| {
            let details = s
                .verification
                .take()
                .ok_or_else(|| error(404, ErrorCode::VerificationInvalid, Vec::new()))?;
            if let Some(status) = s.addresses.iter_mut().find(|a| a.email == details.email) {
                status.state = AddressState::Verified;
                status.verified_at = Some("2026-11-30T09:00:00Z".into());
            }
            Ok(())
        })
    }
}

impl PortalApi for FakeApi {
    fn session(&self) -> ApiFuture<Option<SessionInfo>> {
        self.answer("session", |s| Ok(s.session.clone()))
    }

    fn sign_out(&self) -> ApiFuture<()> {
        self.answer("sign_out", |s| {
            s.session = None;
            Ok(())
        })
    }

    fn set_environment(&self, environment: Environment) -> ApiFuture<SessionInfo> {
        self.answer("set_environment", move |s| {
            let session = s.session.as_mut().ok_or_else(unauthorized)?;
            session.environment = environment;
            Ok(session.clone())
        })
    }

    fn set_warning_dismissed(&self, code: Code, dismissed: bool) -> ApiFuture<ContactInfoResponse> {
        self.answer("set_warning_dismissed", move |s| {
            if !code.is_warning() {
                return Err(error(404, ErrorCode::NotFound, Vec::new()));
            }
            let list = &mut s.contact.dismissed_warnings;
            list.retain(|c| *c != code);
            if dismissed {
                list.push(code);
            }
            list.sort_by_key(|c| Code::WARNINGS.iter().position(|w| w == c));
            refresh_warnings(s);
            Ok(s.contact.clone())
        })
    }

    fn contact_info(&self) -> ApiFuture<ContactInfoResponse> {
        self.answer("contact_info", |s| Ok(s.contact.clone()))
    }

    fn save_contact_info(&self, info: ContactInfo, version: i64) -> ApiFuture<ContactInfoResponse> {
        self.answer("save_contact_info", move |s| {
            s.saved_with.push(version);
            if version != s.contact.version {
                return Err(error(412, ErrorCode::VersionConflict, Vec::new()));
            }
            s.contact.contact_info = portal_domain::normalize_contact_info(&info);
            s.contact.version += 1;
            s.contact.complete = true;
            s.contact.updated_by = s.session.as_ref().map(|x| x.user.name.clone());
            s.contact.updated_at = Some("2026-11-29T10:00:00Z".into());
            if let Some(session) = &mut s.session {
                session.contact_info_complete = true;
                session.review = review(ReviewState::Current);
            }
            refresh_warnings(s);
            Ok(s.contact.clone())
        })
    }

    fn confirm_review(&self, version: i64) -> ApiFuture<ReviewStatus> {
        self.answer("confirm_review", move |s| {
            if version != s.contact.version {
                return Err(error(412, ErrorCode::VersionConflict, Vec::new()));
            }
            let reviewed = review(ReviewState::Current);
            if let Some(session) = &mut s.session {
                session.contact_info_complete = true;
                session.review = reviewed.clone();
            }
            Ok(reviewed)
        })
    }

    fn history(&self, _page: u32) -> ApiFuture<HistoryPage> {
        self.answer("history", |s| Ok(s.history.clone()))
    }

    fn users(&self) -> ApiFuture<Vec<User>> {
        self.answer("users", |s| Ok(s.users.clone()))
    }

    fn invite(&self, invitation: NewInvitation) -> ApiFuture<User> {
        self.answer("invite", move |s| {
            let email = invitation.email.trim().to_lowercase();
            if s.users.iter().any(|u| u.email == email) {
                return Err(already_registered());
            }
            let id = s.users.iter().map(|u| u.id).max().unwrap_or(0) + 1;
            let mut new = user(id, &invitation.name, &invitation.email, invitation.role);
            new.status = UserStatus::InvitationPending;
            new.invitation_expires_at = Some("2026-12-06T10:00:00Z".into());
            s.users.push(new.clone());
            Ok(new)
        })
    }

    fn change_role(&self, user_id: i64, role: Role, version: i64) -> ApiFuture<User> {
        self.answer("change_role", move |s| {
            let users_before = s.users.clone();
            let user = s
                .users
                .iter_mut()
                .find(|u| u.id == user_id)
                .ok_or_else(|| error(404, ErrorCode::NotFound, Vec::new()))?;
            if user.version != version {
                return Err(error(412, ErrorCode::VersionConflict, Vec::new()));
            }
            if would_remove_last_administrator(&users_before, user_id, Some(role)) {
                return Err(last_administrator());
            }
            user.role = role;
            user.version += 1;
            Ok(user.clone())
        })
    }

    fn remove_user(&self, user_id: i64, version: i64) -> ApiFuture<()> {
        self.answer("remove_user", move |s| {
            let user = s
                .users
                .iter()
                .find(|u| u.id == user_id)
                .ok_or_else(|| error(404, ErrorCode::NotFound, Vec::new()))?;
            if user.version != version {
                return Err(error(412, ErrorCode::VersionConflict, Vec::new()));
            }
            if would_remove_last_administrator(&s.users, user_id, None) {
                return Err(last_administrator());
            }
            s.users.retain(|u| u.id != user_id);
            Ok(())
        })
    }

    fn resend_invitation(&self, user_id: i64) -> ApiFuture<User> {
        self.answer("resend_invitation", move |s| {
            let user = s
                .users
                .iter_mut()
                .find(|u| u.id == user_id)
                .ok_or_else(|| error(404, ErrorCode::NotFound, Vec::new()))?;
            user.status = UserStatus::InvitationPending;
            Ok(user.clone())
        })
    }

    fn revoke_invitation(&self, user_id: i64) -> ApiFuture<()> {
        self.answer("revoke_invitation", move |s| {
            s.users.retain(|u| u.id != user_id);
            Ok(())
        })
    }

    fn addresses(&self) -> ApiFuture<Vec<AddressStatus>> {
        self.answer("addresses", |s| Ok(s.addresses.clone()))
    }

    fn send_verification(&self, email: String) -> ApiFuture<()> {
        self.answer("send_verification", move |s| {
            let status = s
                .addresses
                .iter_mut()
                .find(|a| a.email.eq_ignore_ascii_case(email.trim()))
                .ok_or_else(|| error(404, ErrorCode::NotFound, Vec::new()))?;
            if status.state == AddressState::Verified {
                return Err(error(409, ErrorCode::AlreadyVerified, Vec::new()));
            }
            status.state = AddressState::VerificationSent;
            status.sent_at = Some("2026-11-29T10:00:00Z".into());
            Ok(())
        })
    }
}
