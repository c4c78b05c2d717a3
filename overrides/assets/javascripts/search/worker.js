// The site's search engine, in place of Material's lunr worker: it answers the same messages
// (SETUP -> READY, QUERY -> RESULT; see Material's integrations/search/worker), so Material's
// search box, result list, highlighting and suggestions stay. What differs: the index is the one of
// the page's language (search/<lang>.json, written by support_kb/search/site_index.py; the language comes in
// this script's address, ?lang=kk), and words match by their forms (engine.js, matching.js).
"use strict";

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
const LANGUAGE = new URL(self.location.href).searchParams.get("lang") === "kk" ? "kk" : "ru";
// An article (a page, not one of its sections) ranks a little above a section that matches as well.
const ARTICLE_BOOST = 1.5;
// Material shows the first ten pages of results, then more as the list is scrolled: the first ones
// are highlighted (the costly part of an answer), the others come as they are.
const HIGHLIGHTED_PAGES = 10;

let engine = null; // Promise of { index, suggest }, or of null when the index could not be read

// Each file by its whole path from this script's folder (assets/javascripts/search/): the build
// gives every one a content-hashed name and rewrites these paths (support_kb/serving/fingerprints.py).
const INDEX = { ru: "../../../search/ru.json", kk: "../../../search/kk.json" };

async function fetchJson(path) {
  const response = await fetch(new URL(path, self.location.href));
  if (!response.ok) throw new Error(`${response.status} ${response.url}`);
  return response.json();
}

async function setup(options) {
  const [{ SearchIndex }, matching, data, synonyms, ranking] = await Promise.all([
    import("./engine.js"),
    import("./matching.js"),
    fetchJson(INDEX[LANGUAGE]),
    fetchJson("../../../search/synonyms.json").catch(() => ({})),
    fetchJson("../../../search/ranking.json").catch(() => ({})),
  ]);
  await matching.ready; // word forms need the Kazakh rules and the folding tables
  const docs = data.docs.map((doc) => ({ ...doc, article: !doc.location.includes("#") }));
  for (const doc of docs) if (doc.article) doc.boost = (doc.boost ?? 1) * ARTICLE_BOOST;
  const index = new SearchIndex(LANGUAGE, docs, { synonyms: synonyms[LANGUAGE] || [], ranking });
  return { index, suggest: Boolean(options && options.suggest) };
}

/** Material's SearchResult: items grouped by page, best page first, best item first in a page;
 *  each item highlighted, with its query terms. */
function answer({ index, suggest }, query) {
  const { words, pages } = index.searchPages(query);
  const articles = new Map(index.docs.filter((d) => d.article).map((d) => [d.location, d]));
  const items = pages.map(({ page, results }, rank) => {
    const group = results.map((r) => (rank < HIGHLIGHTED_PAGES ? item(index, r, words) : { ...plain(r.doc), score: r.score, terms: {} }));
    // every group has its article, as Material expects
    if (!group.some((i) => i.location === page) && articles.has(page))
      group.push({ ...plain(articles.get(page)), score: 0, terms: {} });
    return group;
  });
  const data = { items };
  if (suggest) data.suggest = completion(pages[0] && pages[0].results[0], query);
  return data;
}

function plain({ location, title, text, tags }) {
  return tags ? { location, title, text, tags } : { location, title, text };
}

/** One result: highlighted, with Material's terms (matched word beginnings, for highlighting on
 *  the page it opens, and the query words it misses). */
function item(index, { doc, score, matched }, words) {
  const terms = {};
  for (const [q, text] of index.matchedText(doc, words)) terms[text ?? q.text] = matched.has(q);
  const title = index.highlight(doc.title, words);
  const text = shortened(index.highlight(doc.text, words));
  return { ...plain(doc), title, text, score, terms };
}

/** As Material does: of a long text, only the (at most two) top-level blocks that have a match. */
function shortened(html) {
  if (!html.includes("<mark>")) return html;
  const blocks = [];
  let depth = 0, start = 0;
  for (const m of html.matchAll(/<(\/?)([a-z0-9]+)[^>]*?(\/?)>/gi)) {
    if (m[3] || /^(br|hr|img|input)$/i.test(m[2])) continue;
    if (!m[1]) {
      if (depth++ === 0) {
        if (m.index > start && html.slice(start, m.index).trim()) blocks.push(html.slice(start, m.index));
        start = m.index;
      }
    } else if (--depth === 0) {
      blocks.push(html.slice(start, m.index + m[0].length));
      start = m.index + m[0].length;
    }
  }
  if (start < html.length && html.slice(start).trim()) blocks.push(html.slice(start));
  const marked = blocks.filter((b) => b.includes("<mark>"));
  return marked.length ? marked.slice(0, 2).join("") : html;
}

/** The last word completed from the best result's title, for Material's search suggestion. */
function completion(best, query) {
  const last = query.match(/[\p{L}\p{N}]+$/u);
  if (!best || !last) return [];
  const typed = last[0].toLowerCase();
  for (const w of best.doc.title.replace(/<[^>]*>/g, " ").match(/[\p{L}\p{N}]+/gu) || []) {
    const word = w.toLowerCase();
    if (word.length > typed.length && word.startsWith(typed)) return [word];
  }
  return [];
}

addEventListener("message", async (event) => {
  const message = event.data;
  if (message.type === SETUP) {
    engine = setup(message.data && message.data.options).catch((error) => {
      console.warn("Search index not loaded:", error);
      return null;
    });
    await engine;
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    const ready = await engine;
    postMessage({ type: RESULT, data: ready ? answer(ready, message.data) : { items: [] } });
  }
});
