// Adapters to the chat systems a portal runs, each through its vendor's documented JavaScript API
// or link format. None loads anything: a widget is on the page only if the portal's page includes
// it. Each returns what happened, so that the page says only what is true:
//   {opened, delivered, url}, delivered one of
//   tab-whole: a new tab's address carries the whole question;  tab-start: only its beginning;
//   box: the whole question is in the widget's message box;  paste: the widget opened, she pastes
//   the question (the operator also sees it beside the conversation);  none: nothing opened.

import { chatUrl } from "./chat-address.js";

const MISSING = { opened: false, delivered: "none", url: "" };

/** An address the page opens in a new tab (the chat's own page, Telegram, WhatsApp). */
function link(template) {
  return (question, details, chat) => {
    const { url, shortened } = chatUrl(template(chat), { message: question, ...details }, chat.max_url_length);
    const tab = window.open(url, "_blank");
    if (tab) tab.opener = null;
    return { opened: Boolean(tab), delivered: shortened ? "tab-start" : "tab-whole", url };
  };
}

// Bitrix24 Open Lines hands its widget over once, in the `onBitrixLiveChat` event, when it loads.
let bitrixWidget = null;
if (typeof window !== "undefined") {
  window.addEventListener("onBitrixLiveChat", (event) => { bitrixWidget = event.detail?.widget || null; });
}

export const providers = {
  url: link((chat) => chat.url),
  // t.me/<username>?text= and wa.me/<digits>?text= put the text in the message box of the app.
  telegram: link((chat) => `https://t.me/${chat.telegram}?text={message}`),
  whatsapp: link((chat) => `https://wa.me/${chat.whatsapp}?text={message}`),

  /** The portal's own function: window[function](question, {lang, topic}). */
  function(question, details, chat) {
    const open = window[chat.function];
    if (typeof open !== "function") return MISSING;
    open(question, details);
    return { opened: true, delivered: "box", url: "" };
  },

  /** Intercom: opens the messenger with the message composer filled in. */
  intercom(question) {
    if (typeof window.Intercom !== "function") return MISSING;
    window.Intercom("showNewMessage", question);
    return { opened: true, delivered: "box", url: "" };
  },

  /** Crisp: fills the chatbox's message text, then opens the chatbox. */
  crisp(question) {
    if (typeof window.$crisp?.push !== "function") return MISSING;
    window.$crisp.push(["set", "message:text", [question]]);
    window.$crisp.push(["do", "chat:open"]);
    return { opened: true, delivered: "box", url: "" };
  },

  /** Chatwoot cannot fill the message box: the question goes to a conversation attribute the
   *  operator sees beside the conversation, and she pastes it. */
  chatwoot(question, details, chat) {
    const widget = window.$chatwoot;
    if (typeof widget?.toggle !== "function") return MISSING;
    widget.setConversationCustomAttributes({ [chat.attribute]: question });
    widget.toggle("open");
    return { opened: true, delivered: "paste", url: "" };
  },

  /** Jivo cannot fill the message box either: the question goes to the custom data the operator
   *  sees in the visitor's card, and she pastes it. */
  jivo(question, details, chat) {
    const api = window.jivo_api;
    if (typeof api?.open !== "function") return MISSING;
    api.setCustomData([{ title: chat.title, content: question }]);
    const result = api.open({ start: "chat" });
    return result?.result === "fail" ? MISSING : { opened: true, delivered: "paste", url: "" };
  },

  /** Bitrix24 Open Lines: the question goes to the data the operator sees in the dialog. */
  bitrix24(question, details, chat) {
    if (!bitrixWidget) return MISSING;
    bitrixWidget.setCustomData([{ GRID: [{ NAME: chat.title, VALUE: question, DISPLAY: "BLOCK" }] }]);
    bitrixWidget.open();
    return { opened: true, delivered: "paste", url: "" };
  },
};

/** Hands the question to the configured chat. */
export function handOff(question, details, chat) {
  return providers[chat.provider](question, details, chat);
}
