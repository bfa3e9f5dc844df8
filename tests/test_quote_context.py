"""What stands around a quotation: (text, expected) tables, negative cases included."""
import pytest

from indexer.quote_context import speaks_as
from indexer.quotes import Span


@pytest.mark.parametrize("quoted, person, expected", [
    ("I have seen enough of the senior players.", "Tom Kale", True),
    ("We built this harbour for the town.", "Ana Ruiz", True),
    # negative cases: no one speaking of themselves; someone spoken of as 'he' or 'she', or by the surname
    ("The pitch was heavy and the ball stuck.", "Tom Kale", False),
    ("She will be upset but I am not worried.", "Ana Ruiz", False),
    ("I think he played his best game.", "Tom Kale", False),
    ("I know Kale will learn from it.", "Tom Kale", False),
])
def test_speaks_as(quoted, person, expected):
    text = f'"{quoted}"'
    assert speaks_as(text, Span(1, 1 + len(quoted), True, True, "double"), person) is expected
