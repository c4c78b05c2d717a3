// The "before you ask" form: one step of the tree at a time (the step in the URL's #fragment, so
// Back/Forward and shared links work), the composed question, its draft, and the checks made
// before the question leaves the page. Everything the user typed is set as text, never as HTML.
// What only a question's form needs (composing, suggestions and their articles, copying, and the
// caller's `later` part: the hand-off) loads once she leaves the first step, or at once when the
// page opens on a later one: the first step costs none of it.

import { formatDateTime, now } from "./astana-clock.js";
import { openDraftStore, restoreDraft, textOf } from "./draft.js";
import { findSensitive, mask } from "./privacy.js";

const SAVE_DELAY_MS = 300;
const SUGGEST_DELAY_MS = 300;

const formModules = () =>
  Promise.all([import("./compose.js"), import("./suggest.js"), import("./clipboard.js")])
    .then((modules) => Object.assign({}, ...modules));

const fetchList = (url) => fetch(new URL(url, document.baseURI))
  .then((response) => (response.ok ? response.json() : []))
  .catch(() => []);

export function initAskForm(root, { strings: s, edition, utcOffsetMinutes, suggestions: suggestionsUrl }, { later } = {}) {
  const start = root.dataset.start;
  const sections = new Map([...root.querySelectorAll("[data-node]")].map((el) => [el.dataset.node, el]));
  const done = root.querySelector("[data-triage-done]");
  const composer = root.querySelector("[data-triage-composer]");
  const preview = composer.querySelector("[data-triage-message]");
  const environment = composer.querySelector("[data-triage-environment]");
  const rules = composer.querySelector("[data-triage-rules]");
  const privacy = composer.querySelector("[data-triage-privacy]");
  const status = composer.querySelector("[data-triage-status]");
  const suggestions = composer.querySelector("[data-triage-suggestions]");
  const notice = root.querySelector("[data-triage-notice]");
  const kept = root.querySelector("[data-triage-kept]");
  const controls = root.querySelector("[data-triage-controls]");
  const store = openDraftStore(root.dataset.lang);

  let path = [start];
  let current = null;
  let acceptedSensitive = ""; // the sensitive spans the user chose to keep, as a signature
  let pendingAction = null;
  let editedAt = Date.now(); // drafts expire 30 days after the last edit, not the last visit
  const declined = new Set(); // answer steps where she pressed "I still need help"
  const opened = new Set(); // the articles she opened from the form (their links)
  const timers = {};
  let lib = null; // the form's modules, once loaded
  let articles = []; // the articles to suggest, once loaded
  let loading = null;

  const targets = (id) => [...sections.get(id).querySelectorAll("[data-triage-go]")].map((a) => a.dataset.triageGo);

  /** The fewest steps from start to a node reached by a shared link. */
  function pathTo(target) {
    const previous = new Map([[start, null]]);
    const queue = [start];
    for (const id of queue) {
      if (id === target) break;
      for (const next of targets(id)) {
        if (!previous.has(next)) {
          previous.set(next, id);
          queue.push(next);
        }
      }
    }
    const result = [];
    for (let id = target; id; id = previous.get(id)) result.unshift(id);
    return result[0] === start ? result : [start];
  }

  const formOf = (id) => sections.get(id)?.querySelector("[data-triage-form]");
  const controlsOf = (form) => [...form.querySelectorAll("input, textarea, select")];
  const valueOf = (el) => (el.type === "checkbox" ? (el.checked ? s["msg.yes"] : "") : el.value);
  const labelOf = (el) => el.labels[0].firstChild.textContent.trim(); // without "(required)"

  // --- the draft ---------------------------------------------------------------------------
  function snapshot() {
    const fields = {};
    for (const [id] of sections) {
      const form = formOf(id);
      if (!form) continue;
      const values = {};
      for (const el of controlsOf(form)) {
        const value = el.type === "checkbox" ? el.checked : el.value;
        if (value) values[el.name] = value;
      }
      if (Object.keys(values).length) fields[id] = values;
    }
    const draft = {
      path, fields, environment: environment.value, rules: rules.checked, savedAt: editedAt,
      declined: [...declined], opened: [...opened],
    };
    if (!kept.hidden) draft.kept = kept.querySelector("textarea").value;
    return draft;
  }

  function saveSoon() {
    clearTimeout(timers.save);
    timers.save = setTimeout(() => store.save(snapshot()), SAVE_DELAY_MS);
  }

  /** Puts a stored draft of any shape back (draft.js says what fits); returns what to tell her:
   *  "restored", "changed" (the form changed since: some of it is kept apart) or "" (nothing). */
  function restore(stored) {
    const fields = new Map();
    for (const [id] of sections) {
      const form = formOf(id);
      if (form) fields.set(id, new Map(controlsOf(form).map((el) => [el.name, el])));
    }
    const draft = restoreDraft(stored, fields, labelOf);
    if (draft.environment !== null) environment.value = draft.environment;
    rules.checked = draft.rules;
    if (draft.savedAt !== null) editedAt = Math.min(draft.savedAt, Date.now());
    for (const id of draft.declined) declined.add(id);
    for (const href of draft.opened) opened.add(href);
    // When none of her steps is left in the tree, she was at the one form that holds her text.
    const filled = [...fields].filter(([, controls]) => [...controls.values()].some((el) => el.type !== "checkbox" && el.value));
    const walked = walk(draft.path, filled.length === 1 ? filled[0][0] : start);
    path = walked.path;
    keep(draft.kept.join("\n\n"));
    if (draft.kept.length || walked.changed) return "changed";
    return draft.restored ? "restored" : "";
  }

  /** Her stored path as a walk of today's tree: its steps from the start while each follows the
   *  one before; when one no longer does (the tree changed), the shortest way to her last step,
   *  or to `lost` when none of them is left. */
  function walk(ids, lost) {
    const known = ids.filter((id) => sections.has(id));
    if (ids.length && !known.length) return { path: pathTo(lost), changed: true };
    const walked = [start];
    for (const id of known.slice(known[0] === start ? 1 : 0)) {
      if (!targets(walked[walked.length - 1]).includes(id)) break;
      walked.push(id);
    }
    const last = known[known.length - 1];
    if (last && last !== walked[walked.length - 1]) return { path: pathTo(last), changed: true };
    return { path: walked, changed: known.length !== ids.length };
  }

  /** Shows the text of a draft that no longer fits the form (or hides the box when empty). */
  function keep(text) {
    kept.querySelector("textarea").value = text;
    kept.hidden = !text;
  }

  const hasText = () => Object.keys(snapshot().fields).length > 0 || !kept.hidden;

  // --- steps ---------------------------------------------------------------------------------
  function show(id, { focus = true } = {}) {
    if (id !== "solved" && !sections.has(id)) id = start;
    if (id !== "solved") {
      const at = path.indexOf(id);
      if (at >= 0) path = path.slice(0, at + 1);
      else if (targets(path[path.length - 1]).includes(id)) path = [...path, id];
      else path = pathTo(id);
    }
    current = id;
    if (id !== start) loadForm();
    for (const [nodeId, section] of sections) section.hidden = nodeId !== id;
    done.hidden = id !== "solved";
    controls.querySelector("[data-triage-back]").hidden = id !== "solved" && path.length < 2;
    controls.querySelector("[data-triage-restart]").hidden = id === start; // nothing to start over yet
    const section = id === "solved" ? done : sections.get(id);
    if (section.dataset.kind === "form") {
      section.append(composer);
      composer.hidden = !lib; // shown with its modules (loadForm)
      update();
    } else {
      composer.hidden = true;
    }
    saveSoon();
    if (focus) section.querySelector("h2").focus();
  }

  /** The step named in the address's #fragment, "" when it names none (or is no valid escape). */
  function stepInAddress() {
    let id = location.hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // a malformed % escape ("#%"): read as it is written
    }
    return sections.has(id) || id === "solved" ? id : "";
  }

  function go(id) {
    if (location.hash !== `#${id}`) location.hash = id; // hashchange shows it
    else show(id);
  }

  // --- the composed question ----------------------------------------------------------------
  function question() {
    const { composeQuestion, shownDate } = lib;
    const section = sections.get(current);
    const form = formOf(current);
    const role = path.length > 1 ? sections.get(path[0]).querySelector(`[data-triage-go="${CSS.escape(path[1])}"]`) : null;
    // Only the articles of steps where she pressed "I still need help" (not those of a step a
    // shared link skipped), marked when she opened them.
    const articles = path.filter((id) => declined.has(id)).flatMap((id) =>
      [...sections.get(id).querySelectorAll("[data-triage-article] > a")].map((a) => ({
        title: a.textContent.trim(), opened: opened.has(a.getAttribute("href")),
      })));
    // Notices shown on those steps (notices-page.js times them): support need not explain them again.
    const seen = path.filter((id) => declined.has(id)).flatMap((id) =>
      [...sections.get(id).querySelectorAll("[data-notice]:not([hidden])")].map((n) => `«${n.dataset.title}» (${n.dataset.notice})`));
    const notices = seen.length ? [`${s["msg.notice"]}: ${[...new Set(seen)].join("; ")}`] : [];
    const fields = controlsOf(form).map((el) => ({
      label: labelOf(el), value: el.type === "date" ? shownDate(el.value) : valueOf(el), words: el.tagName === "TEXTAREA",
    }));
    return composeQuestion(
      {
        topic: section.dataset.topicTitle,
        words: fields.filter((f) => f.words),
        facts: fields.filter((f) => !f.words),
        role: role?.textContent.trim() || "",
        articles,
        time: formatDateTime(now(), utcOffsetMinutes),
        environment: environment.value,
        screenshots: form.dataset.screenshots ? form.dataset.screenshots.split("\n") : [],
        edition,
      },
      s,
      notices,
    );
  }

  /** The question composed now, shown in the preview: what is copied or sent is what the page shows. */
  function showQuestion() {
    const text = question();
    preview.textContent = text;
    return text;
  }

  function update() {
    if (!lib || !current || !formOf(current)) return;
    showQuestion();
    warnIfSensitive();
  }

  // --- checks before the question leaves the page -------------------------------------------
  function validate() {
    const problems = [];
    for (const el of [...controlsOf(formOf(current)), rules]) {
      const value = el.type === "checkbox" ? el.checked : el.value.trim();
      let message = "";
      if (el.required && !value) {
        message = el === rules ? s["triage.error-rules"]
          : el.tagName === "SELECT" ? s["triage.error-required-choice"] : s["triage.error-required"];
      } else if (el.minLength > 0 && value && value.length < el.minLength) {
        message = s["triage.error-min-length"].replace("{min}", el.minLength).replace("{count}", value.length);
      }
      showError(el, message);
      if (message) problems.push(el);
    }
    if (problems.length) {
      status.textContent = s["triage.errors-summary"];
      problems[0].focus();
    }
    return problems.length === 0;
  }

  const errorIn = (el) => el.closest("[data-triage-field]").querySelector("[data-triage-error]");

  /** The field's message paragraph, made the first time one is needed (the page carries none for
   * the form steps' fields), after its hints, and named by the field's aria-describedby. */
  function errorOf(el) {
    let error = errorIn(el);
    if (!error) {
      error = Object.assign(document.createElement("p"), { className: "triage__error", id: `${el.id}-error`, hidden: true });
      error.dataset.triageError = "";
      el.closest("[data-triage-field]").append(error);
      el.setAttribute("aria-describedby", [el.getAttribute("aria-describedby"), error.id].filter(Boolean).join(" "));
    }
    return error;
  }

  /** A message under a field: an error (the field marked invalid), or a note (`invalid: false`). */
  function showError(el, message, { invalid = true } = {}) {
    const error = errorOf(el);
    error.textContent = message;
    error.hidden = !message;
    if (message && invalid) el.setAttribute("aria-invalid", "true");
    else el.removeAttribute("aria-invalid");
  }

  const sensitiveFields = () => [...controlsOf(formOf(current)), environment].filter((el) => el.type !== "checkbox");

  function sensitiveFound() {
    const kinds = new Set();
    for (const el of sensitiveFields()) for (const span of findSensitive(el.value)) kinds.add(span.kind);
    return ["password", "code", "iin", "phone"].filter((kind) => kinds.has(kind));
  }

  function warnIfSensitive() {
    const kinds = sensitiveFound();
    const signature = kinds.join(",");
    if (!kinds.length || signature === acceptedSensitive) {
      privacy.hidden = true;
      return kinds;
    }
    const names = kinds.map((kind) => s[`triage.privacy-${kind}`]).join(", ");
    privacy.querySelector("[data-triage-privacy-text]").textContent = s["triage.privacy-text"].replace("{found}", names);
    privacy.hidden = false;
    return kinds;
  }

  /** Runs an action on the composed question once it is complete and the user has decided about
   * any password, IIN or phone number in it. */
  function whenReady(action) {
    status.textContent = "";
    if (!validate()) return;
    const kinds = warnIfSensitive();
    if (kinds.length && kinds.join(",") !== acceptedSensitive) {
      pendingAction = action;
      privacy.querySelector("[data-triage-mask]").focus();
      return;
    }
    action(showQuestion()); // the preview follows typing a frame late (requestAnimationFrame)
  }

  function resolvePrivacy(masking) {
    if (masking) {
      for (const el of sensitiveFields()) el.value = mask(el.value);
      status.textContent = s["triage.privacy-masked"];
    } else {
      acceptedSensitive = sensitiveFound().join(",");
    }
    privacy.hidden = true;
    update();
    saveSoon();
    const action = pendingAction;
    pendingAction = null;
    if (action) whenReady(action);
  }

  async function copy(text) {
    status.textContent = (await lib.copyText(text, preview)) ? s["triage.copied"] : s["triage.copy-failed"];
  }

  function download(text) {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const link = Object.assign(document.createElement("a"), { href: url, download: s["triage.download-name"] });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    status.textContent = s["triage.downloaded"];
  }

  // --- suggestions while the description is typed --------------------------------------------
  /** Articles matching what she types, except those she was offered on the way and said did not
   *  help, and only those for her role (the first choice leads to the step named like the role: parent, staff). */
  function suggest(text) {
    const list = suggestions.querySelector("ul");
    const offered = new Set(path.filter((id) => declined.has(id)).flatMap((id) =>
      [...sections.get(id).querySelectorAll("[data-triage-article] > a")].map((a) => a.getAttribute("href"))));
    const role = articles.some((a) => a.role === path[1]) ? path[1] : "";
    const found = lib.suggestArticles(text, articles, articles.length)
      .filter((a) => !offered.has(a.url) && (!role || a.role === "any" || a.role === role))
      .slice(0, 3);
    list.replaceChildren(
      ...found.map((article) => {
        const item = document.createElement("li");
        const link = Object.assign(document.createElement("a"), { href: article.url, textContent: article.title });
        item.append(link);
        return item;
      }),
    );
    suggestions.hidden = found.length === 0;
  }

  // --- wiring --------------------------------------------------------------------------------
  root.classList.add("triage--live");
  controls.hidden = false;
  for (const form of root.querySelectorAll("[data-triage-form]")) {
    form.hidden = false;
    form.addEventListener("submit", (event) => event.preventDefault());
  }

  // The browser cuts a paste longer than the room a field has left (its maxlength): say so, once
  // the paste is in; the whole text is still on her clipboard.
  const cutPastes = new WeakSet();
  root.addEventListener("paste", (event) => {
    const el = event.target;
    if (!(el.maxLength > 0)) return;
    const room = el.maxLength - el.value.length + (el.selectionEnd - el.selectionStart);
    if ((event.clipboardData?.getData("text") ?? "").length > room) cutPastes.add(el);
  });
  root.addEventListener("input", (event) => {
    const el = event.target;
    if (!el.matches("input, textarea, select")) return;
    if (cutPastes.has(el)) {
      cutPastes.delete(el);
      showError(el, s["triage.max-length-cut"].replace("{max}", el.maxLength), { invalid: false });
    } else if (errorIn(el) && !errorIn(el).hidden) showError(el, "");
    editedAt = Date.now();
    requestAnimationFrame(update);
    saveSoon();
    if (el.name === "description" && lib) {
      clearTimeout(timers.suggest);
      timers.suggest = setTimeout(() => suggest(el.value), SUGGEST_DELAY_MS);
    }
  });
  root.addEventListener("change", saveSoon);
  addEventListener("pagehide", () => store.save(snapshot()));
  addEventListener("hashchange", () => show(stepInAddress()));

  controls.querySelector("[data-triage-back]").addEventListener("click", () => {
    go(current === "solved" ? path[path.length - 1] : path[path.length - 2] || start);
  });
  controls.querySelector("[data-triage-restart]").addEventListener("click", (event) => {
    if (hasText() && !confirm(event.currentTarget.dataset.confirm)) return;
    for (const form of root.querySelectorAll("[data-triage-form]")) form.reset();
    rules.checked = false;
    environment.value = lib ? lib.detectEnvironment() : "";
    acceptedSensitive = "";
    declined.clear();
    opened.clear();
    keep("");
    store.clear();
    path = [start];
    go(start);
  });
  // Articles open in the same tab (or a new one): what she opened is kept in the draft.
  const noteArticle = (event) => {
    const link = event.target.closest("[data-triage-article] > a");
    if (link) {
      opened.add(link.getAttribute("href"));
      store.save(snapshot());
    }
  };
  root.addEventListener("auxclick", noteArticle);
  root.addEventListener("click", (event) => {
    noteArticle(event);
    const unresolved = event.target.closest("[data-triage-unresolved]");
    if (unresolved) declined.add(unresolved.closest("[data-node]").dataset.node);
    const restart = event.target.closest(`a[href="#${CSS.escape(start)}"]:not([data-triage-go])`);
    if (restart) path = [start];
  });
  composer.querySelector("[data-triage-copy]").addEventListener("click", () => whenReady(copy));
  composer.querySelector("[data-triage-download]").addEventListener("click", () => whenReady(download));
  privacy.querySelector("[data-triage-mask]").addEventListener("click", () => resolvePrivacy(true));
  privacy.querySelector("[data-triage-keep]").addEventListener("click", () => resolvePrivacy(false));
  kept.querySelector("[data-triage-kept-clear]").addEventListener("click", () => {
    keep("");
    notice.hidden = true;
    saveSoon();
    sections.get(current)?.querySelector("h2").focus();
  });
  setInterval(update, 30000); // the time in the question follows the clock

  // The draft, once every control works: whatever is stored, the form that follows is usable.
  const stored = store.load();
  let restored = "";
  if (stored !== null) {
    try {
      restored = restore(stored);
    } catch (error) {
      console.warn("Draft not restored:", error);
      path = [start];
      keep(textOf(stored));
      restored = "changed";
    }
  }
  const told = !store.available ? "triage.draft-unavailable"
    : restored === "changed" ? "triage.draft-changed" : restored && hasText() ? "triage.draft-restored" : "";
  if (told) {
    notice.textContent = s[told];
    notice.hidden = false;
  }

  const form = {
    whenReady,
    preview,
    get topic() {
      return sections.get(current)?.dataset.topic || "";
    },
  };

  /** Loads what a question's form needs, once; then shows the composer if she is on a form. */
  function loadForm() {
    loading ??= Promise.all([formModules(), fetchList(suggestionsUrl), later?.(form)]).then(([modules, list]) => {
      lib = modules;
      articles = list;
      if (!environment.value) environment.value = lib.detectEnvironment();
      if (formOf(current)) {
        composer.hidden = false;
        update();
        const description = formOf(current).querySelector('[name="description"]');
        if (description?.value) suggest(description.value); // typed while the modules were on their way
      }
    }, (error) => {
      console.warn("The form's modules did not load:", error);
      loading = null; // the next step tries again
    });
    return loading;
  }

  const wanted = stepInAddress();
  const initial = wanted || path[path.length - 1];
  if (!wanted && initial !== start) history.replaceState(null, "", `#${initial}`);
  show(initial, { focus: Boolean(wanted) });
  return form;
}
