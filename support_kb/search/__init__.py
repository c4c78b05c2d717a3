"""The site's search: the data the browser reads, and the Kazakh stemmer shared with it."""
