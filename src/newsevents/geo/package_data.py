"""Data files that pinned packages ship, found without importing the packages' code."""

from __future__ import annotations

from importlib import util
from pathlib import Path


def package_file(package: str, relative: str | Path) -> Path | None:
    """The installed file `relative` to the package's folder, or None when absent."""
    spec = util.find_spec(package)
    if spec is None or not spec.origin:
        return None
    path = Path(spec.origin).parent / relative
    return path if path.is_file() else None
