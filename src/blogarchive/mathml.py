"""Mathematics as MathML, written when the site is built: nothing is loaded.

Sphinx shows math with MathJax, a script from cdn.jsdelivr.net on every page
holding any: another host, which the site never loads from (the pages'
policy blocks it, and the math showed as its LaTeX).  Here latex2mathml (pure
Python) writes each formula as MathML, which browsers show themselves
(MathML Core) and e-book readers read; the e-book's pages hold the same.

latex2mathml writes what ``\\text{...}`` holds as it is (``<script>`` too) and
``\\href`` as an attribute: its MathML is kept by allowlist (MathML Core's
elements and their presentation attributes; any other element's text is kept
without it).  A formula it cannot read is shown as its LaTeX, in code.
"""

from __future__ import annotations

from html import escape

from docutils import nodes
from lxml import etree
from sphinx.util.math import get_node_equation_number

NAMESPACE = "http://www.w3.org/1998/Math/MathML"
ELEMENTS = frozenset(
    "math mrow mi mn mo mtext mspace ms msup msub msubsup mfrac msqrt mroot mstyle merror"
    " mpadded mphantom munder mover munderover mtable mtr mtd mlabeledtr mmultiscripts"
    " mprescripts none semantics annotation menclose".split()
)
ATTRIBUTES = frozenset(
    "display mathvariant stretchy fence separator lspace rspace minsize maxsize movablelimits"
    " accent accentunder linethickness columnalign rowalign columnspan rowspan width height"
    " depth voffset scriptlevel displaystyle form largeop symmetric columnlines rowlines frame"
    " columnspacing rowspacing align notation encoding".split()
)


def mathml(latex: str, block: bool = False) -> str | None:
    """``latex`` as MathML (a ``<math>`` element), or None if it cannot be read."""
    from latex2mathml.converter import convert  # here: 0.1 s of imports, for pages with math

    try:
        root = etree.fromstring(convert(latex, display="block" if block else "inline").encode())
    except Exception:  # noqa: BLE001 - latex2mathml raises many kinds; the LaTeX is shown instead
        return None
    foreign = {
        el.tag
        for el in root.iter()
        if not isinstance(el.tag, str)
        or etree.QName(el).namespace != NAMESPACE
        or etree.QName(el).localname not in ELEMENTS
    }
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    etree.strip_tags(root, *(tag for tag in foreign if isinstance(tag, str)))
    for el in root.iter():
        for name in [name for name in el.attrib if name not in ATTRIBUTES]:
            del el.attrib[name]
    return etree.tostring(root, encoding="unicode")


def _shown(latex: str, block: bool) -> str:
    return mathml(latex, block) or f'<code class="math-source">{escape(latex)}</code>'


def visit_math(self, node: nodes.math) -> None:
    """Inline math: its MathML in a ``span.math``."""
    self.body.append(self.starttag(node, "span", "", CLASS="math"))
    self.body.append(_shown(node.astext(), block=False) + "</span>")
    raise nodes.SkipNode


def visit_displaymath(self, node: nodes.math_block) -> None:
    """A block of math: each of its equations (split by blank lines) as MathML,
    its number and link as Sphinx's own renderers write them."""
    self.body.append('<div class="math">')  # its id is on Sphinx's wrapper around it
    if node["number"]:
        self.body.append(f'<span class="eqno">({get_node_equation_number(self, node)})')
        self.add_permalink_ref(node, "Link to this equation")
        self.body.append("</span>")
    for part in (part for part in node.astext().split("\n\n") if part.strip()):
        self.body.append(_shown(part, block=True))
    self.body.append("</div>\n")
    raise nodes.SkipNode


def use_mathml(app, config) -> None:
    """``config-inited``: math is MathML, whatever the settings name."""
    config.html_math_renderer = "mathml"
