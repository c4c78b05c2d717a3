// How a word is compared, the same way in the site's search (worker.js) and in the form's article
// suggestions (kb/suggest.js): lower case, ё as е, Latin look-alikes inside Cyrillic words made
// Cyrillic, Kazakh letters folded to what people type instead, and the word's stems (Russian
// Snowball for Russian, the light Kazakh stemmer for Kazakh).
import { fold as foldKazakh, stems as kazakhStems, rulesLoaded, currentRules } from "./kazakh-stem.js";
import { russianStem } from "./russian-stem.js";

const WORD = /[\p{L}\p{N}]+/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /[a-z]/;
// Latin letters that look like Cyrillic ones, as they slip into a word typed on the wrong layout.
const LATIN_LOOK_ALIKES = {
  a: "а", b: "в", c: "с", e: "е", h: "һ", i: "і", k: "к", m: "м", o: "о", p: "р", t: "т", x: "х", y: "у",
};

// Words that carry no topic: ignored when other words are typed, never reported as missing.
export const STOP_WORDS = {
  ru: new Set(`а без бы в во вам вас ваш ваша ваше ваши вот все всё где да для до его ее её если есть же за
    зачем и из или им их к как какая какие какой когда кто ли мне мной мой моя мое моё мои мы на надо нам
    нас не нет ни но нужно о об он она они оно от по под почему при про с со так там то тут у уже чем что
    чтобы чей чья это этот эта эти я ещё еще можно делать могу может хочу сколько очень пожалуйста`.split(/\s+/)),
  kk: new Set(`және мен бен пен не неге нені қалай қайда қашан кім қандай қанша немесе бұл осы сол ол
    менің маған мені біз біздің сіз сізге сіздің үшін туралы бойынша да де та те ма ме ба бе па пе ғой ғана
    әлі керек еді екен бар жоқ деп жатыр жатырмын болады бола мүмкін өтінемін алмаймын алмай алмадым алмайды`.split(/\s+/)),
};

/** A word as compared: lower case, NFC, ё as е, Latin look-alikes made Cyrillic in Cyrillic words. */
export function normalise(word) {
  let w = word.normalize("NFC").toLowerCase().replaceAll("ё", "е");
  if (CYRILLIC.test(w) && LATIN.test(w)) w = w.replace(/[a-z]/g, (ch) => LATIN_LOOK_ALIKES[ch] ?? ch);
  return w;
}

/** Kazakh letters (and a Latin i) folded to their look-alikes: "өтініш" -> "отиниш". */
export const fold = (word) => foldKazakh(word);

/** The words of a text with their places in it: [{ text, start, end }]. */
export function words(text) {
  return [...text.matchAll(WORD)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

const formsCache = { ru: new Map(), kk: new Map(), "ru?": new Map(), "kk?": new Map() };
// Forms found before the Kazakh rules arrived are found again with them.
rulesLoaded.then(() => Object.values(formsCache).forEach((cache) => cache.clear()));

/** Resolves once word forms are complete (the Kazakh rules are read). */
export const ready = rulesLoaded;

/** Changes when the rules that word forms depend on change: an index built before is stale. */
export const formsVersion = currentRules;

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
  const key = fold(norm);
  let stems;
  if (lang === "kk") {
    stems = kazakhStems(norm).slice(1);
    if (query) stems.push(...kazakhStems(norm, { lenient: true }).slice(1));
  } else {
    stems = [russianStem(norm)];
  }
  stems = [...new Set(stems.map((s) => fold(s)))].filter((s) => s !== key && s.length >= 2);
  found = { key, stems, stop: STOP_WORDS[lang]?.has(norm) ?? false };
  cache.set(word, found);
  return found;
}

/** Plain text of an index entry's HTML. */
export function plainText(html) {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " })[e]);
}
