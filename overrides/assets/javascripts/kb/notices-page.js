// Every page that carries notices: shows each banner, article and form notice while it is on (by
// the clock, looking again at each start, end and update), the latest update only, her own time
// when her zone differs; the banner announces a new notice or update politely once per device, and
// a notice she dismisses stays hidden on this device until a newer update. On /notices/, each
// notice moves to its section (current, planned, past) and its updates appear at their time.
import { now } from "./astana-clock.js";
import { describeWhen, isDismissed, isShown, nextChange, noticeState } from "./notices.js";
import { pageSettings } from "./page-settings.js";

const TICK_MS = 60 * 1000;
const DISMISSED = "kb-notices-dismissed";
const ANNOUNCED = "kb-notices-announced";
const banner = document.querySelector("[data-notices]");
const announcer = document.querySelector("[data-notices-announce]");
const history = document.querySelector("[data-notices-history]");
let timer;

const remembered = (key) => {
  try {
    return JSON.parse(localStorage.getItem(key) || "{}");
  } catch {
    return {};
  }
};
const remember = (key, value) => {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage refused (private mode): the notice simply shows again next time
  }
};

const timesOf = (el) => ({
  kind: el.dataset.kind,
  shownFrom: Number(el.dataset.shownFrom),
  starts: Number(el.dataset.starts),
  ends: el.dataset.ends ? Number(el.dataset.ends) : null,
});

/** Shows the updates reached (only the latest outside /notices/); the instant of the latest, or 0. */
function showUpdates(el, nowMs, onlyLatest) {
  const updates = [...el.querySelectorAll("[data-notice-update]")];
  const latest = Math.max(0, ...updates.map((u) => Number(u.dataset.at)).filter((at) => at <= nowMs));
  for (const update of updates) {
    const at = Number(update.dataset.at);
    update.hidden = onlyLatest ? at !== latest : at > nowMs;
  }
  return latest;
}

function renderNotices(nowMs) {
  const dismissed = remembered(DISMISSED);
  const announced = remembered(ANNOUNCED);
  const fresh = [];
  for (const el of document.querySelectorAll("[data-notice]")) {
    const id = el.dataset.notice;
    const state = noticeState(timesOf(el), nowMs);
    const latest = showUpdates(el, nowMs, true);
    let shown = isShown(state);
    if (el.dataset.noticePlace === "banner") {
      el.querySelector("[data-notice-dismiss]").hidden = false;
      shown &&= !isDismissed(dismissed, id, latest);
      if (shown && announced[id] !== `${state}@${latest}`) {
        announced[id] = `${state}@${latest}`;
        fresh.push(el);
      }
    }
    el.hidden = !shown;
  }
  if (banner) banner.hidden = !banner.querySelector("[data-notice]:not([hidden])");
  if (fresh.length) {
    remember(ANNOUNCED, announced);
    announcer.textContent = fresh
      .map((el) => [el.querySelector(".kb-notice__title"), el.querySelector("[data-notice-update]:not([hidden])")]
        .filter(Boolean).map((p) => p.textContent.trim()).join(" "))
      .join(" ");
  }
}

function renderHistory(nowMs) {
  const entries = [...history.querySelectorAll("[data-notice-entry]")].sort((a, b) => timesOf(b).starts - timesOf(a).starts);
  const section = (name) => history.querySelector(`[data-notices-section="${name}"]`);
  const sectionOf = { active: "current", over: "past", announced: "planned", coming: "planned" };
  for (const entry of entries) {
    showUpdates(entry, nowMs, false);
    const name = sectionOf[noticeState(timesOf(entry), nowMs)];
    if (name === "planned") section(name).prepend(entry); // the soonest first
    else section(name).append(entry);
  }
  for (const list of history.querySelectorAll("[data-notices-section]")) {
    list.previousElementSibling.hidden = list.children.length > 0; // "none" line
  }
}

function render() {
  const nowMs = now().getTime();
  renderNotices(nowMs);
  if (history) renderHistory(nowMs);
  const instants = [...document.querySelectorAll("[data-notice], [data-notice-entry]")].flatMap((el) => {
    const t = timesOf(el);
    return [t.shownFrom, t.starts, t.ends ?? 0, ...[...el.querySelectorAll("[data-notice-update]")].map((u) => Number(u.dataset.at))];
  });
  const next = nextChange(instants, nowMs);
  clearTimeout(timer);
  timer = setTimeout(render, next === null ? TICK_MS : Math.max(50, Math.min(next - nowMs + 50, TICK_MS)));
}

pageSettings().then((config) => {
  for (const el of document.querySelectorAll("[data-notice], [data-notice-entry]")) {
    const when = el.querySelector("[data-notice-when]");
    if (when) when.textContent = describeWhen(timesOf(el), config.utcOffsetMinutes, config.strings);
  }
});

banner?.addEventListener("click", (event) => {
  const button = event.target.closest("[data-notice-dismiss]");
  if (!button) return;
  const notice = button.closest("[data-notice]");
  const dismissed = remembered(DISMISSED);
  dismissed[notice.dataset.notice] = showUpdates(notice, now().getTime(), true);
  remember(DISMISSED, dismissed);
  render();
  // Focus goes on to the next notice still shown, else to the page's title.
  const next = banner.querySelector("[data-notice]:not([hidden]) [data-notice-dismiss]");
  const title = document.querySelector(".md-content h1");
  if (next) next.focus();
  else if (title) {
    title.tabIndex = -1;
    title.focus();
  }
});

render();
