// How a word is compared, the same way in the site's search (worker.js) and in the form's article
// suggestions (kb/suggest.js): lower case, ё as е, Latin look-alikes inside Cyrillic words made
// Cyrillic, Kazakh letters folded to what people type instead, endings written as they sound, and
// the word's stems (Russian Snowball for Russian, the light Kazakh stemmer for Kazakh). Also what
// a query may have meant: the same keys on the other layout (Latin or Russian), the Kazakh layout's
// digit-row letters typed as digits, Latin letters read as Cyrillic, and how far a typo may be.
// The tables are support_kb/search_folding.json (Python twin: support_kb/search_folding.py), which
// the build copies next to this module.
import { fold as foldKazakh, stems as kazakhStems, rulesLoaded } from "./kazakh-stem.js";
import { russianStem } from "./russian-stem.js";

const FOLDING_URL = new URL("./search-folding.json", import.meta.url);
const WORD = /[\p{L}\p{N}]+/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /[a-z]/;
// Latin letters that look like Cyrillic ones, as they slip into a word typed on the wrong layout.
const LATIN_LOOK_ALIKES = {
  a: "а", b: "в", c: "с", e: "е", h: "һ", i: "і", k: "к", m: "м", o: "о", p: "р", t: "т", x: "х", y: "у",
};

/** A word as compared: lower case, NFC, ё as е, Latin look-alikes made Cyrillic in Cyrillic words. */
export function normalise(word) {
  let w = word.normalize("NFC").toLowerCase().replaceAll("ё", "е");
  if (CYRILLIC.test(w) && LATIN.test(w)) w = w.replace(/[a-z]/g, (ch) => LATIN_LOOK_ALIKES[ch] ?? ch);
  return w;
}

/** Kazakh letters (and a Latin i) folded to their look-alikes: "өтініш" -> "отиниш". */
export const fold = (word) => foldKazakh(word);

const withoutAbout = (table) => Object.fromEntries(Object.entries(table).filter(([k]) => k !== "about"));
const longestFirst = (table) => Object.entries(withoutAbout(table)).sort((a, b) => b[0].length - a[0].length);

/** search_folding.json, ready to use. */
export function compileFolding(data) {
  const keyboard = withoutAbout(data.keyboard);
  return {
    keyboard,
    latinKeys: Object.fromEntries(Object.entries(keyboard).filter(([latin]) => /^[a-z]$/.test(latin)).map(([l, c]) => [c, l])),
    digitRow: withoutAbout(data.kazakh_digit_row),
    passes: data.latin.passes.map(longestFirst),
    endings: Object.fromEntries(Object.entries(withoutAbout(data.endings)).map(([lang, e]) => [lang, longestFirst(e)])),
    typos: withoutAbout(data.typos),
  };
}

let folding = compileFolding({
  keyboard: {}, kazakh_digit_row: {}, latin: { passes: [] }, endings: {}, typos: { one_edit_from: Infinity, two_edits_from: Infinity },
});
const foldingLoaded = (async () => {
  try {
    const response = await fetch(FOLDING_URL);
    if (!response.ok) throw new Error(`${response.status} ${FOLDING_URL}`);
    folding = compileFolding(await response.json());
  } catch (error) {
    console.warn("Search folding rules not loaded:", error); // search still works, without them
  }
})();

/** What `text`, typed on the Latin layout, would have been on the Russian one: "gfhjkm" -> "пароль". */
export function fromKeyboard(text) {
  let out = "";
  for (const ch of text.toLowerCase()) out += folding.keyboard[ch] ?? ch;
  return out;
}

/** What a word, typed on the Russian layout, would have been on the Latin one, when every key of it is
 *  a Latin letter there ("тсфдфнук" -> "ncalayer"), else null. */
export function toLatinKeys(word) {
  let out = "";
  for (const ch of word.toLowerCase()) {
    const latin = folding.latinKeys[ch];
    if (!latin) return null;
    out += latin;
  }
  return out;
}

const DIGIT_ROW_WORD = /[\p{L}\p{N}=-]+/gu;

