"""Search per language. The i18n plugin merges both languages into one search/search_index.json,
and Material's own worker searches that: a Russian page would show Kazakh results. The build
writes what the project's search worker (overrides/assets/javascripts/search/worker.js) reads
instead:

- search/ru.json, search/kk.json: the index entries of one language (the form's steps left out);
- search/synonyms.json, search/ranking.json: docs/search-synonyms.yml and docs/search-ranking.yml, checked;
- assets/javascripts/search/kazakh-suffixes.json, search-folding.json: the Kazakh stemmer's rules
  and the folding tables, beside the JavaScript modules that read them;

and leaves in search/search_index.json only Material's search configuration (its front end still
fetches that file on every page; the documents are not used). The page's worker address is set by
support_kb.mkdocs_adapter.material_patches."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from ..build.context import BuildContext, language_prefix
from . import kazakh_stem, search_data, search_folding

INDEX_FILE = "search/search_index.json"


def _write_json(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def keep_language(ctx: BuildContext, lang: str, entries: list[dict]) -> None:
    """One language's entries of Material's index, as that language's build leaves them."""
    prefix = language_prefix(lang)
    form_page = ctx.form_pages.get(lang)
    entries = search_data.without_form_steps(entries, [form_page] if form_page else [])
    # Pages that rank lower (docs/search-ranking.yml), as Material's `search: boost` front matter does.
    pages = ctx.search_words["ranking"].get("pages", {})
    ctx.search[lang] = search_data.boosted(entries, {prefix + page: boost for page, boost in pages.items()})


def write_search(ctx: BuildContext) -> None:
    site = ctx.site.output
    for lang, entries in ctx.search.items():
        _write_json(site / "search" / f"{lang}.json", {"docs": entries})
    for name, data in ctx.search_words.items():
        _write_json(site / "search" / f"{name}.json", data)
    scripts = site / "assets" / "javascripts" / "search"
    scripts.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(kazakh_stem.RULES_FILE, scripts / "kazakh-suffixes.json")
    shutil.copyfile(search_folding.RULES_FILE, scripts / "search-folding.json")
    index = site / INDEX_FILE
    _write_json(index, {"config": json.loads(index.read_text(encoding="utf-8"))["config"], "docs": []})
