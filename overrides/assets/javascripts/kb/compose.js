// compose_question: the text handed to support, in the page's language. Her own words come first,
// right after the topic, so that whatever shortens the text (a chat's address, a small message
// box, an operator's preview) keeps what only she can say; the facts follow as `label: value`
// lines, the context comes last, each fact once.

/**
 * @param {object} q
 * @param {string} q.topic       topic title
 * @param {{label: string, value: string}[]} q.words  her own descriptions (the form's text areas)
 * @param {{label: string, value: string}[]} q.facts  the other filled fields, values as shown
 * @param {string} q.role        who asks (the answer to the first question)
 * @param {{title: string, opened: boolean}[]} q.articles  articles she said did not help
 * @param {string} q.time        Astana date and time the question was written
 * @param {string} q.environment browser and operating system
 * @param {string[]} q.screenshots what to attach
 * @param {string} q.edition     date of the rules' edition
 * @param {Record<string,string>} s  the page's strings
 * @param {string[]} [extra]     lines other modules add to the context (e.g. a notice)
 */
export function composeQuestion(q, s, extra = []) {
  const line = (label, value) => (value.includes("\n") ? `${label}:\n${value}` : `${label}: ${value}`);
  const filled = (list) => list.map((f) => ({ label: f.label, value: f.value.trim() })).filter((f) => f.value);
  const words = filled(q.words);
  const lines = [`${s["msg.topic"]}: ${q.topic}`];
  // The first description goes without its label: it is the question itself.
  words.forEach((f, i) => lines.push(i === 0 ? f.value : line(f.label, f.value)));
  lines.push("");
  for (const f of filled(q.facts)) lines.push(line(f.label, f.value));
  if (q.role) lines.push(`${s["msg.role"]}: ${q.role}`);
  if (q.articles.length) {
    const titles = q.articles.map((a) => (a.opened ? `${a.title} (${s["msg.opened"]})` : a.title));
    lines.push(`${s["msg.articles"]}: ${titles.join("; ")}`);
  }
  lines.push(...extra);
  lines.push(s["msg.time"].replace("{time}", q.time));
  if (q.environment.trim()) lines.push(`${s["triage.environment"]}: ${q.environment.trim()}`);
  if (q.screenshots.length) lines.push(`${s["msg.screenshots"]}: ${q.screenshots.join("; ")}`);
  lines.push(s["msg.rules"].replace("{date}", q.edition));
  return lines.join("\n");
}

/** A date field's value (2026-11-25) as people in Kazakhstan write it (25.11.2026). */
export function shownDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** Browser and operating system, detected once; the user may correct them. */
export function detectEnvironment(ua = navigator.userAgent) {
  const browsers = [
    ["Edge", /Edg\/(\d+)/], ["Opera", /OPR\/(\d+)/], ["Yandex Browser", /YaBrowser\/(\d+)/],
    ["Firefox", /Firefox\/(\d+)/], ["Chrome", /(?:Chrome|CriOS)\/(\d+)/], ["Safari", /Version\/(\d+).*Safari/],
  ];
  const systems = [
    ["Windows", /Windows NT 10/], ["Windows", /Windows/], ["Android", /Android ([\d.]+)/],
    ["iOS", /(?:iPhone|iPad).*OS (\d+)/], ["macOS", /Mac OS X/], ["Linux", /Linux/],
  ];
  const pick = (list) => {
    for (const [name, re] of list) {
      const m = ua.match(re);
      if (m) return m[1] ? `${name} ${m[1]}` : name;
    }
    return "";
  };
  return [pick(browsers), pick(systems)].filter(Boolean).join(", ");
}
