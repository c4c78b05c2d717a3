// The light Kazakh stemmer: the same algorithm as support_kb/kazakh_stem.py, on the same rules
// (support_kb/kazakh_suffixes.json, which the build copies next to this module).
//   stems("балаларға") -> ["балаларға", "балалар", "бала"]

const RULES_URL = new URL("./kazakh-suffixes.json", import.meta.url);

/** The rules file, ready to use; `data` is its parsed JSON. */
export function compileRules(data) {
  const { back, front, neutral } = data.vowels;
  const lookAlikes = Object.fromEntries(Object.entries(data.look_alikes).filter(([k]) => k !== "about"));
  const folded = new Set(Object.values(lookAlikes));
  const endings = new Map();
  for (const group of data.suffixes)
    for (const harmony of ["back", "front", "any"])
      for (const form of group[harmony] || []) {
        const ending = { form, harmony, after: group.after || "any" };
        endings.set(`${form}|${harmony}|${ending.after}`, ending);
      }
  const key = (e) => [e.form, e.harmony, e.after];
  const compare = (a, b) => b.form.length - a.form.length || cmp(key(a), key(b));
  return {
    minStem: data.min_stem_letters,
    maxEndings: data.max_endings,
    maxWord: data.max_word_letters,
    back: new Set(back),
    front: new Set(front),
    // A Latin i typed for і counts as a vowel too.
    vowels: new Set([...back, ...front, ...neutral, "i"]),
    voiceless: new Set(data.letters.voiceless),
    consonantal: new Set(data.letters.consonantal_vowels),
    finalLetters: data.final_letters,
    alternations: data.alternations,
    lookAlikes,
    sureBack: new Set([...back].filter((v) => !folded.has(v))),
    sureFront: new Set([...front].filter((v) => !folded.has(v))),
    endings: [...endings.values()].sort(compare), // longest first, as in Python
  };
}

function cmp(a, b) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

const EMPTY = compileRules({
  min_stem_letters: 3, max_endings: 0, max_word_letters: 0, vowels: { back: "", front: "", neutral: "" }, final_letters: {}, alternations: {},
  letters: { voiceless: "", consonantal_vowels: "" }, look_alikes: {}, suffixes: [],
});

let rules = EMPTY;

/** Resolves (to the rules) once the rules file is read; until then no ending is stripped and no
 *  letter folded. The module does not wait for it, so that a page that imports it starts at once. */
export const rulesLoaded = (async () => {
  try {
    const response = await fetch(RULES_URL);
    if (!response.ok) throw new Error(`${response.status} ${RULES_URL}`);
    rules = compileRules(await response.json());
  } catch (error) {
    // Search and suggestions still work, without Kazakh endings and look-alikes.
    console.warn("Kazakh stemming rules not loaded:", error);
  }
  return rules;
})();

/** The rules in use: those of the file once it is read. */
export const currentRules = () => rules;

/** Kazakh letters replaced by the look-alikes people type instead: "өтініш" -> "отиниш". */
export function fold(word, rules = currentRules()) {
  let out = "";
  for (const ch of word) out += rules.lookAlikes[ch] ?? ch;
  return out;
}

function harmony(stem, rules, lenient) {
  const [back, front] = lenient ? [rules.sureBack, rules.sureFront] : [rules.back, rules.front];
  for (let i = stem.length - 1; i >= 0; i--) {
    const ch = stem[i];
    if (back.has(ch)) return "back";
    if (front.has(ch)) return "front";
    if (lenient && rules.vowels.has(ch)) return null; // may stand for either: do not judge
  }
  return null;
}

function endsAsRequired(stem, after, rules) {
  const last = stem.at(-1);
  const vowel = rules.vowels.has(last) && !rules.consonantal.has(last);
  if (after === "vowel") return vowel;
  if (after === "consonant") return !vowel;
  if (after === "voiceless") return rules.voiceless.has(last);
  return true;
}

function stripOnce(word, rules, lenient) {
  if (word && Object.hasOwn(rules.finalLetters, word.at(-1))) // қою: қой + у
    word = word.slice(0, -1) + rules.finalLetters[word.at(-1)];
  const compare = lenient ? fold(word, rules) : word;
  for (const ending of rules.endings) {
    if (!compare.endsWith(lenient ? fold(ending.form, rules) : ending.form)) continue;
    let stem = word.slice(0, word.length - ending.form.length);
    if (stem.length < rules.minStem || ![...stem].some((ch) => rules.vowels.has(ch))) continue;
    if (!endsAsRequired(stem, ending.after, rules)) continue;
    const found = ending.harmony === "any" ? null : harmony(stem, rules, lenient);
    if (found !== null && found !== ending.harmony) continue;
    if (rules.vowels.has(ending.form[0]) && Object.hasOwn(rules.alternations, stem.at(-1)))
      stem = stem.slice(0, -1) + rules.alternations[stem.at(-1)];
    return stem;
  }
  return null;
}

/** The word (lower-cased) and each stem left after one more ending is stripped, longest first.
 *  lenient: also for words typed without Kazakh letters ("балаларга", "отиништер").
 *  Bounded as in Python (max_endings, max_word_letters): a pasted run of endings costs no more
 *  than a word. */
export function stems(word, { lenient = false, rules = currentRules() } = {}) {
  let current = word.toLowerCase();
  const found = [current];
  if (current.length > rules.maxWord) return found;
  for (let stem; found.length <= rules.maxEndings && (stem = stripOnce(current, rules, lenient)) !== null; current = stem)
    found.push(stem);
  return found;
}
