// Up to three articles that match what the user is typing, as a help centre's request form does.
// The matching is the site search's own (../search/engine.js): Russian and Kazakh word forms,
// Kazakh letters typed as Russian or Latin look-alikes, typos, the synonyms of
// docs/search-synonyms.yml and the ranking of docs/search-ranking.yml.
import { SearchIndex } from "../search/engine.js";
import { formsVersion, ready as formsReady, words } from "../search/matching.js";

let synonyms = {};
let ranking = {};
// Written by support_kb/search/site_index.py; named from this script's folder, as the build's content-hashed names need.
const fetchJson = (url) => fetch(url)
  .then((response) => (response.ok ? response.json() : {}))
  .catch(() => ({}));
// Until the synonyms, the ranking and the Kazakh rules arrive (a moment after the page loads),
// articles match without them; the form does not wait for them to start.
const loaded = Promise.all([fetchJson(new URL("../../../search/synonyms.json", import.meta.url)),
  fetchJson(new URL("../../../search/ranking.json", import.meta.url))])
  .then(([s, r]) => { synonyms = s; ranking = r; });

const indexes = new WeakMap(); // the page's articles -> their index, per language and synonyms

function indexOf(articles, lang) {
  const known = indexes.get(articles);
  if (known && known.lang === lang && known.synonyms === synonyms && known.ranking === ranking && known.forms === formsVersion())
    return known.index;
  const docs = articles.map((article) => ({
    title: article.title, text: `${article.sentence} ${article.keywords || ""}`, article,
  }));
  const index = new SearchIndex(lang, docs, { synonyms: synonyms[lang] || [], ranking });
  indexes.set(articles, { index, lang, synonyms, ranking, forms: formsVersion() });
  return index;
}

const pageLanguage = () => (document.documentElement.lang === "kk" ? "kk" : "ru");

/** Articles ranked by the site search; shown only when the query's words found in an article's
 *  title count two and those found in its sentence one, two or more in all. `query` is a whole
 *  description: only its last word, while it is being typed, matches as a word's beginning. */
export function suggestArticles(query, articles, limit = 3, lang = pageLanguage()) {
  const index = indexOf(articles, lang);
  const { results } = index.search(query, { prefix: "last" });
  return results
    .filter(({ doc, matched }) => {
      const title = words(doc.title).map((w) => w.text);
      let points = 0;
      for (const q of matched.keys()) points += title.some((w) => index.matchedKey(w, q)) ? 2 : 1;
      return points >= 2;
    })
    .slice(0, limit)
    .map(({ doc }) => doc.article);
}

/** Resolves once the synonyms, the ranking and the word rules are in (for tests, and for callers that want
 *  them from the start). */
export const suggestionsReady = Promise.all([loaded, formsReady]);
