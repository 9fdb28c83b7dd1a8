//! The contact information as a file: what an export writes and an import
//! reads, in the app and on the command line. It is the API's own
//! [`ContactInfo`] with what an import needs to be safe: the format's version,
//! the account it belongs to and the version it was exported at.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::ContactInfo;

/// The version of this format; a document of any other version is refused.
pub const DOCUMENT_SCHEMA_VERSION: u32 = 1;

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactInfoDocument {
    /// [`DOCUMENT_SCHEMA_VERSION`] when written.
    pub schema_version: u32,
    /// The Partner ID of the account it was exported from.
    pub partner_id: String,
    /// The version of the contact information when exported (0: never
    /// saved). Importing over any other version is refused as stale.
    pub version: i64,
    pub contact_info: ContactInfo,
}

/// Why a document cannot be imported into an account as it is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentProblem {
    /// Written in a format this version does not read.
    SchemaVersion { found: u32 },
    /// Exported from another account.
    OtherAccount { found: String },
    /// Exported at another version than the account holds now: someone saved
    /// meanwhile, and importing would undo their change.
    Stale { exported: i64, current: i64 },
}

impl fmt::Display for DocumentProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::SchemaVersion { found } => write!(
                f,
                "the file has schema_version {found}; this portal reads version {DOCUMENT_SCHEMA_VERSION}"
            ),
            Self::OtherAccount { found } => {
                write!(f, "the file belongs to the account with Partner ID {found}")
            }
            Self::Stale { exported, current } => write!(
                f,
                "the file was exported at version {exported}, but the account is at version {current} now; export again and make the change on that"
            ),
        }
    }
}

impl ContactInfoDocument {
    pub fn new(partner_id: impl Into<String>, version: i64, contact_info: ContactInfo) -> Self {
        Self {
            schema_version: DOCUMENT_SCHEMA_VERSION,
            partner_id: partner_id.into(),
            version,
            contact_info,
        }
    }

    /// Whether the document can be imported into the account `partner_id`,
    /// whose contact information is at `current_version`. The contact
    /// information itself is checked by the usual validation.
    pub fn check(&self, partner_id: &str, current_version: i64) -> Result<(), DocumentProblem> {
        if self.schema_version != DOCUMENT_SCHEMA_VERSION {
            return Err(DocumentProblem::SchemaVersion {
                found: self.schema_version,
            });
        }
        if self.partner_id != partner_id {
            return Err(DocumentProblem::OtherAccount {
                found: self.partner_id.clone(),
            });
        }
        if self.version != current_version {
            return Err(DocumentProblem::Stale {
                exported: self.version,
                current: current_version,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_fits_only_its_account_at_its_version() {
        let document = ContactInfoDocument::new("P-1", 3, ContactInfo::default());
        assert_eq!(document.check("P-1", 3), Ok(()));
        assert_eq!(
            document.check("P-1", 4),
            Err(DocumentProblem::Stale {
                exported: 3,
                current: 4
            })
        );
        assert!(matches!(
            document.check("P-2", 3),
            Err(DocumentProblem::OtherAccount { .. })
        ));
        let future = ContactInfoDocument {
            schema_version: 2,
            ..document
        };
        assert_eq!(
            future.check("P-1", 3),
            Err(DocumentProblem::SchemaVersion { found: 2 })
        );
    }

    #[test]
    fn the_file_is_the_api_shape_with_three_more_fields_and_nothing_else() {
        let document = ContactInfoDocument::new("P-1", 0, ContactInfo::default());
        let json = serde_json::to_value(&document).unwrap();
        assert_eq!(json["schema_version"], 1);
        assert_eq!(json["partner_id"], "P-1");
        assert_eq!(
            json["contact_info"],
            serde_json::to_value(ContactInfo::default()).unwrap()
        );
        let mut extra = json.clone();
        extra["comment"] = "edited by hand".into();
        assert!(serde_json::from_value::<ContactInfoDocument>(extra).is_err());
        assert_eq!(
            serde_json::from_value::<ContactInfoDocument>(json).unwrap(),
            document
        );
    }
}
