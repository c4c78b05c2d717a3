// What the pages' scripts read from the build, the same on every page of a language: the chat's
// hours and hand-off settings, the maintenance windows that close it, the interface strings the
// scripts write (support_kb/calendar/calendar_page.py). One file per language, named here from this
// script's folder, so that the build gives it its content-hashed name: a browser keeps it
// (immutable) and a next page asks for nothing; a page of an older build still open loads its own.
const FILES = {
  ru: new URL("../../page-settings/ru.json", import.meta.url),
  kk: new URL("../../page-settings/kk.json", import.meta.url),
};

let loading = null; // one request per page, whoever asks

/** The settings of the page's language (<html lang>). */
export function pageSettings() {
  loading ??= (async () => {
    const file = FILES[document.documentElement.lang];
    if (!file) throw new Error(`no settings for the language "${document.documentElement.lang}"`);
    const response = await fetch(file);
    if (!response.ok) throw new Error(`${file}: ${response.status}`);
    return response.json();
  })();
  return loading;
}
