// Finds what must not leave the page in a question to support: a password (support never asks
// for one, rule 30-11), a valid IIN, a phone number; and masks them.

const PASSWORD = /(парол[ьяеюи]\p{L}*|құпия\s?сөз\p{L}*|password|passwd)(\s*[:=—–-]\s*|\s+)([^\s,;]+)/giu;
const TWELVE_DIGITS = /(?<!\d)\d{12}(?!\d)/g;
const PHONE = /(?<![\d+])(?:\+?7|8)[\s(-]*7\d{2}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}(?!\d)|(?<![\d+])\+\d[\d\s()-]{8,16}\d(?!\d)/g;
const MASK = "•";

/** The IIN's check digit: weights 1…11 mod 11; on 10, weights 3…11,1,2; on 10 again, no IIN. */
export function isIin(value) {
  if (!/^\d{12}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const check = (weights) => weights.reduce((sum, w, i) => sum + w * digits[i], 0) % 11;
  let control = check([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (control === 10) control = check([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return control !== 10 && control === digits[11];
}

/** A password is flagged when written as "пароль: x", or when what follows looks like one. */
function looksLikeSecret(separator, token) {
  if (token.startsWith(MASK)) return false; // already masked
  return /[:=—–-]/.test(separator) || (token.length >= 6 && /[^\p{L}]/u.test(token));
}

/** Sensitive spans: [{kind: "password" | "iin" | "phone", start, end}], in text order. */
export function findSensitive(text) {
  const found = [];
  for (const m of text.matchAll(PASSWORD)) {
    if (looksLikeSecret(m[2], m[3])) {
      const start = m.index + m[1].length + m[2].length;
      found.push({ kind: "password", start, end: start + m[3].length });
    }
  }
  for (const m of text.matchAll(TWELVE_DIGITS)) {
    if (isIin(m[0])) found.push({ kind: "iin", start: m.index, end: m.index + 12 });
  }
  for (const m of text.matchAll(PHONE)) {
    const overlaps = found.some((f) => f.start < m.index + m[0].length && m.index < f.end);
    if (!overlaps) found.push({ kind: "phone", start: m.index, end: m.index + m[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The text with every sensitive span hidden; a phone keeps its last two digits. */
export function mask(text) {
  let result = text;
  for (const span of findSensitive(text).reverse()) {
    const part = text.slice(span.start, span.end);
    const hidden =
      span.kind === "phone"
        ? part.replace(/\d(?=(?:\D*\d){2})/g, MASK)
        : MASK.repeat(span.kind === "password" ? 6 : part.length);
    result = result.slice(0, span.start) + hidden + result.slice(span.end);
  }
  return result;
}
