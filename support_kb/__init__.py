"""The knowledge base's own logic, kept apart from MkDocs so that the hooks stay thin."""
