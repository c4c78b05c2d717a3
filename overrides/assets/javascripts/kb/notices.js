// Known problems and planned work (docs/notices.yml), timed in the browser from the clock like the
// chat's hours: a notice shows from its start, or its announcement for planned maintenance, to its
// end, without a rebuild. Pure functions of instants (ms); the page's part is notices-page.js.

import { formatDateTime } from "./astana-clock.js";

/** "coming" (not shown yet), "announced", "active" or "over". */
export function noticeState({ shownFrom, starts, ends }, nowMs) {
  if (ends !== null && nowMs >= ends) return "over";
  if (nowMs >= starts) return "active";
  return nowMs >= shownFrom ? "announced" : "coming";
}

export const isShown = (state) => state === "active" || state === "announced";

/** The first of these instants after now, or null: when the page must look again. */
export function nextChange(instants, nowMs) {
  const later = instants.filter((ms) => ms > nowMs);
  return later.length ? Math.min(...later) : null;
}

/** A dismissal hides a notice until an update newer than the one she saw when she dismissed it. */
export function isDismissed(dismissed, id, latestUpdateAt) {
  return Object.hasOwn(dismissed, id) && dismissed[id] >= latestUpdateAt;
}

/** "С 08.12.2026 10:00 до 08.12.2026 14:00 (время Астаны); у вас 08.12.2026 08:00 – 12:00", or
 * "Началось …": the window of planned maintenance, else the start; her own time when it differs. */
export function describeWhen({ kind, starts, ends }, offsetMinutes, s) {
  const window = kind === "maintenance" && ends !== null;
  const at = (ms, offset) => formatDateTime(new Date(ms), offset);
  let text = window
    ? s["notices.when-window"].replace("{start}", at(starts, offsetMinutes)).replace("{end}", at(ends, offsetMinutes))
    : s["notices.when-since"].replace("{start}", at(starts, offsetMinutes));
  const local = -new Date(starts).getTimezoneOffset();
  if (local !== offsetMinutes) {
    const time = window ? `${at(starts, local)} – ${at(ends, local)}` : at(starts, local);
    text += `; ${s["notices.when-local"].replace("{time}", time)}`;
  }
  return `${text}.`;
}
