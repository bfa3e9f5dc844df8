"""The import graph the README draws: checked against the code, in fresh interpreters."""
import ast
import re
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEXT_RULES = ["indexer.loading", "indexer.passages", "indexer.turns", "indexer.quotes", "indexer.sentences",
              "indexer.attribution", "indexer.trailers", "indexer.names", "indexer.story_memory", "indexer.mentions", "indexer.pronouns", "indexer.descriptions", "indexer.constants",
              "indexer.model", "indexer.dates", "indexer.ids", "indexer.extract", "indexer.records"]
PATCHED = [("whoosh.codec.whoosh3", "W3FieldWriter", "add_postings"), ("whoosh.codec.whoosh3", "W3FieldWriter", "close"),
           ("whoosh.codec.whoosh3", "W3PerDocReader", "doc_field_length"), ("whoosh.writing", "PostingPool", "add"),
           ("whoosh.multiproc", "SubWriterTask", "run")]


def loaded_after(statement: str) -> dict:
    """{'modules': what `statement` imported, 'patched': Whoosh methods no longer Whoosh's own}."""
    probe = f"""
import importlib, json, sys
{statement}
patched = []
for module, cls, name in {PATCHED!r}:
    if module in sys.modules:
        owner = getattr(sys.modules[module], cls)
        if not getattr(owner, name).__module__.startswith("whoosh"):
            patched.append(cls + "." + name)
print(json.dumps({{"modules": sorted(sys.modules), "patched": patched}}))
"""
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_the_web_views_load_no_text_rules_and_patch_nothing():
    found = loaded_after("import archive.views, archive.api")
    assert not set(TEXT_RULES) & set(found["modules"])
    assert "indexer.ingest" not in found["modules"]
    assert found["patched"] == []


def test_the_engine_loads_neither_flask_nor_text_rules():
    found = loaded_after("import indexer.engine")
    assert not {m for m in found["modules"] if m == "flask" or m.startswith("flask.")}
    assert not set(TEXT_RULES) & set(found["modules"])
    assert found["patched"] == []


def test_opening_the_engine_installs_the_patches(tmp_path):
    found = loaded_after(f"from indexer.engine import SearchEngine; SearchEngine({str(tmp_path)!r})")
    assert sorted(found["patched"]) == sorted(f"{cls}.{name}" for _, cls, name in PATCHED)


@pytest.mark.parametrize("module", TEXT_RULES)
def test_text_rules_load_no_whoosh_numpy_or_flask(module):
    found = loaded_after(f"import {module}")
    assert not {m.split(".")[0] for m in found["modules"]} & {"whoosh", "numpy", "flask"}


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", sorted(p.relative_to(ROOT).as_posix() for p in
                                        [ROOT / "app.py", *(ROOT / "archive").rglob("*.py"), *(ROOT / "indexer").rglob("*.py")]))
def test_only_the_engine_imports_whoosh_or_numpy_and_it_imports_no_flask(path):
    imported = _imports(ROOT / path)
    if path.startswith("indexer/engine/"):
        assert "flask" not in imported
    else:
        assert not imported & {"whoosh", "numpy"}
    if path.startswith("indexer/"):
        assert "flask" not in imported


@pytest.mark.parametrize("package", ["archive", "indexer/engine"])
def test_the_readme_names_every_module_of_the_web_layer_and_the_engine(package):
    """The README's lists of modules are what a newcomer checks: renames and new modules must reach them."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split(f"- **{package}/**", 1)[1].split("\n- ", 1)[0]
    named = set(re.findall(r"`(\w+)`", section))
    modules = {p.stem for p in (ROOT / package).glob("*.py") if p.stem != "__init__"}
    assert named == modules
