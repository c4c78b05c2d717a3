// Up to three articles that match what the user is typing, as a help centre's request form does.
// Matching compares word beginnings, so Russian and Kazakh endings do not hide a match.

const WORD = /[\p{L}\p{N}]+/gu;
const STEM = 5; // letters of a word's beginning that must agree

export function words(text) {
  return (text.toLowerCase().replaceAll("ё", "е").match(WORD) || []).filter((w) => w.length >= 3);
}

const stem = (word) => word.slice(0, STEM);

/** Articles ranked by how many of the query's words they contain; title words count double. */
export function suggestArticles(query, articles, limit = 3) {
  const wanted = new Set(words(query).map(stem));
  if (!wanted.size) return [];
  return articles
    .map((article) => {
      const title = new Set(words(article.title).map(stem));
      const body = new Set(words(`${article.sentence} ${article.keywords || ""}`).map(stem));
      let score = 0;
      for (const w of wanted) score += title.has(w) ? 2 : body.has(w) ? 1 : 0;
      return { article, score };
    })
    .filter((r) => r.score >= 2)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((r) => r.article);
}
