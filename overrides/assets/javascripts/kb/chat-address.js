// The chat's address with the question in it. A {message} in the address's #fragment never goes
// to a server, so it carries the whole text (up to what every current browser takes); in the path
// or query the address is kept within `max` characters. Shortened, the text keeps its beginning
// (the composed question starts with her own words), ends on a word boundary and never inside a
// character: cuts fall between grapheme clusters (an emoji, a letter with its combining marks).

const ELLIPSIS = "…";
export const FRAGMENT_MAX = 32000;

/** The text as user-perceived characters. */
function graphemes(text) {
  if (typeof Intl !== "undefined" && Intl.Segmenter) {
    return Array.from(new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text), (s) => s.segment);
  }
  return Array.from(text); // code points: never half of a surrogate pair
}

/** Whether {message} sits in the address's fragment. */
export const inFragment = (template) => template.includes("#") && template.indexOf("{message}") > template.indexOf("#");

/**
 * @param {string} template  an address with {message}, {lang}, {topic}
 * @returns {{url: string, shortened: boolean}}
 */
export function chatUrl(template, { message, lang, topic }, max) {
  const limit = inFragment(template) ? FRAGMENT_MAX : max;
  const fill = (text) =>
    template
      .replaceAll("{lang}", encodeURIComponent(lang))
      .replaceAll("{topic}", encodeURIComponent(topic))
      .replaceAll("{message}", encodeURIComponent(text));
  const full = fill(message);
  if (full.length <= limit) return { url: full, shortened: false };
  const parts = graphemes(message);
  const fits = (n) => fill(parts.slice(0, n).join("") + ELLIPSIS).length <= limit;
  let low = 0;
  let high = parts.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  // Back to the last space, unless that would lose more than half of what fits.
  let end = low;
  while (end > low / 2 && !/^\s+$/.test(parts[end] ?? "")) end--;
  if (end <= low / 2) end = low;
  const start = parts.slice(0, end).join("").trimEnd();
  return { url: fill(start + ELLIPSIS), shortened: true };
}
