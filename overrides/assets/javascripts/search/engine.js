// A small full-text index for one language: word forms (matching.js) instead of exact words,
// synonyms indexed with the documents, prefixes for the word being typed, BM25-like ranking.
// Used by the search worker (worker.js) and by the form's article suggestions (kb/suggest.js).
import { forms, plainText, words } from "./matching.js";

/** How a word found in a document counts: in its title, a flat bonus (once is enough: the title
 *  says what the document is about); in its text, each time, up to a limit (BM25's saturation);
 *  a synonym of a word of the title counts as title, of a word of the text as text. */
export const WEIGHTS = { title: 1.5, text: 1 };
// A stem shorter than this matches whole words only, never as a word's beginning.
const MIN_STEM_PREFIX = 4;
const K1 = 1.2;
// Query words found in the same order, at most PHRASE_GAP words apart, raise a document's score.
const PHRASE_GAP = 2;
const PHRASE_BONUS = 0.5;
const saturate = (tf) => (tf * (K1 + 1)) / (tf + K1);
// A query is read up to its first MAX_QUERY_WORDS words (as a web search engine does), from at
// most MAX_QUERY_CHARS characters: a pasted page costs what a long question costs.
export const MAX_QUERY_WORDS = 32;
const MAX_QUERY_CHARS = 1000;

