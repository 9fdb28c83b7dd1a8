//! Operational support hours: one or more schedules, each a time zone, days
//! and hours (or round the clock).

use leptos::prelude::*;
use portal_domain::{
    ContactField, FieldPath, SchedulePart, SupportSchedule, TIME_ZONES, Weekday,
    canonical_time_zone,
};
use wasm_bindgen::JsValue;

use super::messages::FieldMessage;
use super::state::{Form, focus_soon};
use crate::i18n::I18n;

/// The zone the browser runs in, under its canonical name, so a new schedule
/// starts in the user's own zone; UTC if the browser does not say or uses a
/// name we do not know.
pub fn browser_time_zone() -> String {
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new());
    js_sys::Reflect::get(&format.resolved_options(), &JsValue::from_str("timeZone"))
        .ok()
        .and_then(|zone| zone.as_string())
        .and_then(|zone| canonical_time_zone(&zone))
        .unwrap_or("UTC")
        .to_owned()
}

#[component]
pub fn SupportHours(form: Form, browser_zone: StoredValue<String>) -> impl IntoView {
    let i18n = I18n::expect();
    let field = ContactField::SupportHours;
    let whole = FieldPath::contact(field);
    let label_id = form.dom_id("support_hours-label");
    let labelled_by = label_id.clone();
    let purpose_id = form.purpose_id(field);
    let zones_id = form.dom_id("time-zones");
    let add_id = form.dom_id("support_hours-add");
    let len = Memo::new(move |_| form.info.with(|info| info.support_hours.len()));

    let described_by = move || form.field_described_by(field);
    let schedule = {
        let zones_id = zones_id.clone();
        move |index: usize| {
            view! { <Schedule form index count=len zones_id=zones_id.clone() browser_zone /> }
        }
    };
    let add = move |_| {
        let index = len.get_untracked();
        form.add_schedule(&browser_zone.get_value());
        focus_soon(form.path_id(FieldPath::schedule(index, SchedulePart::TimeZone)));
    };

    view! {
        <div
            class="contact-form__field"
            role="group"
            aria-labelledby=labelled_by
            aria-describedby=described_by
            data-testid="field-support_hours"
        >
            <p id=label_id class="contact-form__legend">
                {move || i18n.t().form.labels.support_hours}
            </p>
            <p id=purpose_id class="contact-form__purpose">
                {move || i18n.t().form.support_hours_purpose}
            </p>
            <FieldMessage form path=whole />
            <datalist id=zones_id>
                {TIME_ZONES.iter().map(|zone| view! { <option value=*zone></option> }).collect_view()}
            </datalist>
            <For each=move || 0..len.get() key=|index| *index children=schedule />
            <div class="contact-form__list-actions">
                <button type="button" id=add_id class="button contact-form__button" on:click=add>
                    {move || i18n.t().form.add_schedule}
                </button>
            </div>
        </div>
    }
}

