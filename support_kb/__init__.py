"""The knowledge base's own logic, kept apart from MkDocs: support_kb.build drives it, the MkDocs plugin only adapts.

data/            reading editors' data files strictly (lines, duplicate keys), the knowledge base at once
content/         pages, portal labels, topics, glossary, rules, interface strings, dates, last updates
tree/            the "before you ask" decision tree
calendar/        the support chat's calendar
search/          the search data and the Kazakh stemmer
checks/          the editors' checks and spelling
serving/         what serving the site needs: the Content-Security-Policy, module preloads
mkdocs_adapter/  the only folder that imports MkDocs, Material or the i18n plugin
"""
