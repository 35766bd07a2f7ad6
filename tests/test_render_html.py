"""--format html: escaped, self-contained, offline; checked in headless Chromium too."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from core_support import HOSTILE_SCRIPT

from bureaukit.render import RenderOptions
from bureaukit.render.html import CSP, render

CHROMIUM = Path("/usr/bin/chromium")
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
EXTERNAL = re.compile(r"""\b(?:src|href|action|data|poster|srcset|xlink:href)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:|//)""", re.I)


def test_escaped_and_self_contained(result_zh: Any) -> None:
    page = render(result_zh, RenderOptions("zh"))
    assert page.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in page
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in page
    assert HOSTILE_SCRIPT not in page
    assert ESCAPED in page
    assert "<script" not in page.lower()
    assert "=HYPERLINK(&quot;http://x&quot;)" in page
    assert "\u202e" not in page and "\x1b" not in page
    assert not EXTERNAL.search(page)
    assert all(h.startswith("#") for h in re.findall(r'href="([^"]*)"', page))
    for bad in ("url(", "@import", "<link", "<iframe", "<img", "<object"):
        assert bad not in page
    assert "<details>" in page and "@media print" in page and "size:A4" in page


def test_content_zh_and_en(result_zh: Any, result_en: Any) -> None:
    zh = render(result_zh, RenderOptions("zh"))
    assert '<html lang="zh-CN">' in zh
    for text in ("示例区交通运输局", "序时进度", "58.08%", "2014-07-31", "综合排名", "招商引资", "违规", "合计", "5700.00"):
        assert text in zh
    assert zh.count("<svg") >= 3 + 5  # a ranking chart per group, a progress chart per subject
    en = render(result_en, RenderOptions("en"))
    assert '<html lang="en">' in en and "Ranking" in en and "Time progress" in en
    assert "Left post for 3 days during a trip" in en


def test_same_bytes_twice(result_zh: Any) -> None:
    from core_support import sample_result

    assert render(result_zh, RenderOptions("zh")) == render(sample_result("zh"), RenderOptions("zh"))


def chromium(tmp: Path, url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp / 'profile'}",
            "--host-resolver-rules=MAP * ~NOTFOUND", *extra, url,
        ],
        capture_output=True, text=True, timeout=90, check=False,
    )


def page_requests(netlog: Path) -> set[str]:
    """URLs the page itself asked for (the browser's own update pings are not the page's)."""
    data = json.loads(netlog.read_text(encoding="utf-8"))
    out = set()
    for event in data["events"]:
        params = event.get("params") or {}
        if "url" in params and "site=file://" in str(params.get("site_for_cookies", "")):
            out.add(params["url"])
    return out


@needs_chromium
def test_chromium_dom_shows_hostile_name_as_text(result_zh: Any, tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    report.write_text(render(result_zh, RenderOptions("zh")), encoding="utf-8")
    done = chromium(tmp_path, report.as_uri(), "--dump-dom")
    dom = done.stdout
    assert "示例区交通运输局" in dom, done.stderr[-2000:]
    assert ESCAPED in dom
    assert "<script" not in dom.lower()
    assert not EXTERNAL.search(dom)


@needs_chromium
def test_chromium_makes_no_request(result_zh: Any, tmp_path: Path) -> None:
    # The CSP alone would block a request: take it out, so that a reference would be fetched.
    page = render(result_zh, RenderOptions("zh")).replace(f'content="{CSP}"', 'content=""')
    report = tmp_path / "report.html"
    report.write_text(page, encoding="utf-8")
    control = tmp_path / "control.html"
    control.write_text('<img src="http://127.0.0.1:9/x.png"><p>control</p>', encoding="utf-8")

    log = tmp_path / "control.json"
    chromium(tmp_path, control.as_uri(), f"--log-net-log={log}", "--net-log-capture-mode=Everything", "--dump-dom")
    assert page_requests(log) == {"http://127.0.0.1:9/x.png"}  # the detector does see a fetch

    log = tmp_path / "report.json"
    shot = tmp_path / "report.png"
    done = chromium(
        tmp_path, report.as_uri(), f"--log-net-log={log}", "--net-log-capture-mode=Everything",
        f"--screenshot={shot}", "--window-size=1280,2000", "--hide-scrollbars",
    )
    assert shot.exists() and shot.stat().st_size > 10_000, done.stderr[-2000:]
    assert page_requests(log) == set()
