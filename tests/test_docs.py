"""The docs build as a site with ``mkdocs build --strict``: a broken link, a link out of
docs/ or an anchor that does not exist (GitHub-style, Chinese kept) fails the tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_mkdocs_strict_build(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs")
    pytest.importorskip("pymdownx")
    p = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
                        "-d", str(tmp_path / "site")], capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    assert (tmp_path / "site" / "writing-a-plugin" / "index.html").exists()
    page = (tmp_path / "site" / "ledgers" / "index.html").read_text(encoding="utf-8")
    assert 'id="组织架构文件--org-files"' in page  # the anchor config.md links to, as GitHub names it


def test_a_broken_anchor_fails_the_strict_build(tmp_path: Path) -> None:
    """Positive control: the strict build does catch what it is there to catch."""
    pytest.importorskip("mkdocs")
    pytest.importorskip("pymdownx")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# 首页\n\n[link](other.md#没有这个标题)\n", encoding="utf-8")
    (docs / "other.md").write_text("# 另一页 / Other\n", encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("nav:")[0]
    rest = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("markdown_extensions:")[1]
    (tmp_path / "mkdocs.yml").write_text(config + "markdown_extensions:" + rest, encoding="utf-8")
    p = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(tmp_path / "mkdocs.yml"),
                        "-d", str(tmp_path / "site")], capture_output=True, text=True, timeout=300)
    assert p.returncode != 0 and "没有这个标题" in p.stderr