/** The query as words to match: their forms, stop words dropped unless only stop words were typed. */
export function queryWords(query, lang, { prefix = "all" } = {}) {
  const typed = words(query.slice(0, MAX_QUERY_CHARS)).slice(0, MAX_QUERY_WORDS);
  const open = typed.length > 0 && typed.at(-1).end === query.length; // still being typed
  const seen = new Map();
  typed.forEach((w, i) => {
    const f = forms(w.text, lang, { query: true });
    const word = { text: w.text.toLowerCase(), ...f, prefix: prefix === "all" || (open && i === typed.length - 1) };
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
   */
  constructor(lang, docs, { synonyms = [], weights = WEIGHTS } = {}) {
    this.lang = lang;
    this.docs = docs;
    this.weights = weights;
    this.sequences = []; // per document, its words in order (title, then text)
    this.keys = new Map(); // folded word -> Map(doc number -> [times in title, times in text])
    this.stems = new Map(); // folded stem -> Map(doc number -> [times in title, times in text])
    const groups = synonyms.map((group) => group.map((phrase) => words(phrase).map((w) => forms(w.text, lang))));
    docs.forEach((doc, n) => this.#add(doc, n, groups));
    this.sortedKeys = [...this.keys.keys()].sort();
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

  /** Per document, the best match of one query word: Map(doc number -> { value, key }). */
  #match(q) {
    const best = new Map();
    const take = (postings, quality, key) => {
      if (!postings) return;
      for (const [n, [title, text]] of postings) {
        const value = quality * ((title ? this.weights.title : 0) + saturate(text * this.weights.text));
        const known = best.get(n);
        if (!known || known.value < value) best.set(n, { value, key });
      }
    };
    take(this.keys.get(q.key), 1, q.key); // the same word
    take(this.stems.get(q.key), 0.95, q.key); // the word is a stem of another form: кезек, кезекке
    for (const s of q.stems) { // one more form of the same stem: заявления, заявление
      take(this.keys.get(s), 0.9, s);
      take(this.stems.get(s), 0.9, s);
    }
    if (q.prefix) // the beginning of a word
      for (const key of this.#withPrefix(q.key))
        if (key !== q.key) take(this.keys.get(key), 0.5 + (0.4 * q.key.length) / key.length, q.key);
    for (const s of q.stems) // the stem begins a longer word
      if (s.length >= MIN_STEM_PREFIX)
        for (const key of this.#withPrefix(s))
          if (key !== s) take(this.keys.get(key), 0.4 + (0.4 * s.length) / key.length, s);
    return best;
  }

  /** 1, up to 1 + PHRASE_BONUS when each query word follows the one before it in the document
   *  (within PHRASE_GAP words, as in "неверный ИИН или пароль"). */
  #proximity(n, qwords) {
    if (qwords.length < 2) return 1;
    const last = new Array(qwords.length).fill(-Infinity); // where each query word was seen last
    const pairs = new Set();
    this.sequences[n].forEach((word, at) => {
      if (word === null) return last.fill(-Infinity);
      qwords.forEach((q, i) => {
        if (!this.matchedKey(word, q)) return;
        if (i > 0 && at - last[i - 1] <= PHRASE_GAP + 1) pairs.add(i);
        last[i] = at;
      });
    });
    return 1 + (PHRASE_BONUS * pairs.size) / (qwords.length - 1);
  }

  /** Which of the query's words a word of a document matches, by the same rules as #match. */
  matchedKey(text, q) {
    const f = forms(text, this.lang);
    if (f.key === q.key || f.stems.includes(q.key)) return q.key;
    for (const s of q.stems) if (f.key === s || f.stems.includes(s)) return s;
    if (q.prefix && f.key.startsWith(q.key)) return q.key;
    for (const s of q.stems) if (s.length >= MIN_STEM_PREFIX && f.key.startsWith(s)) return s;
    return null;
  }

  /**
   * Documents that match, best first: [{ doc, n, score, matched }], where matched maps each query
   * word that the document matches to the key it matched by. `prefix`: "all" (every word may be
   * a word's beginning, as in Material) or "last" (only a last word still being typed).
   */
  search(query, { prefix = "all" } = {}) {
    const qwords = queryWords(query, this.lang, { prefix });
    const total = this.docs.length;
    const found = new Map();
    const idfs = new Map(); // query word -> its idf: a rare word tells more than a common one
    for (const q of qwords) {
      const best = this.#match(q);
      const idf = Math.log(1 + (total - best.size + 0.5) / (best.size + 0.5));
      idfs.set(q, best.size ? idf : Math.log(1 + total));
      for (const [n, { value, key }] of best) {
        let r = found.get(n);
        if (!r) found.set(n, (r = { doc: this.docs[n], n, score: 0, matched: new Map() }));
        r.score += idf * value;
        r.matched.set(q, key);
      }
    }
    // The share of the query that a document has, each word counting by its idf.
    const coverage = (matched) => sum([...matched].map((q) => idfs.get(q))) / sum([...idfs.values()]);
    const results = [...found.values()];
    for (const r of results) {
      r.coverage = coverage(r.matched.keys());
      r.score *= r.coverage ** 2 * this.#proximity(r.n, qwords) * (r.doc.boost ?? 1);
    }
    results.sort((a, b) => b.score - a.score || a.n - b.n);
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
    const mark = (word) => (qwords.some((q) => this.matchedKey(word, q)) ? `<mark>${word}</mark>` : word);
    return html.replace(/(<[^>]*>)|([^<]+)/g, (all, tag, text) =>
      tag ?? text.replace(/&#?\w+;|[\p{L}\p{N}]+/gu, (word) => (word.startsWith("&") ? word : mark(word))));
  }

  /**
   * For each query word, the beginning of the document's word that it matched, as it is written
   * there (for highlighting on the page), or null: Map(query word -> string | null).
   */
  matchedText(doc, qwords) {
    const text = `${plainText(doc.title || "")} ${plainText(doc.text || "")}`;
    const out = new Map(qwords.map((q) => [q, null]));
    for (const w of words(text)) {
      for (const q of qwords) {
        if (out.get(q) !== null) continue;
        const key = this.matchedKey(w.text, q);
        if (key === null) continue;
        const own = forms(w.text, this.lang).key;
        let length = 0;
        while (length < key.length && own[length] === key[length]) length++;
        if (length >= 2) out.set(q, w.text.slice(0, length).toLowerCase());
      }
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
