// MiniSearch (npm, benchmark/package.json) against the site's own engine, on the same questions and
// the same built index (SITE/search/<lang>.json): documents are the same sections, words are read by
// the site's matching (folding, stems, the query's readings from the wrong layout or Latin), and pages
// rank by their best section, as the worker does. MiniSearch brings its own fuzzy and prefix search
// and BM25+; it has no synonyms (compare with a site built without them: --no-synonyms there).
//   (cd benchmark && npm ci) && node benchmark/minisearch_offline.mjs SITE QUESTIONS.yml --lang ru
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import MiniSearch from "minisearch";

const [site, questionsFile, ...rest] = process.argv.slice(2);
const lang = rest.includes("--lang") ? rest[rest.indexOf("--lang") + 1] : "ru";
const verbose = rest.includes("--verbose");
globalThis.fetch = async (url) => {
  const body = readFileSync(fileURLToPath(new URL(url)), "utf-8");
  return { ok: true, status: 200, json: async () => JSON.parse(body) };
};
const scripts = pathToFileURL(join(site, "assets/javascripts/search/")).href;
const matching = await import(scripts + "matching.js");
const { readings } = await import(scripts + "engine.js");
await matching.ready;

function readQuestions(file) {
  const out = {};
  let current = null;
  for (const line of readFileSync(file, "utf-8").split("\n")) {
    const head = line.match(/^(\w+):\s*$/);
    if (head) { current = head[1]; out[current] = []; continue; }
    const item = line.match(/^\s*-\s*\{q:\s*(.*?),\s*topic:\s*([\w-]+)\}\s*$/);
    if (item && current) out[current].push({ q: item[1].replace(/^"(.*)"$/, "$1"), topic: item[2] });
  }
  return out;
}

function topicsOf(dir, prefix = "", found = {}) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) topicsOf(path, `${prefix}${name}/`, found);
    else if (name === "index.html") {
      const m = readFileSync(path, "utf-8").match(/<meta name="kb-topic" content="([^"]+)"/);
      if (m) found[prefix] = m[1];
    }
  }
  return found;
}

// A word as the site's matching reads it: its folded stem (the shortest), else the folded word.
const term = (word) => {
  const f = matching.forms(word, lang, { query: true });
  return f.stems.at(-1) ?? f.key;
};
const docs = JSON.parse(readFileSync(join(site, `search/${lang}.json`), "utf-8")).docs
  .map((d, id) => ({ id, location: d.location, title: matching.plainText(d.title || ""), text: matching.plainText(d.text || ""),
                     boost: (d.boost ?? 1) * (d.location.includes("#") ? 1 : 1.5) }));
let started = performance.now();
const index = new MiniSearch({
  fields: ["title", "text"], storeFields: ["location"],
  tokenize: (text) => matching.words(text).map((w) => w.text),
  processTerm: (word) => term(word),
  searchOptions: { boost: { title: 1.5 }, fuzzy: 0.2, prefix: true, boostDocument: (id) => docs[id].boost },
});
index.addAll(docs);
const buildMs = performance.now() - started;

const topics = topicsOf(site);
const items = readQuestions(questionsFile)[lang];
let hits = 0, first = 0;
const times = [];
for (const { q, topic } of items) {
  started = performance.now();
  let best = [];
  for (const reading of readings(q)) {
    const found = index.search(reading.text);
    if ((found[0]?.score ?? 0) > (best[0]?.score ?? 0)) best = found;
  }
  const pages = [...new Set(best.map((r) => r.location.split("#")[0]))];
  times.push(performance.now() - started);
  const top = pages.slice(0, 3);
  const hit = top.some((p) => topics[p] === topic);
  hits += hit;
  first += topics[pages[0]] === topic;
  if (!hit || verbose) console.log(`  ${hit ? "top3 " : "MISS "} ${q} (${topic}) -> ${top.map((p) => `${p} (${topics[p] ?? "-"})`).join(", ") || "no result"}`);
}
times.sort((a, b) => a - b);
const pct = (n) => `${n}/${items.length} = ${((100 * n) / items.length).toFixed(1)} %`;
console.log(`[${lang}] MiniSearch: top 3: ${pct(hits)}; first: ${pct(first)}; index built in ${buildMs.toFixed(0)} ms; ` +
  `search time median ${times[times.length >> 1].toFixed(1)} ms, max ${times.at(-1).toFixed(1)} ms`);