/** Words typed on the Russian layout by the keys of the Kazakh layout's digit row, with those keys
 *  read as the Kazakh letters ("-т3н3ш м2ртебес3" -> "өтініш мәртебесі"); words without a Cyrillic
 *  letter stay as they are ("30-1"). */
export function fromDigitRow(text) {
  return text.replace(DIGIT_ROW_WORD, (word) =>
    CYRILLIC.test(word) ? [...word].map((ch) => folding.digitRow[ch] ?? ch).join("") : word);
}

/** Latin letters read as Russian or Kazakh ones, pass by pass: "kupiya soz" -> "купия соз". */
export function transliterate(text) {
  let out = text.toLowerCase();
  for (const table of folding.passes) {
    let done = "";
    for (let i = 0; i < out.length;) {
      const found = table.find(([latin]) => out.startsWith(latin, i));
      done += found ? found[1] : out[i];
      i += found ? found[0].length : 1;
    }
    out = done;
  }
  return out;
}

/** The word's ending written as it sounds ("грузится" -> "грузица"), by the language's table. */
export function foldEnding(word, lang) {
  for (const [ending, sound] of folding.endings[lang] || [])
    if (word.length > ending.length && word.endsWith(ending)) return word.slice(0, -ending.length) + sound;
  return word;
}

/** The word as search compares it: normalised, Kazakh letters folded, endings as they sound. */
export const key = (word, lang) => foldEnding(fold(normalise(word)), lang);

/** How many edits a (folded) word may have and still match. */
export function allowedEdits(word) {
  const { one_edit_from: one, two_edits_from: two } = folding.typos;
  return word.length >= two ? 2 : word.length >= one ? 1 : 0;
}

/** Edits (replace, insert, delete, swap of two neighbours) from a to b; limit + 1 when more. */
export function editDistance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a === b) return 0;
  if (limit === 1) return withinOneEdit(a, b) ? 1 : 2;
  let before = null, row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current[j] = d;
      least = Math.min(least, d);
    }
    if (least > limit) return limit + 1;
    before = row;
    row = current;
  }
  return Math.min(row[b.length], limit + 1);
}

/** At most one edit between two different words, in one pass (most words allow only one). */
function withinOneEdit(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length)
    return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** The words of a text with their places in it: [{ text, start, end }]. */
export function words(text) {
  return [...text.matchAll(WORD)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

const formsCache = { ru: new Map(), kk: new Map(), "ru?": new Map(), "kk?": new Map() };
let version = 0;
// Forms found before the Kazakh rules and the folding tables arrived are found again with them.
const renew = () => { version++; Object.values(formsCache).forEach((cache) => cache.clear()); };
rulesLoaded.then(renew);
foldingLoaded.then(renew);

/** Resolves once word forms are complete (the Kazakh rules and the folding tables are read). */
export const ready = Promise.all([rulesLoaded, foldingLoaded]);

/** Changes when the rules that word forms depend on change: an index built before is stale. */
export const formsVersion = () => version;

/**
 * What a word is matched by: `key`, the folded word, and `stems`, its folded stems (without the
 * key itself), longest first. A query word (`query`) also gets the Kazakh stems of a spelling
 * without Kazakh letters ("балаларга").
 */
export function forms(word, lang, { query = false } = {}) {
  const cache = formsCache[lang + (query ? "?" : "")] || formsCache.ru;
  let found = cache.get(word);
  if (found) return found;
  const norm = normalise(word);
  const folded = foldEnding(fold(norm), lang);
  let stems;
  if (lang === "kk") {
    stems = kazakhStems(norm).slice(1);
    if (query) stems.push(...kazakhStems(norm, { lenient: true }).slice(1));
  } else {
    stems = [russianStem(norm)];
  }
  stems = [...new Set(stems.map((s) => fold(s)))].filter((s) => s !== folded && s.length >= 2);
  found = { key: folded, stems };
  cache.set(word, found);
  return found;
}

/** Plain text of an index entry's HTML. */
export function plainText(html) {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " })[e]);
}
