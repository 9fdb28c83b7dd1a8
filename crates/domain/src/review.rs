//! The yearly review: contact information is confirmed as still correct at
//! least once a year. A while before the year is up the portal reminds the
//! people who can edit it; once the year is up the onboarding gate locks the
//! portal again until someone reviews it (saves it, or confirms it unchanged).

use serde::{Deserialize, Serialize};

const DAY_SECS: i64 = 86_400;

/// When to remind and when to lock, in days after the last review. Server
/// settings; these are their defaults (about 11 and 12 months).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReviewPolicy {
    pub remind_after_days: u32,
    pub lock_after_days: u32,
}

impl Default for ReviewPolicy {
    fn default() -> Self {
        Self {
            remind_after_days: 335,
            lock_after_days: 365,
        }
    }
}

/// Where an account's contact information stands in its review year.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewState {
    /// Reviewed recently enough, or never saved (the gate asks for it anyway).
    Current,
    /// Time to review: a reminder for administrators and editors.
    Due,
    /// The year is up: the portal is locked until someone reviews.
    Overdue,
}

impl ReviewPolicy {
    /// `None` when the remind day is not before the lock day, or either is 0.
    pub fn new(remind_after_days: u32, lock_after_days: u32) -> Option<Self> {
        (remind_after_days > 0 && remind_after_days < lock_after_days).then_some(Self {
            remind_after_days,
            lock_after_days,
        })
    }

    /// Unix time at which a review made at `reviewed_at` becomes due.
    pub fn remind_at(&self, reviewed_at: i64) -> i64 {
        reviewed_at + i64::from(self.remind_after_days) * DAY_SECS
    }

    /// Unix time at which a review made at `reviewed_at` runs out.
    pub fn lock_at(&self, reviewed_at: i64) -> i64 {
        reviewed_at + i64::from(self.lock_after_days) * DAY_SECS
    }

    pub fn state(&self, reviewed_at: i64, now: i64) -> ReviewState {
        if now >= self.lock_at(reviewed_at) {
            ReviewState::Overdue
        } else if now >= self.remind_at(reviewed_at) {
            ReviewState::Due
        } else {
            ReviewState::Current
        }
    }
}

/// `GET /api/v1/account/contact-info/review`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewStatus {
    pub state: ReviewState,
    /// When it was last reviewed (saved or confirmed), and by whom; `None`
    /// before the first save. RFC 3339, UTC.
    pub reviewed_at: Option<String>,
    pub reviewed_by: Option<String>,
    /// When the reminder starts, and when the portal locks.
    pub remind_at: Option<String>,
    pub lock_at: Option<String>,
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn a_review_is_current_then_due_then_overdue() {
        let policy = ReviewPolicy::default();
        let reviewed = 1_000_000_000;
        let day = |n: i64| reviewed + n * DAY_SECS;
        assert_eq!(policy.state(reviewed, reviewed), ReviewState::Current);
        assert_eq!(policy.state(reviewed, day(335) - 1), ReviewState::Current);
        assert_eq!(policy.state(reviewed, day(335)), ReviewState::Due);
        assert_eq!(policy.state(reviewed, day(365) - 1), ReviewState::Due);
        assert_eq!(policy.state(reviewed, day(365)), ReviewState::Overdue);
        assert_eq!(policy.state(reviewed, day(3650)), ReviewState::Overdue);
    }

    #[test]
    fn the_reminder_must_come_before_the_lock() {
        assert_eq!(ReviewPolicy::new(335, 365), Some(ReviewPolicy::default()));
        assert_eq!(ReviewPolicy::new(365, 365), None);
        assert_eq!(ReviewPolicy::new(0, 30), None);
        assert!(ReviewPolicy::new(1, 2).is_some());
    }

    proptest! {
        /// Time only moves a review forward: never from overdue back to due,
        /// or from due back to current.
        #[test]
        fn the_state_never_goes_back_as_time_passes(
            remind in 1u32..400,
            extra in 1u32..400,
            reviewed in 0i64..2_000_000_000,
            earlier in 0i64..100_000_000,
            later in 0i64..100_000_000,
        ) {
            let policy = ReviewPolicy::new(remind, remind + extra).unwrap();
            let (a, b) = (reviewed + earlier.min(later), reviewed + earlier.max(later));
            let rank = |s: ReviewState| match s {
                ReviewState::Current => 0,
                ReviewState::Due => 1,
                ReviewState::Overdue => 2,
            };
            prop_assert!(rank(policy.state(reviewed, a)) <= rank(policy.state(reviewed, b)));
        }

        /// A new review always starts the year again.
        #[test]
        fn a_review_today_is_current(remind in 1u32..400, extra in 1u32..400, now in 0i64..4_000_000_000) {
            let policy = ReviewPolicy::new(remind, remind + extra).unwrap();
            prop_assert_eq!(policy.state(now, now), ReviewState::Current);
        }
    }
}
