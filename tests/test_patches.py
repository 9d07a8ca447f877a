"""Patches of Sphinx's and MyST's internals (issue 14): all in patches.py, each
checked when it loads (a name that is gone, or whose signature changed, fails
the import, naming it) and each in force in a real build.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest
import sphinx.util.docutils as sphinx_docutils

from blogarchive import patches

SRC = Path(__file__).resolve().parents[1] / "src" / "blogarchive"


@pytest.mark.sphinx("html", testroot="furo-trap")
def test_every_patch_is_in_force_in_a_build(app):
    app.build()
    assert patches.in_force() == dict.fromkeys(patches.in_force(), True)


@pytest.mark.parametrize("patch", patches.PATCHES, ids=lambda p: p.name)
def test_a_patched_name_that_is_gone_fails_the_import(monkeypatch, patch):
    monkeypatch.delattr(patch.owner, patch.name)
    with pytest.raises(ImportError, match=patch.name):
        importlib.reload(patches)
    monkeypatch.undo()
    importlib.reload(patches)
    patches.install()


def test_a_changed_signature_fails_the_import(monkeypatch):
    monkeypatch.setattr(sphinx_docutils, "_get_settings", lambda *components, defaults: None)
    with pytest.raises(ImportError, match=r"_get_settings.*is not"):
        importlib.reload(patches)
    monkeypatch.undo()
    importlib.reload(patches)
    patches.install()


def test_no_other_module_assigns_to_sphinx_or_myst():
    """Assignments to attributes of imported sphinx/myst/docutils objects live in patches.py."""
    offenders = []
    for path in SRC.rglob("*.py"):
        if path.name == "patches.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {
            alias.asname or alias.name.split(".")[0]
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in node.names
            if (getattr(node, "module", None) or alias.name).split(".")[0]
            in ("sphinx", "myst_parser", "docutils")
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if (
                        isinstance(target, ast.Attribute)
                        and isinstance(target.value, ast.Name)
                        and target.value.id in imported
                    ):
                        offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []
