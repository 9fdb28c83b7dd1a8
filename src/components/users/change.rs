//! The changes an administrator makes to one user, and what each asks the
//! server.

use portal_domain::{Role, User};

use super::notice::Notice;
use crate::api::{Api, ApiError};
use crate::state::Session;

/// A change a row sends to the server.
#[derive(Clone, Copy)]
pub(super) enum Change {
    Role(Role),
    Remove,
    Resend,
    Revoke,
}

impl Change {
    /// Sends the change for `target`, as the list last showed it (its version
    /// guards against overwriting someone else's change); on success, what to
    /// tell the user. A new role of the signed-in user takes effect at once.
    pub(super) async fn send(
        self,
        api: Api,
        target: User,
        session: Session,
    ) -> Result<Notice, ApiError> {
        match self {
            Change::Role(role) => {
                let updated = api.change_role(target.id, role, target.version).await?;
                if let Some(mut info) = session.get_untracked()
                    && info.user.id == updated.id
                {
                    info.user = updated.clone();
                    session.set(info);
                }
                Ok(Notice::RoleChanged {
                    name: updated.name,
                    role: updated.role,
                })
            }
            Change::Remove => {
                api.remove_user(target.id, target.version).await?;
                Ok(Notice::Removed { name: target.name })
            }
            Change::Resend => {
                let updated = api.resend_invitation(target.id).await?;
                Ok(Notice::Resent {
                    email: updated.email,
                })
            }
            Change::Revoke => {
                api.revoke_invitation(target.id).await?;
                Ok(Notice::Revoked { name: target.name })
            }
        }
    }
}
