// The user's half-written question, kept in localStorage for 30 days, with what privacy.js finds
// (passwords, codes, IIN, phone numbers) masked in the stored copy: the field on screen keeps them
// until she decides. A stored draft of any shape (another build's tree, values of the wrong type,
// text that is not JSON) restores what still fits the form and keeps the rest readable: her text is
// never thrown away. When storage is refused (private mode, disabled cookies) the form still works
// and says it keeps nothing.
import { mask } from "./privacy.js";

const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
// Every text of the draft masked; the kept text (which she does not edit) once, not at each save.
let keptMasked = ["", ""];
const maskStrings = (key, value) => {
  if (typeof value !== "string") return value;
  if (key !== "kept") return mask(value);
  if (keptMasked[0] !== value) keptMasked = [value, mask(value)];
  return keptMasked[1];
};

export function openDraftStore(lang, storage = globalThis.localStorage) {
  const key = `kb-ask-draft:${lang}`;
  let available = true;
  try {
    storage.setItem(`${key}:probe`, "1");
    storage.removeItem(`${key}:probe`);
  } catch {
    available = false;
  }
  return {
    available,
    /** The stored draft as it was saved (any JSON value), the stored text itself when it is not
     *  JSON, or null: none, or older than 30 days. */
    load(nowMs = Date.now()) {
      if (!available) return null;
      let stored;
      try {
        stored = storage.getItem(key);
      } catch {
        return null;
      }
      if (stored === null) return null;
      let draft;
      try {
        draft = JSON.parse(stored);
      } catch {
        return stored;
      }
      if (Number.isFinite(draft?.savedAt) && !(nowMs - draft.savedAt < MAX_AGE_MS)) {
        storage.removeItem(key);
        return null;
      }
      return draft;
    },
    /** Saves the draft with its secrets masked; `savedAt` (the last edit) starts its 30 days, the
     *  time of saving if absent. */
    save(draft, nowMs = Date.now()) {
      if (!available) return;
      try {
        storage.setItem(key, JSON.stringify({ savedAt: nowMs, ...draft }, maskStrings));
      } catch {
        // Quota exceeded: keep the page working; the last saved draft stays.
      }
    },
    clear() {
      if (available) storage.removeItem(key);
    },
  };
}

const strings = (list) => (Array.isArray(list) ? list.filter((item) => typeof item === "string") : []);
const isRecord = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

/** The readable text in a stored value of any shape: strings and numbers, those inside arrays and
 *  objects one per line; nothing for null, booleans and the like. */
export function textOf(value, depth = 0) {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (!value || typeof value !== "object" || depth > 16) return "";
  return (Array.isArray(value) ? value : Object.values(value))
    .map((item) => textOf(item, depth + 1))
    .filter(Boolean)
    .join("\n");
}

/**
 * Puts a stored draft (any shape) into the form's fields and says what became of it.
 * @param stored  what openDraftStore().load() returned
 * @param fields  Map(node id -> Map(field name -> its input, textarea or select))
 * @returns {{ path: string[], declined: string[], opened: string[], environment: string | null,
 *             rules: boolean, savedAt: number | null, restored: number, kept: string[] }}
 *   `path`, `declined`, `opened`: the strings of the stored lists (the caller checks them against
 *   the tree); `restored`: how many values found their field; `kept`:
 *   the texts that fit nowhere (a field or step gone, an option renamed, a value past the field's
 *   maximum), each readable, with its field's label when the field still exists.
 */
export function restoreDraft(stored, fields, labelOf) {
  const draft = isRecord(stored) ? stored : { lost: stored };
  const kept = [];
  const keep = (text, label) => {
    if (text) kept.push(label ? `${label}: ${text}` : text);
  };
  let restored = 0;
  const steps = isRecord(draft.fields) ? draft.fields : { "": draft.fields };
  for (const [id, values] of Object.entries(steps)) {
    const controls = fields.get(id);
    if (!controls || !isRecord(values)) {
      keep(textOf(values));
      continue;
    }
    for (const [name, value] of Object.entries(values)) {
      const el = controls.get(name);
      if (!el) keep(textOf(value));
      else if (el.type === "checkbox") {
        el.checked = value === true;
        if (value === true) restored++;
      } else {
        const rest = fill(el, textOf(value));
        if (el.value) restored++;
        keep(rest, labelOf(el));
      }
    }
  }
  keep(textOf(draft.kept));
  keep(textOf(draft.lost));
  const environment = typeof draft.environment === "string" ? draft.environment : (keep(textOf(draft.environment)), null);
  return {
    path: strings(draft.path),
    declined: strings(draft.declined),
    opened: strings(draft.opened),
    environment,
    rules: draft.rules === true,
    savedAt: Number.isFinite(draft.savedAt) ? draft.savedAt : null,
    restored,
    kept,
  };
}

/** Sets a field to a text; returns what did not go in ("" when all did): the whole text when the
 *  field refuses it (an option no longer offered, a date in another format), or the part past
 *  the field's maximum length. */
function fill(el, text) {
  if (!text) return "";
  const max = el.maxLength > 0 ? el.maxLength : Infinity;
  const head = text.length > max ? cut(text, max) : text;
  el.value = head;
  // What the field holds when it took the text: a textarea writes line breaks as \n, a one-line
  // input drops them.
  const held = el.tagName === "INPUT" ? head.replace(/[\r\n]/g, "") : head.replace(/\r\n?/g, "\n");
  if (el.value !== held) {
    el.value = "";
    return text;
  }
  return text.slice(head.length).trim();
}

/** The text's first `max` UTF-16 units at most, never splitting a character, and at a space
 *  when there is one in the last fifth. */
function cut(text, max) {
  let end = max;
  if (/[\uDC00-\uDFFF]/.test(text[end])) end--; // the second half of a surrogate pair
  const space = text.lastIndexOf(" ", end);
  return text.slice(0, space > max * 0.8 ? space : end);
}
