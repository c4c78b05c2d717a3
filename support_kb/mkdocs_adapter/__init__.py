"""The only folder that imports MkDocs, Material or the i18n plugin."""
