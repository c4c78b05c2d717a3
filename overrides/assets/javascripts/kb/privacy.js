// Finds what must not leave the page in a question to support: a password (support never asks
// for one, rule 30-11), a one-time code from an SMS (never asked for either), a valid IIN, a phone
// number; and masks them. Text is read as a person reads it: characters that show nothing
// (zero-width spaces, soft hyphens) are skipped, and inside a Cyrillic word a Latin letter that
// looks like a Cyrillic one counts as that letter ("пaроль" with a Latin a).

const MASK = "•";
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, "g");
const CYRILLIC_LETTER = /\p{Script=Cyrillic}/u;
const LATIN_LOOK_ALIKES = {
  a: "а", c: "с", e: "е", h: "һ", i: "і", k: "к", m: "м", o: "о", p: "р", t: "т", x: "х", y: "у",
  A: "А", B: "В", C: "С", E: "Е", H: "Н", I: "І", K: "К", M: "М", O: "О", P: "Р", T: "Т", X: "Х", Y: "У",
};

const NOT_IN_WORD = String.raw`(?<![\p{L}\p{N}])`;
const WORD_ENDS = String.raw`(?![\p{L}\p{N}])`;
// Пароль, құпиясөз (also typed as құпия сөз, купиясоз), and the Latin words people write instead.
const PASSWORD_WORD = String.raw`(?:парол[ьяеюи]\p{L}*|[қк][ұу]пия\s?с[өо]з\p{L}*|password|passwd|pass|pwd|parol\p{L}*)`;
// ":", "=", a dash; a hyphen only after a space ("password-reset" is one word); or a space.
const SEPARATOR = String.raw`(\s*[:=—–]\s*|\s+-\s*|\s+)`;
const PASSWORD = new RegExp(`${NOT_IN_WORD}${PASSWORD_WORD}${WORD_ENDS}${SEPARATOR}([^\\s,;]+)`, "giu");
// "логин и пароль admin admin123", "логин мен құпиясөз: admin admin123": the second word is the password.
const LOGIN_AND_PASSWORD = new RegExp(
  `${NOT_IN_WORD}(?:логин|login)\\s*(?:и|/|,|мен|және|and|&)\\s*${PASSWORD_WORD}${WORD_ENDS}` +
  String.raw`\s*[:=—–-]?\s*[^\s,;/]+(\s*[\s,;/]\s*)([^\s,;]+)`, "giu");
// A one-time code: "код из смс: 123456", "SMS-код 4821", "смс коды 4821", "растау коды 1234".
const CODE_WORD = String.raw`(?:код|kod|code)\p{L}*`;
const SMS = String.raw`(?:sms|смс)\p{L}*`;
const ONE_TIME_CODE = new RegExp(
  `${NOT_IN_WORD}(?:${SMS}[\\s-]*${CODE_WORD}|${CODE_WORD}(?:\\s+(?:из|в|по|from|in))?\\s+${SMS}` +
  String.raw`|(?:одноразов|растау|бір\s?реттік|верификац|подтвержд)\p{L}*\s+${CODE_WORD}|${CODE_WORD}\s+подтвержд\p{L}*)` +
  String.raw`(?:\s+\p{L}{1,10}){0,2}?\s*[:=—–-]?\s*(\d(?:[\s-]?\d){3,7})(?!\p{N})`, "giu");
// Twelve digits, also written in groups ("900101 300027", "9001-0130-0027").
const TWELVE_DIGITS = /(?<!\d)\d(?:[ \u00A0-]?\d){11}(?!\d)/g;
// A Kazakhstan number: +7 or 8, or nothing, then ten digits from 7 (mobile 7xx, landline 7xxx).
const PHONE = /(?<![\d+])(?:(?:\+\s?7|8)[\s(.-]*)?\(?7(?:[\s().-]{0,2}\d){9}(?!\d)|(?<![\d+])\+\d[\d\s()-]{8,16}\d(?!\d)/g;

/** The IIN's check digit: weights 1…11 mod 11; on 10, weights 3…11,1,2; on 10 again, no IIN. */
export function isIin(value) {
  if (!/^\d{12}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const check = (weights) => weights.reduce((sum, w, i) => sum + w * digits[i], 0) % 11;
  let control = check([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (control === 10) control = check([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return control !== 10 && control === digits[11];
}

/** A password is flagged when written as "пароль: x", or when what follows looks like one:
 *  with a digit ("пароль 123"), or long with a sign in it. */
function looksLikeSecret(separator, token) {
  if (token.startsWith(MASK)) return false; // already masked
  return /[:=—–-]/.test(separator) || (token.length >= 3 && /\d/.test(token)) || (token.length >= 6 && /[^\p{L}]/u.test(token));
}

/** After a login, a password is anything but a word of the sentence: a digit or a sign in it, or
 *  Latin letters only. */
const looksLikePassword = (token) => !token.startsWith(MASK) && (/[^\p{L}]/u.test(token) || !/\p{Script=Cyrillic}/u.test(token));

/** The text as read (see the top of the file), and where each of its characters is in the text.
 *  Linear, and quick on the common text that has nothing to skip. */
function readable(text) {
  let plain = text;
  let at = (i) => i;
  if (INVISIBLE.test(text)) {
    const positions = [];
    plain = text.replace(INVISIBLE_ALL, "");
    for (let i = 0; i < text.length; i++) if (!INVISIBLE.test(text[i])) positions.push(i);
    positions.push(text.length);
    at = (i) => positions[i];
  }
  // A run of Latin letters next to a Cyrillic letter is inside a Cyrillic word: "пaроль".
  plain = plain.replace(/[A-Za-z]+/g, (run, offset) =>
    CYRILLIC_LETTER.test(plain[offset - 1] || "") || CYRILLIC_LETTER.test(plain[offset + run.length] || "")
      ? run.replace(/[A-Za-z]/g, (ch) => LATIN_LOOK_ALIKES[ch] ?? ch) : run);
  return { plain, at };
}

/** Sensitive spans: [{kind: "password" | "code" | "iin" | "phone", start, end}], in text order. */
export function findSensitive(text) {
  const { plain, at } = readable(text);
  const found = [];
  const add = (kind, start, end) => {
    const span = { kind, start: at(start), end: at(end - 1) + 1 };
    if (!found.some((f) => f.start < span.end && span.start < f.end)) found.push(span);
  };
  const last = (m) => m.index + m[0].length;
  for (const m of plain.matchAll(PASSWORD)) if (looksLikeSecret(m[1], m[2])) add("password", last(m) - m[2].length, last(m));
  for (const m of plain.matchAll(LOGIN_AND_PASSWORD)) if (looksLikePassword(m[2])) add("password", last(m) - m[2].length, last(m));
  for (const m of plain.matchAll(ONE_TIME_CODE)) add("code", last(m) - m[1].length, last(m));
  for (const m of plain.matchAll(TWELVE_DIGITS)) if (isIin(m[0].replace(/\D/g, ""))) add("iin", m.index, last(m));
  for (const m of plain.matchAll(PHONE)) add("phone", m.index, last(m));
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
