import os
from pathlib import Path

# The real site's settings (tests/conftest.py says where the repository is).
exec((Path(os.environ["BLOG_REPO"]) / "tests/roots/site_conf.py").read_text(encoding="utf-8"))
