"""The full names a story gives, kept so that a surname or a first name finds its person quickly."""
from __future__ import annotations


class NameBook:
    """Full names in the order last learnt, indexed by their first and last words.

    Learning a name again moves it to the end. Scanning every name at every mention made a
    document naming thousands of people quadratic; the indexes keep each look-up to the few names
    that share a word.
    """

    def __init__(self) -> None:
        self._order: dict[str, int] = {}  # name -> when it was last learnt
        self._words: set[str] = set()
        self._by_last: dict[str, set[str]] = {}
        self._by_first: dict[str, set[str]] = {}
        self._learnt = 0

    def add(self, full: str) -> None:
        words = full.split()
        self._learnt += 1
        self._order.pop(full, None)
        self._order[full] = self._learnt
        self._words.update(words)
        self._by_last.setdefault(words[-1], set()).add(full)
        self._by_first.setdefault(words[0], set()).add(full)

    def __bool__(self) -> bool:
        return bool(self._order)

    def __iter__(self):
        return iter(self._order)

    def latest(self) -> str:
        return next(reversed(self._order))

    def has_word(self, word: str) -> bool:
        return word in self._words

    def __contains__(self, full: object) -> bool:
        return full in self._order

    def has_last_word(self, word: str) -> bool:
        return bool(self._by_last.get(word))

    def ending_with(self, parts: list[str]) -> list[str]:
        """Longer names whose last words are ``parts``, the latest learnt first."""
        found = self._by_last.get(parts[-1], set()) if parts else set()
        return [full for full in self._latest_first(found)
                if len(full.split()) > len(parts) and full.split()[-len(parts):] == parts]

    def starting_with(self, word: str) -> list[str]:
        return self._latest_first(self._by_first.get(word, set()))

    def _latest_first(self, names: set[str]) -> list[str]:
        return sorted(names, key=self._order.__getitem__, reverse=True)


class Either:
    """A name in any of the books, asked without copying them (a copy per phrase was quadratic)."""

    def __init__(self, *books: NameBook):
        self._books = books

    def __contains__(self, full: object) -> bool:
        return any(full in book for book in self._books)
