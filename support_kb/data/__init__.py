"""Editors' data files read strictly (every node knows its line), and the knowledge base read at once."""
