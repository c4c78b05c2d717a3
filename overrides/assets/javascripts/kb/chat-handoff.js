// Hands the composed question to the support chat, only while it is open: checks the time again
// at the click, copies the question, then opens the chat (chat-providers.js) and says what really
// happened. While closed: the button is disabled, says when the chat opens, and offers an .ics
// reminder.

import { now } from "./astana-clock.js";
import { handOff } from "./chat-providers.js";
import { describeState, watchChatState } from "./chat-state.js";
import { copyText } from "./clipboard.js";
import { pageSettings } from "./page-settings.js";
import { reminderIcs } from "./support-hours.js";

// What the page says for each outcome of chat-providers.js.
const SAID = {
  "tab-whole": "handoff.tab-whole", "tab-start": "handoff.tab-start", box: "handoff.box", paste: "handoff.paste",
};

export async function initHandoff(block, form) {
  const config = await pageSettings();
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

  /** What the page says: where the question went, and whether it is on the clipboard. */
  function report({ opened, delivered, url }, copied) {
    const parts = [];
    if (opened) parts.push(s[SAID[delivered]]);
    else if (url) {
      const link = Object.assign(document.createElement("a"), { href: url, target: "_blank", rel: "noopener", textContent: s["handoff.chat-link"] });
      parts.push(`${s["handoff.popup-blocked"]} `, link, ".");
    } else parts.push(s["handoff.missing"]);
    parts.push(" ", copied ? s["handoff.copied"] : s["handoff.copy-failed"]);
    status.replaceChildren(...parts);
  }

  button.addEventListener("click", () => {
    const state = watcher?.check();
    if (!state?.open) {
      if (state) render(state, now().getTime());
      return;
    }
    form.whenReady(async (question) => {
      const copied = await copyText(question, form.preview);
      const chat = { ...config.chat, title: s["handoff.data-title"] };
      report(handOff(question, { lang: config.lang, topic: form.topic }, chat), copied);
    });
  });

  watchChatState(config, render).then((w) => (watcher = w));
}
