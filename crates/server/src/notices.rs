//! Change notices. When a save gives an address a role in the contact
//! information or takes one away, that address gets a short notice (which
//! role, which account, who changed it, how to reach the account's
//! administrators), and each administrator of the account gets a digest of
//! the change. They go to the outbox in the save's own transaction: a save
//! that fails sends nothing, and each save sends each notice once.
//!
//! The recipient's language is unknown (most are not portal users), so each
//! mail says everything in English, then in Spanish.

use crate::db::Connection;
use portal_domain::{Account, AddressChange, ContactField, ContactInfo, address_changes};

use crate::clock::rfc3339;
use crate::db::DbError;
use crate::store::{self, Actor};
use crate::verification;

/// Queues the notices and the digest of a save from `before` to `after`.
/// An address given a role that it has not confirmed yet gets, in the same
/// mail, a link to confirm it (see [`crate::verification`]).
pub fn queue(
    conn: &Connection,
    account_id: i64,
    actor: &Actor<'_>,
    before: Option<&ContactInfo>,
    after: &ContactInfo,
    public_url: &str,
) -> Result<(), DbError> {
    let changes = address_changes(before, after);
    if changes.is_empty() {
        return Ok(());
    }
    let account = store::account(conn, account_id)?;
    let administrators = administrators(conn, account_id)?;
    for change in &changes {
        let mut body = notice(&account, actor.name, change, &administrators);
        if !change.added.is_empty() && !verification::is_verified(conn, account_id, &change.email)?
        {
            let (token, expires_at) = verification::issue(conn, account_id, &change.email)?;
            body.push_str(&verification_request(
                &format!("{public_url}/verify/{token}"),
                expires_at,
            ));
            store::audit(
                conn,
                Some(account_id),
                actor,
                "address.verification_sent",
                Some(&change.email),
                None,
                None,
            )?;
        }
        store::queue_mail(
            conn,
            account_id,
            &change.email,
            &format!(
                "Partner Portal: your contact role for {0} / tu función de contacto para {0}",
                account.display_name
            ),
            &body,
        )?;
    }
    let digest = digest(&account, actor.name, &changes);
    for (_, email) in &administrators {
        store::queue_mail(
            conn,
            account_id,
            email,
            &format!(
                "Partner Portal: contact addresses of {0} changed / cambios en las direcciones de contacto de {0}",
                account.display_name
            ),
            &digest,
        )?;
    }
    Ok(())
}

