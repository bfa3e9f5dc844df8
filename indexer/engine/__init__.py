"""The search engine: the only code that touches Whoosh (and NumPy). No Flask, no text rules."""
