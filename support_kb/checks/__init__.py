"""The editors' checks: parity, front matter, untranslated paragraphs, glossary, spelling."""
