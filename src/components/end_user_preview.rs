//! What end users will see: the operational contact shared with them and the
//! support hours, as the saved contact information presents them, with each
//! schedule also shown in the viewer's own time zone.
//!
//! The conversion uses the browser's `Intl.DateTimeFormat`, which knows every
//! zone's offsets and daylight-saving rules, so no time-zone database ships in
//! the wasm. A schedule is converted for the coming week, so the hours shown
//! are the ones that apply now.

use leptos::prelude::*;
use portal_domain::{ContactInfo, SupportSchedule, Weekday};
use wasm_bindgen::{JsCast, JsValue};

use crate::components::contact_form::browser_time_zone;
use crate::i18n::I18n;
use crate::pages::hours_summary;
use crate::state::AccountData;

const MINUTE_MS: f64 = 60_000.0;
const DAY_MS: f64 = 86_400_000.0;

/// A clock on the wall of one time zone, read through `Intl`.
struct ZoneClock(js_sys::Intl::DateTimeFormat);

impl ZoneClock {
    /// `None` when the browser does not know `zone`.
    fn new(zone: &str) -> Option<Self> {
        let options = js_sys::Object::new();
        for (key, value) in [
            ("timeZone", zone),
            ("hourCycle", "h23"),
            ("year", "numeric"),
            ("month", "numeric"),
            ("day", "numeric"),
            ("hour", "numeric"),
            ("minute", "numeric"),
        ] {
            js_sys::Reflect::set(&options, &key.into(), &value.into()).ok()?;
        }
        let constructor = js_sys::Reflect::get(&js_sys::global(), &"Intl".into())
            .and_then(|intl| js_sys::Reflect::get(&intl, &"DateTimeFormat".into()))
            .ok()?;
        let arguments = js_sys::Array::of2(&js_sys::Array::of1(&"en-US".into()), &options);
        // Constructed through `Reflect` so an unknown zone is an error, not a trap.
        js_sys::Reflect::construct(constructor.unchecked_ref::<js_sys::Function>(), &arguments)
            .ok()
            .map(|format| Self(format.unchecked_into()))
    }

    /// The wall time at the instant `utc` (ms), as ms since the epoch as if
    /// that wall time were UTC.
    fn wall(&self, utc: f64) -> f64 {
        let parts = self
            .0
            .format_to_parts(&js_sys::Date::new(&JsValue::from_f64(utc)));
        let mut fields = [0i64; 5];
        for part in parts.iter() {
            let get = |key: &str| {
                js_sys::Reflect::get(&part, &key.into())
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default()
            };
            let slot = match get("type").as_str() {
                "year" => 0,
                "month" => 1,
                "day" => 2,
                "hour" => 3,
                "minute" => 4,
                _ => continue,
            };
            fields[slot] = get("value").parse().unwrap_or_default();
        }
        let [year, month, day, hour, minute] = fields;
        days_from_civil(year, month, day) as f64 * DAY_MS + (hour * 60 + minute) as f64 * MINUTE_MS
    }

    /// The instant at which this zone's wall shows `wall` (ms as in [`Self::wall`]).
    fn instant(&self, wall: f64) -> f64 {
        let guess = wall - (self.wall(wall) - wall);
        wall - (self.wall(guess) - guess)
    }
}

/// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year - era * 400;
    let doy = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Monday = 0 … Sunday = 6, of a wall time in ms.
fn weekday_of(wall: f64) -> usize {
    ((wall / DAY_MS).floor() as i64 + 3).rem_euclid(7) as usize
}

fn minutes_of(time: &str) -> Option<i64> {
    let (h, m) = time.split_once(':')?;
    Some(h.parse::<i64>().ok()? * 60 + m.parse::<i64>().ok()?)
}

