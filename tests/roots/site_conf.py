"""The real site's conf.py, for test roots: same settings, the root's own posts.

Each root's conf.py runs this file, so a root is "the blog with these posts".
"""

import os
from pathlib import Path

REPO = Path(os.environ["BLOG_REPO"])
exec((REPO / "conf.py").read_text(encoding="utf-8"))
templates_path = [str(REPO / "_templates")]
html_static_path = [str(REPO / "_static")]
html_favicon = str(REPO / "_static/favicon.ico")
