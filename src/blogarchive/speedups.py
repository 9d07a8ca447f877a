"""Workarounds, in this one place, for per-document costs in Sphinx and MyST.

Each one keeps what the original computes and only stops computing it again
for every post (measured at 1000 posts: together about an eighth of a clean
build; benchmarks/README.md).  Output is unchanged: the reproducibility tests
compare incremental, parallel and clean builds byte for byte.

- docutils' default settings: Sphinx (``sphinx.util.docutils._get_settings``)
  and MyST (``make_document``, evaluated for every document even when Sphinx
  hands it one) build an ``OptionParser`` of about a hundred options per
  document, reading docutils.conf files each time.  Here each distinct parser
  is built once per process and asked for fresh default values per document,
  exactly what the original returns: a new ``Values`` (with its own list of
  dependencies) from the same defaults.
- MyST parses each post's front matter twice with PyYAML's pure-Python loader;
  here with the libyaml loader (same results, same exception classes), when
  PyYAML has it.
"""

from __future__ import annotations

import warnings

import yaml
from docutils.frontend import OptionParser


class _SettingsParsers:
    """One OptionParser per (components, defaults by identity, config files)."""

    def __init__(self):
        self._parsers: dict[tuple, tuple[dict, OptionParser]] = {}

    def defaults(self, components, defaults=None, read_config_files=False):
        defaults = dict(defaults or {})
        key = (components, read_config_files, tuple(sorted(defaults)))
        cached = self._parsers.get(key)
        if cached is None or any(cached[0][name] is not value for name, value in defaults.items()):
            # The same objects as before, or a parser of its own (a new build's env).
            with warnings.catch_warnings(action="ignore", category=DeprecationWarning):
                parser = OptionParser(
                    components=components, defaults=defaults, read_config_files=read_config_files
                )
            cached = self._parsers[key] = (defaults, parser)
        return cached[1].get_default_values()


_PARSERS = _SettingsParsers()


def _sphinx_get_settings(*components, defaults, read_config_files=False):
    return _PARSERS.defaults(components, defaults, read_config_files)


def _myst_get_default_settings(*components):
    return _PARSERS.defaults(components)


class _LibYaml:
    """The ``yaml`` module as MyST sees it, ``safe_load`` by libyaml."""

    def __getattr__(self, name):
        return getattr(yaml, name)

    @staticmethod
    def safe_load(stream):
        return yaml.load(stream, Loader=yaml.CSafeLoader)


def install() -> None:
    """Apply the workarounds (idempotent; they change no result)."""
    import myst_parser.config.main as myst_config
    import myst_parser.mdit_to_docutils.base as myst_base
    import sphinx.util.docutils as sphinx_docutils

    if hasattr(sphinx_docutils, "_get_settings"):
        sphinx_docutils._get_settings = _sphinx_get_settings
    if hasattr(myst_base, "get_default_settings"):
        myst_base.get_default_settings = _myst_get_default_settings
    if getattr(yaml, "__with_libyaml__", False):
        for module in (myst_base, myst_config):
            if getattr(module, "yaml", None) is yaml:
                module.yaml = _LibYaml()
