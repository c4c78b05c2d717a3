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
// Of a long text, Material's own search shows the (at most) two top-level blocks that have a match.
const SHOWN_BLOCKS = 2;

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
  const articles = new Map(docs.filter((d) => d.article).map((d) => [d.location, d]));
  return { index, articles, suggest: Boolean(options && options.suggest) };
}

/**
 * Material's SearchResult: items grouped by page, best page first, best item first in a page;
 * each item highlighted, with its query terms. Material shows the text of a page's best item only
 * (and of those that score as well); the others it lists, by title, under "more on this page":
 * they come without their text, which would cost the answer and Material's rendering most of
 * their time for nothing seen.
 */
function answer({ index, articles, suggest }, query) {
  const { words, pages } = index.searchPages(query);
  const items = pages.map(({ page, results }, rank) => {
    const best = results[0].score;
    const group = results.map((r) => {
      const shown = r.score >= best;
      return rank < HIGHLIGHTED_PAGES ? item(index, r, words, shown)
        : { ...plain(r.doc, shown), score: r.score, terms: {} };
    });
    // every group has its article, as Material expects
    if (!group.some((i) => i.location === page) && articles.has(page))
      group.push({ ...plain(articles.get(page), false), score: 0, terms: {} });
    return group;
  });
  const data = { items };
  if (suggest) data.suggest = completion(pages[0] && pages[0].results[0], query);
  return data;
}

/** A document as Material reads it; its text only when it is shown. */
function plain({ location, title, text, tags }, shown) {
  const doc = { location, title, text: shown ? text : "" };
  if (tags) doc.tags = tags;
  return doc;
}

/** One result: highlighted, with Material's terms (matched word beginnings, for highlighting on
 *  the page it opens, and the query words it misses); its text, when shown, cut to the blocks
 *  that have a match. */
function item(index, { doc, n, score, matched }, words, shown) {
  const terms = {};
  for (const [q, text] of index.matchedText(n, words)) terms[text ?? q.text] = matched.has(q);
  const title = index.highlight(doc.title, words);
  return { ...plain(doc, shown), title, text: shown ? excerpt(index, doc, words) : "", score, terms };
}

/** The (at most SHOWN_BLOCKS) top-level blocks of a document's text that have a match,
 *  highlighted; the whole text when none has. */
function excerpt(index, doc, words) {
  const marked = [];
  for (const block of (doc.blocks ??= blocks(doc.text))) {
    const html = index.highlight(block, words);
    if (html.includes("<mark>") && marked.push(html) === SHOWN_BLOCKS) break;
  }
  return marked.length ? marked.join("") : doc.text;
}

/** The top-level blocks of an HTML text (paragraphs, lists, tables, and text between them). */
function blocks(html) {
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
  return blocks;
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
