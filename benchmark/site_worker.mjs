// The address of a built site's search worker for one language, as that language's home page names
// it in Material's configuration ("search": "…/worker.<hash>.js?lang=kk"): the build gives the
// worker a content-hashed name (support_kb/serving/fingerprints.py), so no fixed path will do.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const HOME = { ru: "index.html", kk: "kk/index.html" };

export function workerUrl(site, lang) {
  const home = join(site, HOME[lang]);
  const address = readFileSync(home, "utf-8").match(/"search":\s*"([^"]+)"/)?.[1];
  if (!address) throw new Error(`${home}: no search worker address in the page's configuration`);
  return new URL(address, pathToFileURL(home));
}