/// One schedule's editor.
#[component]
fn Schedule(
    form: Form,
    index: usize,
    count: Memo<usize>,
    zones_id: String,
    browser_zone: StoredValue<String>,
) -> impl IntoView {
    let i18n = I18n::expect();
    let path = FieldPath::contact(ContactField::SupportHours).item(index);
    let zone_path = path.schedule_part(SchedulePart::TimeZone);
    let all_day_path = path.schedule_part(SchedulePart::AllDay);
    let zone_id = form.path_id(zone_path);
    let zone_hint_id = form.path_id_with(zone_path, "hint");
    let all_day_id = form.path_id(all_day_path);
    let presets_id = form.path_id_with(path, "presets");
    let presets_labelled_by = presets_id.clone();

    let read = move |f: fn(&SupportSchedule) -> String| {
        form.info
            .with(|info| info.support_hours.get(index).map(f).unwrap_or_default())
    };
    let all_day = move || {
        form.info.with(|info| {
            info.support_hours
                .get(index)
                .is_some_and(|schedule| schedule.all_day)
        })
    };
    let preset = move |make: fn(String) -> SupportSchedule| {
        move |_| {
            let zone = read(|s| s.time_zone.clone());
            let zone = if zone.trim().is_empty() {
                browser_zone.get_value()
            } else {
                zone
            };
            form.edit_schedule(path, index, |schedule| *schedule = make(zone));
        }
    };
    let remove = move |_| {
        form.remove_schedule(index);
        let next = index.min(count.get_untracked().saturating_sub(1));
        focus_soon(form.path_id(FieldPath::schedule(next, SchedulePart::TimeZone)));
    };

    let zone_described_by = {
        let zone_hint_id = zone_hint_id.clone();
        move || form.described_by(&zone_hint_id, zone_path)
    };
    let time = {
        move |part: SchedulePart| {
            let time_path = path.schedule_part(part);
            let id = form.path_id(time_path);
            let label = move || {
                if part == SchedulePart::From {
                    i18n.t().form.from_label
                } else {
                    i18n.t().form.to_label
                }
            };
            let value = move || {
                form.info.with(|info| {
                    info.support_hours
                        .get(index)
                        .map(|s| {
                            if part == SchedulePart::From {
                                s.from.clone()
                            } else {
                                s.to.clone()
                            }
                        })
                        .unwrap_or_default()
                })
            };
            let invalid = move || form.shown_error(time_path).map(|_| "true");
            let described_by = move || form.message_ids(time_path).join(" ");
            let touch = move |_| form.touch(time_path);
            let input = {
                move |ev: leptos::ev::Targeted<web_sys::Event, web_sys::HtmlInputElement>| {
                    let value = ev.target().value();
                    form.edit_schedule(time_path, index, |schedule| {
                        if part == SchedulePart::From {
                            schedule.from = value;
                        } else {
                            schedule.to = value;
                        }
                    });
                }
            };
            view! {
                <div class="field contact-form__control--time">
                    <label for=id.clone() class="field__label">
                        {label}
                    </label>
                    <input
                        id=id
                        type="time"
                        class="field__input"
                        data-testid=time_path.to_string()
                        prop:value=value
                        on:input:target=input
                        on:blur=touch
                        aria-invalid=invalid
                        aria-describedby=described_by
                    />
                    <FieldMessage form path=time_path />
                </div>
            }
        }
    };

    view! {
        <fieldset class="contact-form__schedule" data-testid=path.to_string()>
            <legend class="contact-form__schedule-title">
                {move || (i18n.t().form.schedule_n)(index + 1)}
            </legend>
            <div class="contact-form__presets" role="group" aria-labelledby=presets_labelled_by>
                <span id=presets_id class="contact-form__presets-label">
                    {move || i18n.t().form.presets_label}
                </span>
                <button
                    type="button"
                    class="button contact-form__button"
                    on:click=preset(SupportSchedule::twenty_four_seven)
                >
                    {move || i18n.t().form.preset_all_week}
                </button>
                <button
                    type="button"
                    class="button contact-form__button"
                    on:click=preset(SupportSchedule::weekdays_nine_to_five)
                >
                    {move || i18n.t().form.preset_weekdays}
                </button>
            </div>
            <div class="field contact-form__control--zone">
                <label for=zone_id.clone() class="field__label">
                    {move || i18n.t().form.time_zone_label}
                </label>
                <p id=zone_hint_id class="field__hint">
                    {move || i18n.t().form.time_zone_hint}
                </p>
                <input
                    id=zone_id
                    type="text"
                    list=zones_id
                    autocomplete="off"
                    spellcheck="false"
                    class="field__input"
                    data-testid=zone_path.to_string()
                    prop:value=move || read(|s| s.time_zone.clone())
                    on:input:target=move |ev| {
                        let value = ev.target().value();
                        form.edit_schedule(zone_path, index, |s| s.time_zone = value);
                    }
                    on:blur=move |_| form.touch(zone_path)
                    aria-invalid=move || form.shown_error(zone_path).map(|_| "true")
                    aria-describedby=zone_described_by
                />
                <FieldMessage form path=zone_path />
            </div>
            <SchedulePartDays form index />
            <div class="contact-form__check">
                <input
                    type="checkbox"
                    id=all_day_id.clone()
                    class="contact-form__checkbox"
                    prop:checked=all_day
                    on:change:target=move |ev| {
                        let on = ev.target().checked();
                        form.edit_schedule(
                            all_day_path,
                            index,
                            |schedule| {
                                schedule.all_day = on;
                                if on {
                                    schedule.from = "00:00".to_owned();
                                    schedule.to = "24:00".to_owned();
                                } else {
                                    schedule.from.clear();
                                    schedule.to.clear();
                                }
                            },
                        );
                    }
                />
                <label for=all_day_id class="contact-form__choice-label">
                    {move || i18n.t().form.all_day_label}
                </label>
            </div>
            <Show when=move || !all_day()>
                <div class="contact-form__times">
                    {time(SchedulePart::From)} {time(SchedulePart::To)}
                </div>
            </Show>
            <Show when=move || { count.get() > 1 }>
                <button
                    type="button"
                    class="button contact-form__button contact-form__remove"
                    on:click=remove
                >
                    {move || (i18n.t().form.remove_schedule)(index + 1)}
                </button>
            </Show>
        </fieldset>
    }
}

/// The days of one schedule: a checkbox a day, their hint and their message.
#[component]
fn SchedulePartDays(form: Form, index: usize) -> impl IntoView {
    let i18n = I18n::expect();
    let days_path = FieldPath::schedule(index, SchedulePart::Days);
    let days_legend_id = form.path_id_with(days_path, "legend");
    let days_hint_id = form.path_id_with(days_path, "hint");
    let days_described_by = {
        let days_hint_id = days_hint_id.clone();
        move || form.described_by(&days_hint_id, days_path)
    };
    // Each day's checkbox says so too: the error is about the choice of days.
    let days_invalid = move || form.shown_error(days_path).map(|_| "true");

    let day = {
        move |day: Weekday| {
            let id = form.path_id_with(days_path, day.as_str());
            let checked = move || {
                form.info.with(|info| {
                    info.support_hours
                        .get(index)
                        .is_some_and(|schedule| schedule.days.contains(&day))
                })
            };
            view! {
                <div class="contact-form__day">
                    <input
                        type="checkbox"
                        id=id.clone()
                        class="contact-form__checkbox"
                        aria-invalid=days_invalid
                        prop:checked=checked
                        on:change:target=move |ev| {
                            let on = ev.target().checked();
                            form.edit_schedule(
                                days_path,
                                index,
                                |schedule| {
                                    schedule.days.retain(|d| *d != day);
                                    if on {
                                        schedule.days.push(day);
                                        schedule.days.sort_unstable();
                                    }
                                },
                            );
                        }
                    />
                    <label for=id class="contact-form__choice-label">
                        {move || i18n.t().form.day(day)}
                    </label>
                </div>
            }
        }
    };

    view! {
    <fieldset
        class="contact-form__days"
        aria-describedby=days_described_by
        on:focusout=move |_| form.touch(days_path)
    >
        <legend id=days_legend_id class="field__label">
            {move || i18n.t().form.days_label}
        </legend>
        <p id=days_hint_id class="field__hint">{move || i18n.t().form.days_hint}</p>
        <FieldMessage form path=days_path />
        <div class="contact-form__day-list">
            {Weekday::ALL.into_iter().map(day).collect_view()}
        </div>
    </fieldset>
    }
}
