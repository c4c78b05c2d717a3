// Hands the composed question to the support chat, only while it is open: checks the time again
// at the click, copies the question, then opens the chat (an address or the portal's widget).
// While closed: the button is disabled, says when the chat opens, and offers an .ics reminder.

import { now } from "./astana-clock.js";
import { describeState, watchChatState } from "./chat-state.js";
import { copyText } from "./clipboard.js";
import { reminderIcs } from "./support-hours.js";

const ELLIPSIS = "…";

/** The chat address with the question; shortened to fit `max` characters when needed. */
export function chatUrl(template, { message, lang, topic }, max) {
  const fill = (text) =>
    template
      .replaceAll("{lang}", encodeURIComponent(lang))
      .replaceAll("{topic}", encodeURIComponent(topic))
      .replaceAll("{message}", encodeURIComponent(text));
  const full = fill(message);
  if (full.length <= max) return { url: full, shortened: false };
  let low = 0;
  let high = message.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fill(message.slice(0, mid) + ELLIPSIS).length <= max) low = mid;
    else high = mid - 1;
  }
  return { url: fill(message.slice(0, low) + ELLIPSIS), shortened: true };
}

export function initHandoff(block, form, config) {
  const s = config.strings;
  const button = block.querySelector("[data-handoff-send]");
  const stateText = block.querySelector("[data-handoff-state]");
  const reminder = block.querySelector("[data-handoff-reminder]");
  const status = block.querySelector("[data-handoff-status]");
  let watcher = null;

  function render(state, nowMs) {
    block.dataset.chatState = state.open ? "open" : "closed";
    button.disabled = !state.open;
    // Closed is said once: the state's sentence, then what happens to the question.
    stateText.textContent = state.open ? describeState(state, config, nowMs) : `${describeState(state, config, nowMs)} ${s["handoff.closed"]}`;
    if (reminder.href.startsWith("blob:")) URL.revokeObjectURL(reminder.href);
    reminder.hidden = state.open || state.changeAt === null;
    if (!reminder.hidden) {
      const ics = reminderIcs({ startMs: state.changeAt, title: s["handoff.reminder-title"], text: s["handoff.reminder-text"], nowMs });
      reminder.href = URL.createObjectURL(new Blob([ics], { type: "text/calendar;charset=utf-8" }));
      reminder.download = s["handoff.reminder-file"];
    }
  }

  function openChat(message) {
    const details = { message, lang: config.lang, topic: form.topic };
    if (config.chat.mode === "widget") {
      window[config.chat.function]?.(message, { lang: details.lang, topic: details.topic });
      return { shortened: false, opened: typeof window[config.chat.function] === "function", url: "" };
    }
    const { url, shortened } = chatUrl(config.chat.url, details, config.chat.max_url_length);
    const chat = window.open(url, "_blank");
    if (chat) chat.opener = null;
    return { shortened, opened: Boolean(chat), url };
  }

  button.addEventListener("click", () => {
    const state = watcher?.check();
    if (!state?.open) {
      if (state) render(state, now().getTime());
      return;
    }
    form.whenReady(async (message) => {
      await copyText(message, form.preview);
      const { shortened, opened, url } = openChat(message);
      status.replaceChildren(shortened ? s["handoff.long"] : s["handoff.sent"]);
      if (!opened && url) {
        const link = Object.assign(document.createElement("a"), { href: url, target: "_blank", rel: "noopener", textContent: s["handoff.chat-link"] });
        status.replaceChildren(`${s["handoff.popup-blocked"]} `, link);
      }
    });
  });

  watchChatState(config, render).then((w) => (watcher = w));
}
