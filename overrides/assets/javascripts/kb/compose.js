// compose_question: the text handed to support, concise and complete, in the page's language.

/**
 * @param {object} q
 * @param {string} q.topic       topic title
 * @param {string} q.role        who asks (the answer to the first question)
 * @param {{question: string, answer: string}[]} q.answers  choices made on the way
 * @param {string[]} q.articles  articles offered and not enough
 * @param {{label: string, value: string}[]} q.fields  filled fields only
 * @param {string} q.time        Astana date and time
 * @param {string} q.environment browser and operating system
 * @param {string[]} q.screenshots what to attach
 * @param {string} q.edition     date of the rules' edition
 * @param {Record<string,string>} s  the page's strings
 */
export function composeQuestion(q, s) {
  const lines = [`${s["msg.topic"]}: ${q.topic}`];
  if (q.role) lines.push(`${s["msg.role"]}: ${q.role}`);
  if (q.answers.length) {
    lines.push(`${s["msg.path"]}: ${q.answers.map((a) => `${a.question} — ${a.answer}`).join("; ")}`);
  }
  if (q.articles.length) lines.push(`${s["msg.articles"]}: ${q.articles.join("; ")}`);
  for (const field of q.fields) {
    const value = field.value.trim();
    if (value) lines.push(value.includes("\n") ? `${field.label}:\n${value}` : `${field.label}: ${value}`);
  }
  lines.push(`${s["msg.time"]}: ${q.time}`);
  if (q.environment.trim()) lines.push(`${s["triage.environment"]}: ${q.environment.trim()}`);
  if (q.screenshots.length) lines.push(`${s["msg.screenshots"]}: ${q.screenshots.join("; ")}`);
  lines.push(s["msg.rules"].replace("{date}", q.edition));
  return lines.join("\n");
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
