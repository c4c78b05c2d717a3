// When the support chat is open: working days (the build's calendar: holidays, moved days off,
// decreed working weekends) from `opens` to `closes`, Astana time, except while planned maintenance
// closes it (docs/notices.yml). Pure functions of an instant.

import { zonedParts } from "./astana-clock.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const SEARCH_DAYS = 400;

const minutesOf = (hhmm) => {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
};
const pad = (n) => String(n).padStart(2, "0");
const isoDate = (p) => `${p.year}-${pad(p.month)}-${pad(p.day)}`;

/**
 * @param {object} config  {utcOffsetMinutes, workingWeekdays, opens, closes, closures: [{id, from, to}]}
 * @param {object|null} calendar  the build's support-calendar.json, or null when it could not load
 */
export function makeSchedule(config, calendar) {
  const offset = config.utcOffsetMinutes;
  const opens = minutesOf(config.opens);
  const closes = minutesOf(config.closes);
  const covers = (date) => Boolean(calendar) && calendar.first <= date && date <= calendar.last;

  function isWorkingDay(parts) {
    const date = isoDate(parts);
    const special = calendar?.days?.[date];
    if (covers(date) && special) return !special.off;
    return config.workingWeekdays.includes(parts.weekday);
  }

  /** The instant (ms) of a given Astana wall-clock minute on the day of `parts`. */
  const instant = (parts, minutes) =>
    Date.UTC(parts.year, parts.month - 1, parts.day) + (minutes - offset) * 60000;

  const closures = [...(config.closures || [])].sort((a, b) => a.from - b.from);
  const closureAt = (ms) => closures.find((c) => c.from <= ms && ms < c.to);

  /** Today's entry of the calendar when it makes today a day off (a holiday, a decreed day off, a
   * closure): {kind, name: {ru, kk}}; null on a plain weekend or a working day. */
  function dayOff(parts) {
    const date = isoDate(parts);
    const special = covers(date) ? calendar.days?.[date] : null;
    return special?.off ? { kind: special.kind || "day-off", name: special.name } : null;
  }

  /** {open, changeAt, fallback, closure, dayOff}: changeAt is the closing time when open, else the
   * next opening; closure names the maintenance that keeps it closed now; dayOff says why today is
   * not a working day, when the calendar says so. */
  function stateAt(nowMs) {
    const closure = closureAt(nowMs);
    if (closure) return { ...hoursAt(nowMs), open: false, changeAt: reopening(closure), closure: closure.id };
    const state = hoursAt(nowMs);
    if (state.open) {
      const cut = closures.find((c) => c.from > nowMs && c.from < state.changeAt);
      return cut ? { ...state, changeAt: cut.from } : state;
    }
    const inside = state.changeAt !== null && closureAt(state.changeAt);
    return inside ? { ...state, changeAt: reopening(inside) } : state;
  }

  /** The chat's first opening at or after a closure's end. */
  function reopening(closure) {
    const after = stateAt(closure.to);
    return after.open ? closure.to : after.changeAt;
  }

  function hoursAt(nowMs) {
    const today = zonedParts(new Date(nowMs), offset);
    const minute = today.hours * 60 + today.minutes;
    const fallback = !covers(isoDate(today));
    if (isWorkingDay(today) && minute >= opens && minute < closes) {
      return { open: true, changeAt: instant(today, closes), fallback };
    }
    if (isWorkingDay(today) && minute < opens) {
      return { open: false, changeAt: instant(today, opens), fallback };
    }
    const why = dayOff(today);
    for (let i = 1; i <= SEARCH_DAYS; i++) {
      const day = zonedParts(new Date(nowMs + i * DAY_MS), offset);
      if (isWorkingDay(day)) return { open: false, changeAt: instant(day, opens), fallback, dayOff: why };
    }
    return { open: false, changeAt: null, fallback, dayOff: why };
  }

  return { stateAt, isWorkingDay };
}

const encoder = new TextEncoder();

/** A content line folded at 75 octets (RFC 5545, 3.1): CRLF and a space before each further piece,
 *  never inside a UTF-8 sequence (a Kazakh or Russian letter takes two octets, an emoji four). */
export function foldLine(line) {
  const pieces = [];
  let piece = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > (pieces.length ? 74 : 75)) { // a continuation's leading space counts
      pieces.push(piece);
      piece = "";
      octets = 0;
    }
    piece += char;
    octets += size;
  }
  pieces.push(piece);
  return pieces.join("\r\n ");
}

/** An iCalendar event at the chat's next opening, times in UTC, lines folded. */
export function reminderIcs({ startMs, minutes = 30, title, text, nowMs }) {
  const stamp = (ms) => new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  const escape = (value) => value.replace(/([\\;,])/g, "\\$1").replace(/\n/g, "\\n");
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//kindergarten-queue-help//support-chat//EN",
    "BEGIN:VEVENT",
    `UID:support-chat-${startMs}@kindergarten-queue-help`,
    `DTSTAMP:${stamp(nowMs)}`,
    `DTSTART:${stamp(startMs)}`,
    `DTEND:${stamp(startMs + minutes * 60000)}`,
    `SUMMARY:${escape(title)}`,
    `DESCRIPTION:${escape(text)}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ].map(foldLine).join("\r\n") + "\r\n";
}
