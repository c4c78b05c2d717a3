// The chat's state as the page shows it: loads the calendar, trusts the server's clock when the
// device's is more than five minutes off, and tells subscribers at every opening and closing
// without a reload. Every element showing the state carries data-chat-state="open"|"closed".

import { formatDateTime, now, setClockSkew, zonedParts } from "./astana-clock.js";
import { makeSchedule } from "./support-hours.js";

const SKEW_LIMIT_MS = 5 * 60 * 1000;
const TICK_MS = 60 * 1000;

// The build's calendar (support_kb/calendar/calendar_page.py), named from this script's folder.
const CALENDAR = new URL("../../support-calendar.json", import.meta.url);
// The server's clock minus the device's, measured on a tab's first page: the calendar's name
// changes with each build and browsers keep it (immutable), so only that first page asks the
// server again, for the Date of a fresh answer.
const SKEW_KEY = "kb-clock-skew";

function measuredSkew() {
  try {
    const value = sessionStorage.getItem(SKEW_KEY);
    return value === null || Number.isNaN(Number(value)) ? null : Number(value);
  } catch {
    return null; // storage refused: measured on every page
  }
}

async function loadCalendar(url) {
  const known = measuredSkew();
  try {
    const response = await fetch(url, known === null ? { cache: "no-cache" } : {});
    if (!response.ok) return { calendar: null, skew: known };
    const serverDate = Date.parse(response.headers.get("Date") || "");
    let skew = known;
    if (known === null && !Number.isNaN(serverDate)) {
      skew = serverDate - Date.now();
      try {
        sessionStorage.setItem(SKEW_KEY, String(skew));
      } catch {
        // storage refused: measured again on the next page
      }
    }
    return { calendar: await response.json(), skew };
  } catch {
    return { calendar: null, skew: known };
  }
}

/** Words for a moment in a zone: "сегодня в 18:00", "в понедельник в 09:00", "04.01 в 09:00". */
export function describeMoment(ms, offsetMinutes, nowMs, s) {
  const day = zonedParts(new Date(ms), offsetMinutes);
  const today = zonedParts(new Date(nowMs), offsetMinutes);
  const days = Math.round((Date.UTC(day.year, day.month - 1, day.day) - Date.UTC(today.year, today.month - 1, today.day)) / 864e5);
  const time = formatDateTime(new Date(ms), offsetMinutes).slice(-5);
  let name;
  if (days === 0) name = s["chat.today"];
  else if (days === 1) name = s["chat.tomorrow"];
  else if (days < 7) name = s["chat.weekdays"].split("|")[day.weekday - 1];
  else name = formatDateTime(new Date(ms), offsetMinutes).slice(0, 5);
  return { day: name, time };
}

// How a number takes its unit word. The unit strings (chat.days, chat.hours, chat.minutes) hold the
// forms separated by "|": Russian one|few|many («1 день», «2 дня», «5 дней», «21 день»); Kazakh
// keeps one form after a number and puts the ending of «…кейін» on the last word only
// («1 күн 22 сағаттан кейін»), so its forms are plain|ablative.
const RUSSIAN_PLURAL = new Intl.PluralRules("ru");
const UNIT_FORM = {
  ru: (n, forms) => forms[{ one: 0, few: 1 }[RUSSIAN_PLURAL.select(n)] ?? 2],
  kk: (n, forms, last) => forms[last ? 1 : 0],
};

/** "через 1 день 22 часа", "1 күн 22 сағаттан кейін": days and hours, or hours and minutes. */
export function describeDuration(ms, s, lang) {
  const minutes = Math.max(1, Math.ceil(ms / 60000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = d ? 0 : minutes % 60;
  const units = [[d, "chat.days"], [h, "chat.hours"], [m, "chat.minutes"]].filter(([n]) => n);
  const words = units.map(([n, key], i) => `${n} ${UNIT_FORM[lang](n, s[key].split("|"), i === units.length - 1)}`);
  return s["chat.in"].replace("{duration}", words.join(" "));
}

/** The sentence for the state, with the user's own time when their zone is not Astana's; on a
 * holiday or a decreed day off, first why («Сегодня праздник — День Независимости.»). */
export function describeState(state, config, nowMs) {
  const s = config.strings;
  const offset = config.utcOffsetMinutes;
  const at = describeMoment(state.changeAt, offset, nowMs, s);
  const why = state.dayOff && !state.closure ? `${s[state.dayOff.kind === "holiday" ? "chat.holiday" : "chat.day-off"]
    .replace("{name}", state.dayOff.name[config.lang])} ` : "";
  let text = state.open
    ? s["chat.open"].replace("{time}", at.time)
    : why + s[state.closure ? "chat.closed-notice" : "chat.closed"].replace("{day}", at.day).replace("{time}", at.time);
  const localOffset = -new Date(state.changeAt).getTimezoneOffset();
  if (localOffset !== offset) {
    const local = describeMoment(state.changeAt, localOffset, nowMs, s);
    text += `; ${s["chat.local"].replace("{day}", local.day).replace("{time}", local.time)}`;
  }
  text += `, ${describeDuration(state.changeAt - nowMs, s, config.lang)}.`;
  if (state.fallback) text += ` ${s["chat.fallback"]}`;
  return text;
}

let calendarRequest = null; // one calendar request per page, whoever watches
let loading = null;

/** Starts loading the calendar (once per page), e.g. before the page's settings are in. */
export function loadChatCalendar() {
  calendarRequest ??= loadCalendar(CALENDAR);
  return calendarRequest;
}

function schedule(config) {
  loading ??= loadChatCalendar().then(({ calendar, skew }) => {
    if (skew !== null && Math.abs(skew) > SKEW_LIMIT_MS) setClockSkew(skew);
    return makeSchedule(config, calendar);
  });
  return loading;
}

/** Starts watching; `listener(state, nowMs)` runs now, at every opening and closing, and each
 * minute. Resolves to {check()}, the state at this very moment. */
export async function watchChatState(config, listener) {
  const hours = await schedule(config);
  let timer;
  const check = () => {
    const nowMs = now().getTime();
    const state = hours.stateAt(nowMs);
    listener(state, nowMs);
    clearTimeout(timer);
    const untilChange = state.changeAt === null ? TICK_MS : state.changeAt - nowMs;
    timer = setTimeout(check, Math.max(50, Math.min(untilChange + 50, TICK_MS)));
  };
  check();
  return { check: () => hours.stateAt(now().getTime()) };
}