fn clock_text(wall: f64) -> String {
    let minutes = (wall.rem_euclid(DAY_MS) / MINUTE_MS).round() as i64;
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// `schedule` as a viewer in `viewer_zone` would live it in the week from
/// `now` (ms since the epoch); `None` when it needs no converting (same zone,
/// every day all day) or either zone is unknown to the browser.
pub fn in_viewer_zone(
    schedule: &SupportSchedule,
    viewer_zone: &str,
    now: f64,
) -> Option<SupportSchedule> {
    let always = schedule.all_day && schedule.days.len() == Weekday::ALL.len();
    if schedule.time_zone == viewer_zone || schedule.days.is_empty() || always {
        return None;
    }
    let theirs = ZoneClock::new(&schedule.time_zone)?;
    let mine = ZoneClock::new(viewer_zone)?;
    let (from, to) = if schedule.all_day {
        (0, 24 * 60)
    } else {
        (minutes_of(&schedule.from)?, minutes_of(&schedule.to)?)
    };
    let today = (theirs.wall(now) / DAY_MS).floor() * DAY_MS;
    let mut days = Vec::new();
    let mut hours = None;
    for day in &schedule.days {
        let ahead = (*day as usize + 7 - weekday_of(today)) % 7;
        let date = today + ahead as f64 * DAY_MS;
        let start = mine.wall(theirs.instant(date + from as f64 * MINUTE_MS));
        let end = mine.wall(theirs.instant(date + to as f64 * MINUTE_MS));
        days.push(Weekday::ALL[weekday_of(start)]);
        hours.get_or_insert((clock_text(start), clock_text(end)));
    }
    let (from, to) = hours?;
    Some(SupportSchedule {
        time_zone: viewer_zone.to_owned(),
        days,
        all_day: false,
        from,
        to,
    })
}

/// The preview card, from the saved contact information.
#[component]
pub fn EndUserPreview() -> impl IntoView {
    let i18n = I18n::expect();
    let contact = AccountData::expect().contact();
    let viewer_zone = browser_time_zone();
    move || {
        let info: ContactInfo = contact.with(|c| c.ready().map(|c| c.contact_info.clone()))?;
        let shared = info.shared_with_users;
        if shared.email.trim().is_empty() {
            return None;
        }
        let now = js_sys::Date::now();
        let t = i18n.t();
        let summary = |s: &SupportSchedule| hours_summary(&t.dashboard, t.form.all_day_summary, s);
        let hours: Vec<(String, Option<String>)> = info
            .support_hours
            .iter()
            .filter(|s| !s.days.is_empty())
            .map(|s| {
                let local = in_viewer_zone(s, &viewer_zone, now)
                    .map(|local| (t.preview.where_you_are)(&summary(&local)));
                (summary(s), local)
            })
            .collect();
        Some(view! {
            <section class="card end-user-preview" aria-labelledby="end-user-preview-heading" data-testid="end-user-preview">
                <h2 class="card__heading" id="end-user-preview-heading">{t.preview.heading}</h2>
                <p class="page__intro">{t.preview.intro}</p>
                <div class="end-user-preview__sample">
                    <h3>{t.preview.title}</h3>
                    <dl>
                        {(!shared.name.trim().is_empty()).then(|| view! {
                            <dt>{t.preview.name}</dt>
                            <dd>{shared.name.clone()}</dd>
                        })}
                        <dt>{t.preview.email}</dt>
                        <dd>{shared.email.clone()}</dd>
                        {(!shared.phone.trim().is_empty()).then(|| view! {
                            <dt>{t.preview.phone}</dt>
                            <dd>{shared.phone.clone()}</dd>
                        })}
                        <dt>{t.preview.hours}</dt>
                        {hours
                            .into_iter()
                            .map(|(theirs, local)| {
                                view! {
                                    <dd>
                                        {theirs}
                                        {local.map(|local| view! { <span class="end-user-preview__local" data-testid="end-user-local-hours">{local}</span> })}
                                    </dd>
                                }
                            })
                            .collect_view()}
                    </dl>
                </div>
            </section>
        })
    }
}
