// A small full-text index for one language: word forms (matching.js) instead of exact words,
// synonyms indexed with the documents, prefixes for the word being typed, words a typo or two
// away, the query retyped from the wrong keyboard layout or from Latin letters, BM25-like
// ranking whose weights, stop words and weak words are data (docs/search-ranking.yml).
// Used by the search worker (worker.js) and by the form's article suggestions (kb/suggest.js).
import {
  allowedEdits, editDistance, forms, fromDigitRow, fromKeyboard, plainText, toLatinKeys, transliterate, words,
} from "./matching.js";

/** The ranking when docs/search-ranking.yml is not at hand: every match counts, no word is weak. */
export const RANKING = {
  weights: { title: 1.5, text: 1 },
  matches: { same: 1, stem_of: 0.95, same_stem: 0.9, typo: [0.6, 0.45], retyped: 0.9 },
  weak: 1,
};
// A stem shorter than this matches whole words only, never as a word's beginning.
const MIN_STEM_PREFIX = 4;
const K1 = 1.2;
// Query words found in the same order, at most PHRASE_GAP words apart, raise a document's score.
const PHRASE_GAP = 2;
const PHRASE_BONUS = 0.5;
// Only the best documents are looked at for phrases (the bonus cannot lift one from far below).
const PHRASE_TOP = 40;
const saturate = (tf) => (tf * (K1 + 1)) / (tf + K1);
// A query is read up to its first MAX_QUERY_WORDS words (as a web search engine does), from at
// most MAX_QUERY_CHARS characters: a pasted page costs what a long question costs.
export const MAX_QUERY_WORDS = 32;
const MAX_QUERY_CHARS = 1000;
// Latin letters, and the keys of the Latin layout that are Russian letters (б ю ж э х ъ ё).
const LATIN_WORD = /[a-zäöüūığñşç]+/giu;
const LATIN_KEYS = /[a-z,.;'`[\]]*[a-z][a-z,.;'`[\]]*/gi;
const CYRILLIC_WORD = /\p{Script=Cyrillic}+/gu;
// A word being typed is read as the beginning of a Latin word from this many letters on.
const MIN_LATIN_PREFIX = 3;

/**
 * What the query may have meant: as typed; when it has Latin letters, also with them read on the
 * Russian layout ("gfhjkm") and as a transliteration ("parol"); with the keys of the Kazakh
 * layout's digit row read as its letters ("м2ртебе"); and with each Cyrillic word that
 * `latinWord(word, open)` knows as a Latin word typed on the Russian layout read so ("тсфдфнук",
 * ncalayer). `open`: the word is the query's last, still being typed.
 */
export function readings(query, latinWord = () => null) {
  query = query.slice(0, MAX_QUERY_CHARS);
  const found = [{ text: query, retyped: false }];
  const also = (text) => found.some((r) => r.text === text) || found.push({ text, retyped: true });
  if (/[a-z]/i.test(query)) {
    also(query.replace(LATIN_WORD, transliterate));
    also(query.replace(LATIN_KEYS, fromKeyboard));
  }
  also(fromDigitRow(query));
  also(query.replace(CYRILLIC_WORD, (word, at) => latinWord(word, at + word.length === query.length) ?? word));
  return found;
}

/** The words of a language's ranking data, as search compares them. */
function wordSet(list, lang) {
  const out = new Set();
  for (const w of list || []) out.add(forms(w, lang).key);
  return out;
}

/** The query as words to match: their forms, stop words dropped unless only stop words were typed,
 *  weak words marked with their weight. */
export function queryWords(query, lang, { prefix = "all", stop = new Set(), weak = new Set(), weakWeight = 1 } = {}) {
  const typed = words(query.slice(0, MAX_QUERY_CHARS)).slice(0, MAX_QUERY_WORDS);
  const open = typed.length > 0 && typed.at(-1).end === query.length; // still being typed
  const seen = new Map();
  typed.forEach((w, i) => {
    const f = forms(w.text, lang, { query: true });
    const isWeak = weak.has(f.key) || f.stems.some((s) => weak.has(s));
    const word = {
      text: w.text.toLowerCase(), ...f, prefix: prefix === "all" || (open && i === typed.length - 1),
      stop: stop.has(f.key), weight: isWeak ? weakWeight : 1, near: new Set(),
    };
    const before = seen.get(f.key);
    seen.set(f.key, before ? { ...before, prefix: before.prefix || word.prefix } : word);
  });
  const all = [...seen.values()];
  const content = all.filter((w) => !w.stop);
  return content.length ? content : all;
}

export class SearchIndex {
  /**
   * @param lang "ru" or "kk"
   * @param docs [{ title, text }] (text may be HTML); other properties are kept as they are
   * @param synonyms groups of words or phrases that mean the same: [["детский сад", "садик"], ...]
   * @param ranking docs/search-ranking.yml as the build ships it (search/ranking.json)
   */
  constructor(lang, docs, { synonyms = [], ranking = {} } = {}) {
    this.lang = lang;
    this.docs = docs;
    this.ranking = { ...RANKING, ...ranking, matches: { ...RANKING.matches, ...ranking.matches } };
    this.weights = { ...RANKING.weights, ...ranking.weights };
    const own = ranking[lang] || {};
    this.stop = wordSet(own.stop_words, lang);
    this.weak = wordSet(own.weak_words, lang);
    this.sequences = []; // per document, its words in order (title, then text)
    this.keys = new Map(); // folded word -> Map(doc number -> [times in title, times in text])
    this.stems = new Map(); // folded stem -> Map(doc number -> [times in title, times in text])
    const groups = synonyms.map((group) => group.map((phrase) => words(phrase).map((w) => forms(w.text, lang))));
    docs.forEach((doc, n) => this.#add(doc, n, groups));
    this.sortedKeys = [...this.keys.keys()].sort();
    this.keysByLength = []; // for typos: the keys of each length
    this.nearCache = new Map();
    for (const key of this.sortedKeys) (this.keysByLength[key.length] ||= []).push(key);
  }

  #add(doc, n, groups) {
    const seen = [new Set(), new Set()]; // keys and stems of the title, of the text
    const addWord = (f, field) => {
      post(this.keys, f.key, n, field);
      seen[field].add(f.key);
      for (const s of f.stems) {
        post(this.stems, s, n, field);
        seen[field].add(s);
      }
    };
    const sequence = [];
    [plainText(doc.title || ""), plainText(doc.text || "")].forEach((text, field) => {
      for (const w of words(text)) {
        addWord(forms(w.text, this.lang), field);
        sequence.push(w.text);
      }
      sequence.push(null); // no phrase runs from the title into the text
    });
    this.sequences[n] = sequence;
    // Synonyms: a document that has one phrase of a group is found by the others too.
    const all = new Set([...seen[0], ...seen[1]]);
    seen.forEach((keys, field) => {
      const has = (f) => keys.has(f.key) || f.stems.some((s) => keys.has(s));
      const known = (f) => all.has(f.key) || f.stems.some((s) => all.has(s));
      for (const group of groups)
        if (group.some((phrase) => phrase.length && phrase.every(has)))
          for (const phrase of group)
            if (!phrase.every(known) || (field === 0 && !phrase.every(has)))
              for (const f of phrase) addWord(f, field);
    });
  }

  /** Index keys that begin with `prefix`. */
  *#withPrefix(prefix) {
    const keys = this.sortedKeys;
    let lo = 0, hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[mid] < prefix) lo = mid + 1; else hi = mid;
    }
    for (let i = lo; i < keys.length && keys[i].startsWith(prefix); i++) yield keys[i];
  }

  /** The Latin word of the index that `word`, a Cyrillic word the index does not have, is on the
   *  Latin layout ("тсфдфнук" -> "ncalayer"), or null; while it is typed (`open`), the beginning
   *  of a Latin word will do, when no word of the index begins as it does. */
  #latinWord(word, open) {
    const latin = toLatinKeys(word);
    if (!latin) return null;
    const own = forms(word, this.lang, { query: true }).key;
    const { key } = forms(latin, this.lang, { query: true });
    if (open) {
      const begins = (prefix) => !this.#withPrefix(prefix).next().done;
      return key.length >= MIN_LATIN_PREFIX && begins(key) && !begins(own) ? latin : null;
    }
    return this.keys.has(key) && !this.keys.has(own) && !this.stems.has(own) ? latin : null;
  }

  /** Index keys a typo or two away from `key` (as many as its length allows): [[key, edits]].
   *  Remembered: while a query is typed, its first words are searched again at every key. */
  #near(key) {
    let found = this.nearCache.get(key);
    if (found) return found;
    found = [];
    const limit = allowedEdits(key);
    for (let length = key.length - limit; limit && length <= key.length + limit; length++)
      for (const other of this.keysByLength[length] || []) {
        const d = editDistance(key, other, limit);
        if (d > 0 && d <= limit) found.push([other, d]);
      }
    if (this.nearCache.size > 5000) this.nearCache.clear();
    this.nearCache.set(key, found);
    return found;
  }

  /** Per document, the best match of one query word: Map(doc number -> { value, key }), and how
   *  many documents match it without a typo. The keys it matches by a typo go into q.near. */
  #match(q) {
    const best = new Map();
    const m = this.ranking.matches;
    const take = (postings, quality, key) => {
      if (!postings) return;
      for (const [n, [title, text]] of postings) {
        const value = quality * ((title ? this.weights.title : 0) + saturate(text * this.weights.text));
        const known = best.get(n);
        if (!known || known.value < value) best.set(n, { value, key });
      }
    };
    take(this.keys.get(q.key), m.same, q.key); // the same word
    take(this.stems.get(q.key), m.stem_of, q.key); // the word is a stem of another form: кезек, кезекке
    for (const s of q.stems) { // one more form of the same stem: заявления, заявление
      take(this.keys.get(s), m.same_stem, s);
      take(this.stems.get(s), m.same_stem, s);
    }
    if (q.prefix) // the beginning of a word
      for (const key of this.#withPrefix(q.key))
        if (key !== q.key) take(this.keys.get(key), 0.5 + (0.4 * q.key.length) / key.length, q.key);
    for (const s of q.stems) // the stem begins a longer word
      if (s.length >= MIN_STEM_PREFIX)
        for (const key of this.#withPrefix(s))
          if (key !== s) take(this.keys.get(key), 0.4 + (0.4 * s.length) / key.length, s);
    const direct = best.size;
    for (const [key, edits] of this.#near(q.key)) { // a typo: пороль, увидомления
      q.near.add(key);
      take(this.keys.get(key), m.typo[edits - 1], key);
    }
    return { best, direct };
  }

  /** 1, up to 1 + PHRASE_BONUS when each query word follows the one before it in the document
   *  (within PHRASE_GAP words, as in "неверный ИИН или пароль"). */
  #proximity(n, qwords) {
    if (qwords.length < 2) return 1;
    const last = new Array(qwords.length).fill(-Infinity); // where each query word was seen last
    const pairs = new Set();
    this.sequences[n].forEach((word, at) => {
      if (word === null) return last.fill(-Infinity);
      this.matchedKeys(word, qwords).forEach((key, i) => {
        if (key === null) return;
        if (i > 0 && at - last[i - 1] <= PHRASE_GAP + 1) pairs.add(i);
        last[i] = at;
      });
    });
    return 1 + (PHRASE_BONUS * pairs.size) / (qwords.length - 1);
  }

  /** For each of the query's words, the key a word of a document matches it by, or null;
   *  remembered for the query (its words recur in every result). */
  matchedKeys(text, qwords) {
    let known = this.#matchedCache.get(qwords);
    if (!known) this.#matchedCache.set(qwords, (known = new Map()));
    let keys = known.get(text);
    if (!keys) known.set(text, (keys = qwords.map((q) => this.matchedKey(text, q))));
    return keys;
  }

  #matchedCache = new WeakMap(); // query words -> Map(word -> matchedKeys)

  /** Which of the query's words a word of a document matches, by the same rules as #match. */
  matchedKey(text, q) {
    const f = forms(text, this.lang);
    if (f.key === q.key || f.stems.includes(q.key)) return q.key;
    for (const s of q.stems) if (f.key === s || f.stems.includes(s)) return s;
    if (q.prefix && f.key.startsWith(q.key)) return q.key;
    for (const s of q.stems) if (s.length >= MIN_STEM_PREFIX && f.key.startsWith(s)) return s;
    if (q.near?.has(f.key)) return f.key;
    return null;
  }

  /**
   * Documents that match, best first: [{ doc, n, score, matched }], where matched maps each query
   * word that the document matches to the key it matched by. `prefix`: "all" (every word may be
   * a word's beginning, as in Material) or "last" (only a last word still being typed). Of the
   * query's readings (readings()), the one whose best document scores highest is taken.
   */
  search(query, { prefix = "all" } = {}) {
    let chosen = null;
    for (const reading of readings(query, (word, open) => this.#latinWord(word, open))) {
      const found = this.#searchWords(queryWords(reading.text, this.lang, {
        prefix, stop: this.stop, weak: this.weak, weakWeight: this.ranking.weak,
      }), reading.retyped ? this.ranking.matches.retyped : 1);
      if (!chosen || (found.results[0]?.score ?? 0) > (chosen.results[0]?.score ?? 0)) chosen = found;
    }
    return chosen;
  }

  #searchWords(qwords, factor) {
    const total = this.docs.length;
    const found = new Map();
    const idfs = new Map(); // query word -> its weight by idf: a rare word tells more than a common one
    for (const q of qwords) {
      const { best, direct } = this.#match(q);
      const size = direct || best.size; // typos do not make a word common
      const idf = (size ? Math.log(1 + (total - size + 0.5) / (size + 0.5)) : Math.log(1 + total)) * q.weight;
      idfs.set(q, idf);
      for (const [n, { value, key }] of best) {
        let r = found.get(n);
        if (!r) found.set(n, (r = { doc: this.docs[n], n, score: 0, matched: new Map() }));
        r.score += idf * value * factor;
        r.matched.set(q, key);
      }
    }
    // The share of the query that a document has, each word counting by its idf.
    const coverage = (matched) => sum([...matched].map((q) => idfs.get(q))) / sum([...idfs.values()]);
    const results = [...found.values()];
    const order = (a, b) => b.score - a.score || a.n - b.n;
    for (const r of results) {
      r.coverage = coverage(r.matched.keys());
      r.score *= r.coverage ** 2 * (r.doc.boost ?? 1);
    }
    results.sort(order);
    for (const r of results.slice(0, PHRASE_TOP)) r.score *= this.#proximity(r.n, qwords);
    results.sort(order);
    return { words: qwords, results, coverage };
  }

  /**
   * The same search, by page: documents whose `location` shares the part before "#" are one page
   * (the article and its sections). A document's share of the query's words counts half, the
   * page's share the other half; a page ranks by its best document: [{ page, score, results }].
   */
  searchPages(query, options) {
    const { words: qwords, results, coverage } = this.search(query, options);
    const pages = new Map();
    for (const r of results) {
      const page = r.doc.location.split("#")[0];
      if (!pages.has(page)) pages.set(page, { page, score: 0, results: [], words: new Set() });
      const p = pages.get(page);
      p.results.push(r);
      for (const q of r.matched.keys()) p.words.add(q);
    }
    for (const p of pages.values()) {
      const pageCoverage = coverage(p.words);
      for (const r of p.results) {
        r.score *= ((r.coverage + pageCoverage) / 2 / r.coverage) ** 2;
        p.score = Math.max(p.score, r.score);
      }
      p.results.sort((a, b) => b.score - a.score || a.n - b.n);
    }
    return { words: qwords, pages: [...pages.values()].sort((a, b) => b.score - a.score) };
  }

  /** HTML (or text) with the words that match the query wrapped in <mark>; tags are left alone. */
  highlight(html, qwords) {
    const mark = (word) => (this.matchedKeys(word, qwords).some((k) => k !== null) ? `<mark>${word}</mark>` : word);
    return html.replace(/(<[^>]*>)|([^<]+)/g, (all, tag, text) =>
      tag ?? text.replace(/&#?\w+;|[\p{L}\p{N}]+/gu, (word) => (word.startsWith("&") ? word : mark(word))));
  }

  /**
   * For each query word, the beginning of the word of document `n` that it matched first, as it is
   * written there (for highlighting on the page), or null: Map(query word -> string | null).
   */
  matchedText(n, qwords) {
    const out = new Map(qwords.map((q) => [q, null]));
    let missing = qwords.length;
    for (const word of this.sequences[n]) {
      if (word === null) continue;
      const keys = this.matchedKeys(word, qwords);
      for (const [i, q] of qwords.entries()) {
        const key = keys[i];
        if (key === null || out.get(q) !== null) continue;
        const own = forms(word, this.lang).key;
        let length = 0;
        while (length < key.length && own[length] === key[length]) length++;
        if (length >= 2) {
          out.set(q, word.slice(0, length).toLowerCase());
          missing--;
        }
      }
      if (!missing) break; // every query word has its text
    }
    return out;
  }
}

const sum = (values) => values.reduce((a, b) => a + b, 0);

function post(index, key, n, field) {
  let postings = index.get(key);
  if (!postings) index.set(key, (postings = new Map()));
  let counts = postings.get(n);
  if (!counts) postings.set(n, (counts = [0, 0]));
  counts[field]++;
}
