"""The read side: search, citations, and the HTML and JSON views over the Whoosh index."""
