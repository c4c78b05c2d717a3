// The user's half-written question, kept in localStorage as typed, for 30 days. When storage is
// refused (private mode, disabled cookies) the form still works and says it keeps nothing.

const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

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
    load(nowMs = Date.now()) {
      if (!available) return null;
      try {
        const draft = JSON.parse(storage.getItem(key));
        if (!draft || typeof draft !== "object") return null;
        if (!(nowMs - draft.savedAt < MAX_AGE_MS)) {
          storage.removeItem(key);
          return null;
        }
        return draft;
      } catch {
        return null;
      }
    },
    /** Saves the draft; `savedAt` (the last edit) starts its 30 days, the time of saving if absent. */
    save(draft, nowMs = Date.now()) {
      if (!available) return;
      try {
        storage.setItem(key, JSON.stringify({ savedAt: nowMs, ...draft }));
      } catch {
        // Quota exceeded: keep the page working; the last saved draft stays.
      }
    },
    clear() {
      if (available) storage.removeItem(key);
    },
  };
}
