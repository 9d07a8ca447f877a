"""WordPress page builders' shortcodes: the post's text inside their rows and columns.

A page built with WPBakery (Visual Composer: ``[vc_row][vc_column]
[vc_column_text]…``), Divi (``[et_pb_section][et_pb_row][et_pb_text]…``) or
Avada (``[fusion_builder_container]…``) is exported as its text wrapped in the
builder's shortcodes, which WordPress without the builder shows as they are:
the post came in as its words among dozens of bracketed names and settings
(``css=".vc_custom_1479027304030{margin-bottom: 10px !important}"``).
Ghost's importer unwraps the same (TryGhost/migrate, mg-wp-xml).

Here each of the builder's tags is taken out, the text it held kept, each a
block of its own (a column's text apart from the next's); a separator is a
rule; a button the link it was; a picture (``vc_single_image``'s attachment,
``et_pb_image``'s address) the picture; a module that shows a title or a
text of its settings (a heading, a tab) that text in bold.  Divi's dynamic
content (``@ET-DC@…@``, filled in by the builder as the page was shown) is
not in the export: taken out, and said.  The report says which builders'
shortcodes were taken out.
"""

from __future__ import annotations

import re
from base64 import b64decode
from html import escape
from urllib.parse import unquote

#: A shortcode's attributes: ``name="value"``, ``name='value'``, ``name=value``.
ATTRIBUTE = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
#: A tag of a page builder's, opening or closing.
BUILDER_TAG = re.compile(r"\[(/?)((?:vc|et_pb|fusion)_[\w-]*)([^\]]*)\]")
BUILDERS = {"vc": "WPBakery", "et_pb": "Divi", "fusion": "Avada"}
RULES = {"vc_separator", "vc_text_separator", "et_pb_divider", "fusion_separator"}
#: Button -> (attribute of its words, attribute of its address); words inside it else.
BUTTONS = {
    "vc_btn": ("title", "link"),
    "vc_button": ("title", "href"),
    "vc_button2": ("title", "link"),
    "et_pb_button": ("button_text", "button_url"),
    "fusion_button": ("", "link"),
}
#: Modules whose settings hold words they showed (a heading's, a tab's).
SHOWN = ("text", "title", "heading", "button_text")
#: Divi's dynamic content, which the builder filled in as the page was shown.
DYNAMIC = re.compile(r"@ET-DC@[A-Za-z0-9+/=]*@")


def shortcode_attributes(raw: str) -> dict[str, str]:
    """A shortcode's attributes by name (lower case)."""
    return {m[1].lower(): m[2] or m[3] or m[4] for m in ATTRIBUTE.finditer(raw)}


def page_builders(html: str, pictures: dict, notes: list[str]) -> str:
    """``html`` with the page builders' shortcodes taken out, their text kept
    (``pictures``: the export's attachments by number, as wordpress.Picture)."""
    if not BUILDER_TAG.search(html):
        return html
    found: dict[str, set[str]] = {}
    dropped: list[str] = []

    def replace(match: re.Match) -> str:
        closing, name, raw = match[1], match[2].lower(), match[3]
        builder = next(b for prefix, b in BUILDERS.items() if name.startswith(prefix + "_"))
        found.setdefault(builder, set()).add(name)
        if closing:
            return "\n\n"
        return "\n\n" + _shown(name, shortcode_attributes(raw), pictures, dropped) + "\n\n"

    html = BUILDER_TAG.sub(replace, html)
    if DYNAMIC.search(html):
        html = DYNAMIC.sub("", html)
        notes.append("dropped: Divi's dynamic content (@ET-DC@), which the export does not hold")
    for builder, names in sorted(found.items()):
        shown = ", ".join(f"[{name}]" for name in sorted(names)[:4])
        more = f" and {len(names) - 4} more" if len(names) > 4 else ""
        taken = f"changed: {builder}'s page-builder shortcodes ({shown}{more}) taken out"
        notes.append(taken + ", their text kept")
    notes += dropped
    return html


def _shown(name: str, attrs: dict[str, str], pictures: dict, dropped: list[str]) -> str:
    """What a builder's opening tag showed of its own: a rule, a button, a
    picture, its words in bold; nothing for a row, a column, a text."""
    if name in RULES:
        return "<hr>"
    if name in BUTTONS:
        words_key, address_key = BUTTONS[name]
        address = _address(attrs.get(address_key, ""))
        words = escape(attrs.get(words_key, "") or address)
        return f'<p><a href="{escape(address)}">{words}</a></p>' if address else f"<p>{words}</p>"
    if name == "vc_single_image":
        picture = pictures.get(attrs.get("image", "").strip())
        if picture is None:
            dropped.append(
                f"dropped: [{name}]'s picture, attachment {attrs.get('image')!r}, not in the export"
            )
            return ""
        return picture.figure()
    if name in ("et_pb_image", "fusion_imageframe") and attrs.get("src", "").startswith("http"):
        alt = attrs.get("alt", "") or attrs.get("title_text", "")
        return f'<img src="{escape(attrs["src"])}" alt="{escape(alt)}">'
    if words := next((attrs[key] for key in SHOWN if attrs.get(key, "").strip()), ""):
        return f"<p><strong>{escape(_decoded(words))}</strong></p>"
    return ""


def _address(value: str) -> str:
    """A button's address: WPBakery writes ``url:https%3A%2F%2F…|title:…``."""
    value = value.strip()
    if "url:" in value:
        value = unquote(value.split("url:", 1)[1].split("|", 1)[0])
    elif "%3A%2F%2F" in value:
        value = unquote(value)
    return value if value.startswith(("http://", "https://", "mailto:", "/")) else ""


def _decoded(words: str) -> str:
    """Words as the builder kept them: WPBakery encodes some settings
    (``#E-8_…``, base64 of URL-encoded text)."""
    if words.startswith("#E-8_"):
        try:
            return unquote(b64decode(words[5:]).decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return words
    return words
