// The search worker's CPU time (not wall time: on a shared machine that is mostly the others' load)
// answering every beginning of every question of a set, as typing key by key sends them, and the
// answer's size (JSON). One worker per language, in Node, as benchmark/search_offline.mjs runs it.
//   node benchmark/search_cpu.mjs SITE ru|kk QUESTIONS.yml
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { workerUrl } from "./site_worker.mjs";
const [site, lang, file, reps = "1"] = process.argv.slice(2);
globalThis.fetch = async (url) => { const body = readFileSync(fileURLToPath(new URL(url)), "utf-8"); return { ok: true, json: async () => JSON.parse(body) }; };
const url = workerUrl(site, lang);
let handler, answer; globalThis.self = { location: { href: url.href } };
globalThis.addEventListener = (t, fn) => { handler = fn; }; globalThis.postMessage = (m) => answer(m);
await import(url.href);
const send = (m) => new Promise((r) => { answer = r; handler({ data: m }); });
await send({ type: 0, data: { options: {} } });
const qs = [];
let cur = null;
for (const line of readFileSync(file, "utf-8").split("\n")) {
  const h = line.match(/^(\w+):\s*$/); if (h) { cur = h[1]; continue; }
  const m = line.match(/^\s*-\s*\{q:\s*(.*?),\s*topic:/); if (m && cur === lang) qs.push(m[1].replace(/^"(.*)"$/, "$1"));
}
let last = [], all = 0, bytes = 0;
for (let r = 0; r < +reps; r++) for (const q of qs) {
  for (let i = 1; i <= q.length; i++) {
    const c0 = process.cpuUsage(); const { data } = await send({ type: 2, data: q.slice(0, i) }); const c = process.cpuUsage(c0);
    const us = c.user + c.system; all += us;
    if (i === q.length) { last.push(us); bytes += JSON.stringify(data).length; }
  }
}
last.sort((a, b) => a - b);
console.log(`${lang} ${file.split("/").pop()}: CPU per prefix query ${(all / 1000 / qs.reduce((n, q) => n + q.length, 0) / +reps).toFixed(2)} ms, last key median ${(last[last.length >> 1] / 1000).toFixed(2)} ms, answer JSON ${(bytes / last.length / 1024).toFixed(0)} KB`);
