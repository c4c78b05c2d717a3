// Every page: the chat's state in the bar under the header; on the "when support works" page,
// the non-working days of the next 60 days from today.
import { now, zonedParts } from "./astana-clock.js";
import { describeState, loadChatCalendar, watchChatState } from "./chat-state.js";
import { pageSettings } from "./page-settings.js";

const LISTED_DAYS = 60;
loadChatCalendar(); // while the settings come (on a tab's first page; later pages have both)
const config = await pageSettings();
const badge = document.querySelector("[data-chat-badge]");

watchChatState(config, (state, nowMs) => {
  badge.dataset.chatState = state.open ? "open" : "closed";
  badge.textContent = describeState(state, config, nowMs);
});

const calendar = document.querySelector("[data-kb-calendar]");
if (calendar) {
  const day = (ms) => {
    const p = zonedParts(new Date(ms), config.utcOffsetMinutes);
    return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
  };
  const from = day(now().getTime());
  const to = day(now().getTime() + LISTED_DAYS * 864e5);
  let shown = 0;
  for (const item of calendar.querySelectorAll("[data-date]")) {
    item.hidden = !(item.dataset.date >= from && item.dataset.date < to);
    shown += item.hidden ? 0 : 1;
  }
  calendar.querySelector("[data-kb-calendar-none]").hidden = shown > 0;
}
