"""Search per language. The i18n plugin merges both languages into one search/search_index.json,
and Material's own worker searches that: a Russian page would show Kazakh results. This hook writes
what the project's search worker (overrides/assets/javascripts/search/worker.js) reads instead:

- search/ru.json, search/kk.json: the index entries of one language (the form's steps left out);
- search/synonyms.json, search/ranking.json: docs/search-synonyms.yml and docs/search-ranking.yml, checked;
- assets/javascripts/search/kazakh-suffixes.json, search-folding.json: the Kazakh stemmer's rules
  and the folding tables (support_kb), beside the JavaScript modules that read them;

and, once both languages are built, leaves in search/search_index.json only Material's search
configuration (its front end still fetches that file on every page; the documents are not used).
The page's worker address is set in overrides/main.html."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from support_kb.search import kazakh_stem, search_data, search_folding
from support_kb.data.datafile import DataProblems
from support_kb.mkdocs_adapter.site import DEFAULT_LANGUAGE, all_languages_built, language_prefix

FORM_PAGES = ("ask/",)


_words: dict = {}  # search/<name>.json -> its data


def on_pre_build(config: MkDocsConfig):
    """Read (and check) the synonyms and the ranking before the pages, so that a broken file fails
    the build early."""
    global _words
    try:
        _words = search_data.load_search_words(Path(config.docs_dir))
    except DataProblems as error:
        raise PluginError(f"Search words are broken:\n{error}") from None


def _write_json(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


# After the search plugin (0) has written this language's index into search/search_index.json and,
# in the default language's build, after the i18n plugin (-100) has built the other languages and
# merged every language into that file.
@event_priority(-200)
def on_post_build(config: MkDocsConfig):
    i18n = config.plugins["i18n"]
    site = Path(config.site_dir)
    index_file = site / "search" / "search_index.json"
    index = json.loads(index_file.read_text(encoding="utf-8"))
    if not all_languages_built(config):
        # Another language's build, run inside the default language's: the file has its entries only.
        lang = i18n.current_language
        docs = index["docs"]
    else:
        # The default language's build, last: the file has every language merged (the merge drops
        # other languages' entries that repeat the default's, so theirs are taken in their builds).
        lang = DEFAULT_LANGUAGE
        prefixes = {locale.locale: language_prefix(locale.locale) for locale in i18n.config.languages}
        docs = search_data.split_by_language(index["docs"], prefixes)[lang]
    prefix = language_prefix(lang)
    docs = search_data.without_form_steps(docs, [prefix + page for page in FORM_PAGES])
    # Pages that rank lower (docs/search-ranking.yml), as Material's `search: boost` front matter does.
    pages = _words["ranking"].get("pages", {})
    docs = search_data.boosted(docs, {prefix + page: boost for page, boost in pages.items()})
    _write_json(site / "search" / f"{lang}.json", {"docs": docs})
    if all_languages_built(config):  # what both languages share, once
        for name, data in _words.items():
            _write_json(site / "search" / f"{name}.json", data)
        scripts = site / "assets" / "javascripts" / "search"
        scripts.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(kazakh_stem.RULES_FILE, scripts / "kazakh-suffixes.json")
        shutil.copyfile(search_folding.RULES_FILE, scripts / "search-folding.json")
        _write_json(index_file, {"config": index["config"], "docs": []})
