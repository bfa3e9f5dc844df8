"""Old home of the engine's analyzer, kept because indexes remember it.

Whoosh pickles the schema into every index's TOC, naming its analyzer and format classes by
module: indexes written before the engine moved to indexer/engine/ name
``indexer.analysis.StemmedWords`` and ``indexer.analysis.WordPositions``, and could not be
opened without these names. New indexes name indexer.engine.analysis. Nothing else may import this.
"""
from .engine.analysis import StemmedWords, WordPositions

__all__ = ["StemmedWords", "WordPositions"]
