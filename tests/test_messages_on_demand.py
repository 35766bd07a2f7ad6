"""Finding messages are written only when read, in the language asked (like evidence
notes, tests/test_notes_on_demand.py): ``say`` returns a ``Message`` holding its template
pair and fields, and a run writes each message in its own language only.

The demo is scored with every ``Message`` also written the moment it is made (the
eager texts a plugin used to hand over); each finding's message read later, in zh and
in en, must be those texts: a field changed after ``say``, or a text that depends on
when it is written, fails here.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs
import pytest

import bureaukit
from bureaukit import phrases
from bureaukit.campaigns import Campaign
from bureaukit.catalogue import FindingKind
from bureaukit.context import Context
from bureaukit.engine import _check_finding
from bureaukit.errors import PluginFailure
from bureaukit.explain import explain_text
from bureaukit.org import Unit
from bureaukit.outcomes import Finding
from bureaukit.phrases import Message, Text, say
from bureaukit.result import Result, sort_findings
from bureaukit.testing import run
from bureaukit.testing import unit as org_unit

DEMO = Path(__file__).resolve().parents[1] / "configs" / "demo" / "bureau.toml"
CAMPAIGNS = ("investment", "publicity", "wubi", "style", "conduct", "vanguard")


def test_one_message_in_both_languages() -> None:
    late = ("{unit}{count} 件逾期（{stage}）", "{unit}: {count} overdue ({stage})")
    m = say(late, unit=Unit("ygs", "区运管所", "station", "b"), count=3, stage=Text("整改", "rectifying"))
    assert m["zh"] == "区运管所3 件逾期（整改）"
    assert m["en"] == "区运管所: 3 overdue (rectifying)"
    assert m == {"zh": "区运管所3 件逾期（整改）", "en": "区运管所: 3 overdue (rectifying)"}
    assert dict(m) == {"zh": m["zh"], "en": m["en"]} and len(m) == 2
    assert m.get("fr") is None and "fr" not in m and "en" in m
    # a message inside a message is written in the outer one's language
    outer = say(("原因：{why}", "because: {why}"), why=m)
    assert outer["en"] == "because: 区运管所: 3 overdue (rectifying)"


@pytest.fixture(scope="module")
def eager() -> Iterator[tuple[Result, dict[int, tuple[str, str]]]]:
    """The demo scored while every Message is also written at once: (result, id → texts)."""
    written: dict[int, tuple[str, str]] = {}
    made: list[Message] = []  # keeps every message alive, so no id is reused
    plain_init = Message.__init__

    def writing_init(self: Message, template: phrases.Say, fields: Mapping[str, Any]) -> None:
        plain_init(self, template, fields)
        made.append(self)
        written[id(self)] = (self["zh"], self["en"])

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Message, "__init__", writing_init)
        result = bureaukit.score(bureaukit.load(DEMO))
    yield result, written


@pytest.mark.parametrize("campaign", CAMPAIGNS)
def test_messages_read_later_are_the_texts_written_when_made(
        campaign: str, eager: tuple[Result, dict[int, tuple[str, str]]]) -> None:
    result, written = eager
    findings = [f for f in result.findings if f.campaign == campaign and isinstance(f.message, Message)]
    assert findings, f"the demo gives {campaign} no finding with a message from say"
    for f in findings:
        assert (f.message["zh"], f.message["en"]) == written[id(f.message)], f.code
    codes = {f.code for f in findings}
    assert codes == {f.code for f in result.findings if f.campaign == campaign}, "every kind through say"


def test_the_demos_findings_are_sorted_as_by_both_texts(eager: tuple[Result, dict[int, tuple[str, str]]]) -> None:
    """sort_findings writes messages only to break ties: the order is the one a key
    ending in the message (in the run's language, then zh) gives."""
    result, _ = eager
    findings = list(result.findings)
    for lang in ("zh", "en"):
        by_key = sorted(findings, key=lambda f: (*_key(f), f.message[lang], f.message["zh"]))
        assert sort_findings(list(reversed(findings)), lang) == sort_findings(findings, lang) == by_key


def _key(f: Finding) -> tuple[Any, ...]:
    from datetime import date

    order = {"violation": 0, "warning": 1, "info": 2}
    ev = f.evidence[0] if f.evidence else None
    return (f.campaign, order[f.severity], f.code, f.subject, f.due is None, f.due or date.max,
            (ev.source or "") if ev else "", (ev.row if ev.row is not None else -1) if ev else -1)


def _languages_written(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    langs: list[str] = []
    plain = phrases.render

    def recording(template: str, lang: str, fields: Mapping[str, Any]) -> str:
        langs.append(lang)
        return plain(template, lang, fields)

    monkeypatch.setattr(phrases, "render", recording)
    return langs


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_json_run_writes_no_message_in_the_other_language(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    bureau = bureaukit.load(DEMO)
    langs = _languages_written(monkeypatch)
    result = bureaukit.score(bureau, lang=lang)
    assert langs.count(lang) < len(result.findings)  # scoring writes no message at all…
    out = io.BytesIO()
    result.write_json(out)
    assert langs.count(lang) >= len(result.findings)  # …the JSON writes each, in its language
    other = "en" if lang == "zh" else "zh"
    # an en run writes zh only to order findings whose keys and en texts tie (none in the demo)
    assert other not in langs


def test_explain_in_english_writes_no_chinese_message(monkeypatch: pytest.MonkeyPatch) -> None:
    bureau = bureaukit.load(DEMO)
    result = bureaukit.score(bureau, lang="en")
    subject = next(f.subject for f in result.findings if isinstance(f.message, Message))
    langs = _languages_written(monkeypatch)
    assert explain_text(result, subject, bureau.config.scoring)
    assert "en" in langs and "zh" not in langs


def test_a_message_that_cannot_be_written_fails_its_plugin_while_it_scores() -> None:
    def finding(m: Any) -> Finding:
        return Finding("unit:b", "toy.late", "warning", m)

    with pytest.raises(ValueError, match="message: no field count for its template"):
        _check_finding(finding(say(("{unit}{count}", "{unit} {count}"), unit="x")), "toy", {"toy.late"})
    with pytest.raises(ValueError, match="message: field when is a float"):
        _check_finding(finding(say(("{when}", "{when}"), when=0.5)), "toy", {"toy.late"})
    with pytest.raises(ValueError, match="Single '}'"):
        _check_finding(finding(say(("{a}}", "{a}"), a=1)), "toy", {"toy.late"})
    with pytest.raises(ValueError, match="must give zh and en"):
        _check_finding(finding({"zh": "迟"}), "toy", {"toy.late"})
    _check_finding(finding({"zh": "迟", "en": "late"}), "toy", {"toy.late"})  # plain texts still do


@attrs.frozen
class _Settings:
    pass


def test_a_plugin_whose_message_cannot_be_written_fails_as_it_scores() -> None:
    """Through bureaukit.testing.run, as an author meets it: the campaign's failure, named
    while it scores, not a traceback when the JSON is written."""

    def score(ctx: Context) -> Iterator[Finding]:
        yield ctx.finding("unit:b", "late", "warning", say(("{x}迟", "{y} late"), x=1))

    campaign = Campaign(name="toy", title={"zh": "玩具", "en": "Toy"}, settings=_Settings, records={},
                        score=score, findings={"toy.late": FindingKind("迟", "Late")})
    with pytest.raises(PluginFailure, match=r"toy\.late message: no field y for its template"):
        run(campaign, units=[org_unit("b", "局", kind="bureau")])


def test_ctx_finding_takes_a_message_or_two_texts() -> None:
    """``zh=``/``en=`` is plugin API 1's form, still accepted; never both, never neither."""
    seen: list[Finding] = []

    def score(ctx: Context) -> Iterator[Finding]:
        seen.append(ctx.finding("unit:b", "late", "warning", zh="迟", en="late"))
        with pytest.raises(TypeError, match="not both"):
            ctx.finding("unit:b", "late", "warning", say(("迟", "late")), zh="迟")
        with pytest.raises(TypeError, match="needs a message"):
            ctx.finding("unit:b", "late", "warning", zh="迟")
        return iter(seen)

    campaign = Campaign(name="toy", title={"zh": "玩具", "en": "Toy"}, settings=_Settings, records={},
                        score=score, findings={"toy.late": FindingKind("迟", "Late")})
    out = run(campaign, units=[org_unit("b", "局", kind="bureau")])
    assert [(f.code, dict(f.message)) for f in out.findings] == [("toy.late", {"zh": "迟", "en": "late"})]


def test_findings_are_stamped_with_their_campaign_and_never_changed() -> None:
    """``ctx.finding`` names its campaign, so the engine keeps that finding as made; one a
    plugin builds itself is copied with the name, the plugin's own object left as it was
    (outcomes are frozen)."""
    made: list[Finding] = []

    def score(ctx: Context) -> Iterator[Finding]:
        made.append(ctx.finding("unit:b", "late", "warning", zh="迟", en="late"))
        made.append(Finding("unit:b", "toy.late", "warning", {"zh": "迟", "en": "late"}))
        return iter(made)

    campaign = Campaign(name="toy", title={"zh": "玩具", "en": "Toy"}, settings=_Settings, records={},
                        score=score, findings={"toy.late": FindingKind("迟", "Late")})
    out = run(campaign, units=[org_unit("b", "局", kind="bureau")])
    assert [f.campaign for f in out.findings] == ["toy", "toy"]
    assert made[0].campaign == "toy" and any(f is made[0] for f in out.findings)
    assert made[1].campaign == "" and not any(f is made[1] for f in out.findings)