/// The account's administrators who can sign in, as (name, address).
fn administrators(conn: &Connection, account_id: i64) -> Result<Vec<(String, String)>, DbError> {
    let mut statement = conn.prepare_cached(
        "SELECT name, email FROM users
         WHERE account_id = ?1 AND role = 'administrator' AND password_hash IS NOT NULL
         ORDER BY name COLLATE NOCASE, id",
    )?;
    let rows = statement
        .query_map([account_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

#[derive(Clone, Copy)]
enum Language {
    English,
    Spanish,
}

fn role(field: ContactField, language: Language) -> &'static str {
    use ContactField::*;
    match (language, field) {
        (Language::English, TechnicalEmergency) => "technical emergency contact",
        (Language::English, TechnicalNonEmergency) => "technical non-emergency contact",
        (Language::English, MerchantOperational) => "merchant operational contact",
        (Language::English, OperationalGoogle) => "operational contact for Google",
        (Language::English, SharedWithUsers) => "operational contact shared with users",
        (Language::Spanish, TechnicalEmergency) => "contacto técnico de emergencia",
        (Language::Spanish, TechnicalNonEmergency) => "contacto técnico que no es de emergencia",
        (Language::Spanish, MerchantOperational) => {
            "contacto operativo para problemas relacionados con los comercios"
        }
        (Language::Spanish, OperationalGoogle) => "contacto operativo para Google",
        (Language::Spanish, SharedWithUsers) => {
            "contacto operativo que se comparte con los usuarios"
        }
        (_, AlertContacts | SupportHours) => "",
    }
}

/// One line per role given or taken away.
fn role_lines(change: &AddressChange, language: Language, prefix: &str) -> String {
    let (added, removed) = match language {
        Language::English => ("added as the", "removed as the"),
        Language::Spanish => ("se ha añadido como", "se ha quitado como"),
    };
    let lines = change
        .added
        .iter()
        .map(|&f| format!("{prefix}{added} {}", role(f, language)))
        .chain(
            change
                .removed
                .iter()
                .map(|&f| format!("{prefix}{removed} {}", role(f, language))),
        );
    lines.map(|line| format!("- {line}\n")).collect()
}

fn notice(
    account: &Account,
    actor: &str,
    change: &AddressChange,
    administrators: &[(String, String)],
) -> String {
    let contacts = administrators
        .iter()
        .map(|(name, email)| format!("{name} <{email}>"))
        .collect::<Vec<_>>()
        .join(", ");
    let (name, id) = (&account.display_name, &account.partner_id);
    format!(
        "{actor} changed the contact information of the Partner Portal account \"{name}\" \
         (Partner ID {id}). This address, {email}, was:\n{en}\n\
         If this is not right, write to the account's administrators: {contacts}.\n\n\
         ---\n\n\
         {actor} ha cambiado la información de contacto de la cuenta \"{name}\" del Portal \
         para socios (ID de socio {id}). Esta dirección, {email}:\n{es}\n\
         Si no es correcto, escribe a los administradores de la cuenta: {contacts}.\n",
        email = change.email,
        en = role_lines(change, Language::English, ""),
        es = role_lines(change, Language::Spanish, ""),
    )
}

/// The part of a mail that asks the owner to confirm the address.
pub fn verification_request(link: &str, expires_at: i64) -> String {
    format!(
        "\n---\n\nPlease confirm that this address is right and reaches you (the link \
         works once, until {until}):\n{link}\n\n\
         Confirma que esta dirección es correcta y te llega (el enlace funciona una sola \
         vez, hasta el {until}):\n{link}\n",
        until = rfc3339(expires_at)
    )
}

fn digest(account: &Account, actor: &str, changes: &[AddressChange]) -> String {
    let list = |language: Language| -> String {
        changes
            .iter()
            .map(|change| role_lines(change, language, &format!("{}: ", change.email)))
            .collect()
    };
    let (name, id) = (&account.display_name, &account.partner_id);
    format!(
        "{actor} changed the contact information of \"{name}\" (Partner ID {id}). \
         Each of these addresses was sent a notice:\n{en}\n\
         ---\n\n\
         {actor} ha cambiado la información de contacto de \"{name}\" (ID de socio {id}). \
         Se ha avisado a cada una de estas direcciones:\n{es}",
        en = list(Language::English),
        es = list(Language::Spanish),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account() -> Account {
        Account {
            partner_id: "P-1".into(),
            display_name: "Acme Tours".into(),
            integrations: vec![],
        }
    }

    #[test]
    fn a_notice_names_the_roles_the_account_who_and_whom_to_ask_in_both_languages() {
        let change = AddressChange {
            email: "ops@acme.example".into(),
            added: vec![ContactField::OperationalGoogle],
            removed: vec![ContactField::TechnicalEmergency],
        };
        let admins = [("Ana Admin".to_owned(), "ana@acme.example".to_owned())];
        let text = notice(&account(), "Eve Editor", &change, &admins);
        for expected in [
            "Eve Editor changed the contact information",
            "\"Acme Tours\" (Partner ID P-1)",
            "- added as the operational contact for Google\n",
            "- removed as the technical emergency contact\n",
            "Ana Admin <ana@acme.example>",
            "- se ha añadido como contacto operativo para Google\n",
            "- se ha quitado como contacto técnico de emergencia\n",
        ] {
            assert!(text.contains(expected), "{expected:?} in:\n{text}");
        }
    }

    #[test]
    fn the_digest_lists_every_address_and_its_roles() {
        let changes = [
            AddressChange {
                email: "new@acme.example".into(),
                added: vec![ContactField::SharedWithUsers],
                removed: vec![],
            },
            AddressChange {
                email: "old@acme.example".into(),
                added: vec![],
                removed: vec![ContactField::SharedWithUsers],
            },
        ];
        let text = digest(&account(), "Eve Editor", &changes);
        assert!(
            text.contains(
                "- new@acme.example: added as the operational contact shared with users\n"
            ),
            "{text}"
        );
        assert!(text.contains("- old@acme.example: se ha quitado como contacto operativo que se comparte con los usuarios\n"), "{text}");
    }
}
