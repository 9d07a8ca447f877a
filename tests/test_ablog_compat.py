"""One seam to ABlog (issue 14): nothing but ablog_compat imports it, every name
used from it is checked when the adapter loads (an ABlog without one fails at
once, naming it), and each workaround is in force in a real build.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import ablog.post
import pytest

from blogarchive import ablog_compat

SRC = Path(__file__).resolve().parents[1] / "src" / "blogarchive"
TESTS = Path(__file__).resolve().parent


def imports_of(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def test_only_the_adapter_imports_ablog():
    files = [*SRC.rglob("*.py"), *(p for p in TESTS.rglob("*.py") if p.name != Path(__file__).name)]
    importers = sorted(
        path.name for path in files if any(n.split(".")[0] == "ablog" for n in imports_of(path))
    )
    assert importers == ["ablog_compat.py"]


def test_a_missing_ablog_name_fails_loudly(monkeypatch):
    monkeypatch.delattr(ablog.post, "register_posts")
    with pytest.raises(ImportError, match=r"ablog\.post\.register_posts"):
        importlib.reload(ablog_compat)
    monkeypatch.undo()
    importlib.reload(ablog_compat)


@pytest.mark.parametrize(("module", "name"), ablog_compat.USED)
def test_every_name_the_adapter_uses_exists(module, name):
    assert hasattr(module, name)


@pytest.mark.sphinx("html", testroot="furo-trap")
def test_workarounds_are_in_force(app):
    # ablog PR #330: parallel reading, with the posts merged back.
    assert app.extensions["ablog"].parallel_read_safe is True
    handlers = [listener.handler for listener in app.events.listeners["env-merge-info"]]
    assert ablog_compat.merge_posts in handlers
    # ABlog's archive pages and feeds are replaced by ours.
    collect = [listener.handler for listener in app.events.listeners["html-collect-pages"]]
    assert not set(ablog_compat.REPLACED) & set(collect)
    # Our front-matter transforms run around ABlog's.
    priorities = {t.__name__: t.default_priority for t in app.registry.get_transforms()}
    assert priorities["CheckPostFrontMatter"] < priorities["CheckFrontMatter"]
    assert priorities["ApplyPostFrontMatter"] > priorities["CheckFrontMatter"]
