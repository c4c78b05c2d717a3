// The Snowball Russian stemmer (snowballstem.org/algorithms/russian), as the search index and the
// query both use it: russianStem("заявления") === russianStem("заявление") === "заявлен".

const VOWELS = "аеиоуыэюя";

const GERUND_1 = ["в", "вши", "вшись"]; // after а or я
const GERUND_2 = ["ив", "ивши", "ившись", "ыв", "ывши", "ывшись"];
const ADJECTIVE = ["ее", "ие", "ые", "ое", "ими", "ыми", "ей", "ий", "ый", "ой", "ем", "им", "ым", "ом",
  "его", "ого", "ему", "ому", "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею"];
const PARTICIPLE_1 = ["ем", "нн", "вш", "ющ", "щ"]; // after а or я
const PARTICIPLE_2 = ["ивш", "ывш", "ующ"];
const REFLEXIVE = ["ся", "сь"];
const VERB_1 = ["ла", "на", "ете", "йте", "ли", "й", "л", "ем", "н", "ло", "но", "ет", "ют", "ны", "ть",
  "ешь", "нно"]; // after а or я
const VERB_2 = ["ила", "ыла", "ена", "ейте", "уйте", "ите", "или", "ыли", "ей", "уй", "ил", "ыл", "им",
  "ым", "ен", "ило", "ыло", "ено", "ят", "ует", "уют", "ит", "ыт", "ены", "ить", "ыть", "ишь", "ую", "ю"];
const NOUN = ["а", "ев", "ов", "ие", "ье", "е", "иями", "ями", "ами", "еи", "ии", "и", "ией", "ей", "ой",
  "ий", "й", "иям", "ям", "ием", "ем", "ам", "ом", "о", "у", "ах", "иях", "ях", "ы", "ь", "ию", "ью", "ю",
  "ия", "ья", "я"];
const SUPERLATIVE = ["ейш", "ейше"];
const DERIVATIONAL = ["ост", "ость"];

const isVowel = (ch) => VOWELS.includes(ch);

/** `word` without its longest ending from `endings`, or from `afterA` (endings that must follow
 *  а or я, which stay), when the ending lies at or after `limit`; null when none does. */
function strip(word, limit, endings, afterA = []) {
  let best = null;
  for (const [list, needsA] of [[endings, false], [afterA, true]]) {
    for (const ending of list) {
      if (!word.endsWith(ending) || word.length - ending.length < limit) continue;
      if (!best || ending.length > best.ending.length) best = { ending, needsA };
    }
  }
  if (!best) return null;
  const rest = word.slice(0, word.length - best.ending.length);
  if (best.needsA && !(rest.length > limit && "ая".includes(rest.at(-1)))) return null;
  return rest;
}

/** Start of the region after the first vowel (RV) and of R2, as Snowball defines them. */
function regions(word) {
  let rv = word.length;
  for (let i = 0; i < word.length; i++) if (isVowel(word[i])) { rv = i + 1; break; }
  const after = (from) => {
    for (let i = from + 1; i < word.length; i++) if (!isVowel(word[i]) && isVowel(word[i - 1])) return i + 1;
    return word.length;
  };
  const r1 = after(0);
  return { rv, r2: after(r1) };
}

export function russianStem(input) {
  let word = input.toLowerCase().replaceAll("ё", "е");
  const { rv, r2 } = regions(word);
  if (rv >= word.length) return word;

  // Step 1: a perfective gerund; or else a reflexive ending, then an adjectival, verb or noun one.
  let rest = strip(word, rv, GERUND_2, GERUND_1);
  if (rest !== null) {
    word = rest;
  } else {
    word = strip(word, rv, REFLEXIVE) ?? word;
    rest = strip(word, rv, ADJECTIVE);
    if (rest !== null) {
      word = strip(rest, rv, PARTICIPLE_2, PARTICIPLE_1) ?? rest;
    } else {
      word = strip(word, rv, VERB_2, VERB_1) ?? strip(word, rv, NOUN) ?? word;
    }
  }
  // Step 2: a final и.
  word = strip(word, rv, ["и"]) ?? word;
  // Step 3: a derivational ending inside R2.
  word = strip(word, Math.max(rv, r2), DERIVATIONAL) ?? word;
  // Step 4: a superlative ending, a double н, a soft sign.
  const superlative = strip(word, rv, SUPERLATIVE);
  if (superlative !== null) word = superlative;
  if (word.endsWith("нн") && word.length - 2 >= rv) word = word.slice(0, -1);
  else if (superlative === null && word.endsWith("ь") && word.length - 1 >= rv) word = word.slice(0, -1);
  return word;
}
