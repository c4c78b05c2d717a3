"""The site build as plain Python: a context read once (context.py), the steps each page goes
through (steps.py) and the whole-site outputs in their fixed order (outputs.py). The MkDocs
plugin (support_kb.mkdocs_adapter) only calls these."""
