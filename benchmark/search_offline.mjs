// The search benchmark without a browser: runs the site's own search worker (as built, from
// the address its home page names, benchmark/site_worker.mjs) in Node on each question and counts, as
// search_benchmark.py does, a hit when an article of the expected topic is among the first three
// pages. Fast enough to run after every change while tuning; the figures that count are the
// browser's (search_benchmark.py), which also types the question key by key.
//   node benchmark/search_offline.mjs SITE QUESTIONS.yml [--lang ru] [--verbose]
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { workerUrl } from "./site_worker.mjs";

const [site, questionsFile, ...rest] = process.argv.slice(2);
const verbose = rest.includes("--verbose");
const onlyLang = rest.includes("--lang") ? rest[rest.indexOf("--lang") + 1] : null;

// The worker fetches files of the site by address: read them from the folder.
globalThis.fetch = async (url) => {
  const path = fileURLToPath(new URL(url));
  try {
    const body = readFileSync(path, "utf-8");
    return { ok: true, status: 200, url: String(url), json: async () => JSON.parse(body) };
  } catch {
    return { ok: false, status: 404, url: String(url), json: async () => ({}) };
  }
};

/** The questions file: the simple YAML of search-questions*.yml ("lang:" then "- {q: ..., topic: ...}"). */
function readQuestions(file) {
  const out = {};
  let lang = null;
  for (const line of readFileSync(file, "utf-8").split("\n")) {
    const head = line.match(/^(\w+):\s*$/);
    if (head) { lang = head[1]; out[lang] = []; continue; }
    const item = line.match(/^\s*-\s*\{q:\s*(.*?),\s*topic:\s*([\w-]+)\}\s*$/);
    if (item && lang) out[lang].push({ q: item[1].replace(/^"(.*)"$/, "$1"), topic: item[2] });
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

/** A worker of the site, for one language, driven by its messages. */
async function startWorker(lang) {
  const url = workerUrl(site, lang);
  let handler = null, answer = null;
  globalThis.self = { location: { href: url.href } };
  globalThis.addEventListener = (type, fn) => { handler = fn; };
  globalThis.postMessage = (message) => answer(message);
  await import(url.href);
  const send = (message) => new Promise((resolve) => { answer = resolve; handler({ data: message }); });
  await send({ type: 0, data: { options: {} } });
  return (query) => send({ type: 2, data: query });
}

const topics = topicsOf(site);
const questions = readQuestions(questionsFile);
// worker.js is a classic script, which Node loads once per process: one process per language.
if (!onlyLang) {
  for (const lang of Object.keys(questions))
    process.stdout.write(execFileSync(process.execPath, [fileURLToPath(import.meta.url), site, questionsFile, ...rest, "--lang", lang]));
  process.exit(0);
}
for (const [lang, items] of Object.entries(questions)) {
  if (onlyLang && lang !== onlyLang) continue;
  const query = await startWorker(lang);
  let hits = 0, first = 0, foreign = 0;
  const times = [];
  for (const { q, topic } of items) {
    // The fastest of three answers: the work, not the load of a shared machine.
    let data, fastest = Infinity;
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      ({ data } = await query(q));
      fastest = Math.min(fastest, performance.now() - started);
    }
    times.push(fastest);
    const pages = data.items.map((group) => group[0].location.split("#")[0]);
    const top = pages.slice(0, 3);
    foreign += top.filter((p) => p.startsWith("kk/") !== (lang === "kk")).length;
    const hit = top.some((p) => topics[p] === topic);
    hits += hit;
    first += topics[pages[0]] === topic;
    if (!hit || verbose) console.log(`  ${hit ? (topics[pages[0]] === topic ? "first" : "top3 ") : "MISS "} ${q} (${topic}) -> ${top.map((p) => `${p} (${topics[p] ?? "-"})`).join(", ") || "no result"}`);
  }
  times.sort((a, b) => a - b);
  const pct = (n) => `${n}/${items.length} = ${((100 * n) / items.length).toFixed(1)} %`;
  console.log(`[${lang}] top 3: ${pct(hits)}; first: ${pct(first)}; other language in the top 3: ${foreign}; ` +
    `search time median ${times[times.length >> 1].toFixed(1)} ms, max ${times.at(-1).toFixed(1)} ms`);
}
