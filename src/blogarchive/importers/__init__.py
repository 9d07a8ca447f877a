"""Importers: each source yields :class:`ImportedPost` records; one writer makes files.

Sources: ``text`` (a Blogger archive page saved as plain text).
"""

from .records import ImportedPost, ImportError_, slugify_title
from .writer import write_posts, write_report

__all__ = ["ImportedPost", "ImportError_", "slugify_title", "write_posts", "write_report"]
