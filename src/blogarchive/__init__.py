"""blogarchive: the Sphinx extension that makes ABlog and Furo into this blog's archive.

ABlog reads the posts; the extension (:mod:`blogarchive.extension`) checks their
front matter first, adds a header under each post's title, builds every archive
page (months included) and the Atom feeds, and gives the templates in
``_templates/`` what they need.

The extension is imported only when Sphinx sets it up.  ``python -m
blogarchive.build`` imports this package first, and its up-to-date check, which
decides whether Sphinx starts at all, needs none of Sphinx, ABlog or Furo:
importing them took 0.7 s of the 0.8 s a no-op build took.
"""

__version__ = "0.1.0"


def setup(app):
    """Sphinx's entry point (``extensions = [..., "blogarchive"]``)."""
    from .extension import setup as extension_setup

    return extension_setup(app)
