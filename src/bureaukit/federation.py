"""Federations of bureaus 三级联动 (design/SCALE.md §2): a city combines its counties' bureaus,
a province its cities.

Seed 002 篇3 "实行省、市、县三级联动,下一级的评议结果直接关系到上一级的成绩" and "全市9个被督查部门
一同参与考核评比,有排名". A federation config is a bureau config with a ``[federation]`` table
listing member bureaus' configs (globs, relative to it). Every member is scored exactly as it
would be alone, in parallel processes; each becomes a subject ``bureau:<id>`` whose composite
is its root unit's composite; members are ranked; and the federation's own standing is
``(1 − weight) × own + weight × mean(members)``, ``own`` being the root composite of the
units the federation config scores itself (if it has an org and campaigns), else the mean of
the members alone. Members may be federations: nested to any depth, every bureau of the
whole tree is scored in one pool.

A member that fails is named with its own errors and nothing is written, unless
``keep_going``: then it is listed as missing, left out of the mean, unranked.
"""

from __future__ import annotations

import glob
import json
import os
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import attrs

from bureaukit.config import is_federation
from bureaukit.errors import InputError
from bureaukit.federation_runs import (
    FINAL,
    SCORE,
    SOURCES,
    BureauRun,
    FinalRun,
    cpu_count,
    read_toml,
    run_all,
)
from bureaukit.money import FEN, fmt_exact
from bureaukit.problems import Problem
from bureaukit.scorecards import rank_in_groups

SCHEMA = "bureaukit.federation/1"
FEDERATION_KEYS = ("members", "weight", "source")
DEFAULT_GROUP = "成员局"
"""The one group of a federation whose ``members`` is a plain list."""


@attrs.frozen
class FederationConfig:
    """A config with ``[federation]``: who it is, its members' configs, and how they count."""

    path: Path
    id: str
    name: str
    period: str | None
    members: tuple[Path, ...]
    groups: Mapping[Path, str]
    """Each member's group (组别), within which members are ranked."""
    weight: Decimal | None
    """下一级结果计入上一级的权重: the members' share of the federation's own standing."""
    own: bool
    """The config also has an org and campaigns of its own, scored as a bureau."""
    source: str = SCORE
    """``score`` (every bureau scored afresh) or ``final`` (each one's archived final run)."""


@attrs.frozen
class Member:
    """A member's line in a federation's result: scored (composite, rank) or missing."""

    subject: str
    name: str
    config: str
    group: str
    composite: Decimal | None
    rank: int | None
    status: str
    """``scored``; ``unrated`` (scored, but its root unit has no composite); ``missing``."""
    config_hash: str | None
    inputs: Mapping[str, str]
    errors: tuple[str, ...]
    federation: FederationResult | None = None
    final: FinalRun | None = None
    """The archived final run its standing was taken from (``source = "final"``)."""
    grade: str | None = None
    """Its root unit's grade (等级) by its own scale; none for a member federation."""


@attrs.frozen
class FederationResult:
    """A federation's combined standing, its members ranked, and how it was computed."""

    id: str
    name: str
    period: str
    as_of: str | None
    source: str
    weight: Decimal | None
    groups: tuple[str, ...]
    """The member groups (组别) in the order the config declares them."""
    own: BureauRun | None
    members: tuple[Member, ...]
    composite: Decimal | None
    note: str
    missing: tuple[str, ...]
    """Every member bureau below it, at any depth, that failed and was left out."""

    def to_json(self, version: str) -> str:
        """Deterministic JSON (sorted members, exact decimals as text, no timings)."""
        body = {"schema": SCHEMA, "bureaukit": version, **_result_dict(self)}
        return json.dumps(body, ensure_ascii=False, indent=1) + "\n"


def _text(value: Decimal | None) -> str | None:
    """A composite as reports show it: to 0.01, trailing zeros kept (62.50)."""
    return None if value is None else str(_q(value))


def _run_dict(run: BureauRun) -> dict[str, Any]:
    out = {"composite": _text(run.composite), "config_hash": run.config_hash, "inputs": dict(run.inputs)}
    if run.final is not None:
        out["final"] = attrs.asdict(run.final)
    return out


def _result_dict(r: FederationResult) -> dict[str, Any]:
    return {
        "federation": {"id": r.id, "name": r.name, "source": r.source,
                       "weight": None if r.weight is None else fmt_exact(r.weight)},
        "period": {"id": r.period, "as_of": r.as_of},
        "groups": list(r.groups),
        "composite": _text(r.composite),
        "note": r.note,
        "own": None if r.own is None else _run_dict(r.own),
        "missing": list(r.missing),
        "members": [_member_dict(m) for m in r.members],
    }


def _member_dict(m: Member) -> dict[str, Any]:
    out: dict[str, Any] = {
        "subject": m.subject,
        "name": m.name,
        "config": m.config,
        "group": m.group,
        "status": m.status,
        "composite": _text(m.composite),
        "grade": m.grade,
        "rank": m.rank,
        "config_hash": m.config_hash,
        "inputs": dict(m.inputs),
    }
    if m.final is not None:
        out["final"] = attrs.asdict(m.final)
    if m.errors:
        out["errors"] = list(m.errors)
    if m.federation is not None:
        out["federation"] = _result_dict(m.federation)
    return out


# --- reading ----------------------------------------------------------------------


def read_federation(path: Path) -> FederationConfig:
    """Read a federation config. Raises :class:`InputError` with every problem, each as
    ``FILE: federation.key: message``."""
    data = read_toml(path)
    problems: list[str] = []
    fed = data.get("federation")
    bureau = data.get("bureau")
    if not isinstance(fed, dict):
        raise InputError([Problem("expected a table [federation]", str(path), where="federation")])
    if not isinstance(bureau, dict) or not isinstance(bureau.get("id"), str) or not isinstance(bureau.get("name"), str):
        problems.append(f"{path}: bureau: a federation needs [bureau] with id and name")
        bureau = {}
    for key in fed:
        if key not in FEDERATION_KEYS:
            problems.append(f'{path}: federation.{key}: unknown key; known: {", ".join(FEDERATION_KEYS)}')
    groups = _member_groups(path, fed.get("members"), problems)
    weight = _weight(path, fed.get("weight"), problems)
    source = fed.get("source", SCORE)
    if source not in SOURCES:
        problems.append(f'{path}: federation.source: expected "{SCORE}" or "{FINAL}", got {source!r}')
    own = "units" in data or "campaigns" in data
    if own and weight is None:
        problems.append(f"{path}: federation.weight: required when the federation scores units of its own "
                        "(the members' share of its standing, 0 to 1)")
    period = bureau.get("period")
    if problems:
        raise InputError(problems)
    return FederationConfig(path, bureau["id"], bureau["name"], period if isinstance(period, str) else None,
                            tuple(groups), groups, weight, own, source)


def _member_groups(path: Path, raw: object, problems: list[str]) -> dict[Path, str]:
    """Member config → its group: ``members = ["a/*.toml"]`` is one group (成员局);
    ``members = { 县区局 = ["counties/*/bureau.toml"], 直属单位 = ["direct/*.toml"] }``
    ranks each group apart. A member in two groups is a config error."""
    if isinstance(raw, dict) and raw:
        found: dict[Path, str] = {}
        for group, patterns in raw.items():
            for member in _member_paths(path, patterns, problems, f"federation.members.{group}"):
                if member in found and found[member] != group:
                    problems.append(f"{path}: federation.members.{group}: {member} is also in group "
                                    f"{found[member]!r} (a member ranks in one group)")
                found.setdefault(member, group)
        return found
    return dict.fromkeys(_member_paths(path, raw, problems, "federation.members"), DEFAULT_GROUP)


def _member_paths(path: Path, raw: object, problems: list[str], where: str) -> list[Path]:
    if not isinstance(raw, list) or not raw or not all(isinstance(x, str) for x in raw):
        problems.append(f"{path}: {where}: expected a list of member configs (paths or globs), or a table "
                        "of groups, each a list")
        return []
    root = path.resolve().parent
    found: list[Path] = []
    for i, pattern in enumerate(raw):
        hits = sorted(Path(h).resolve() for h in glob.glob(str(root / pattern)))
        if not hits:
            problems.append(f"{path}: {where}[{i}]: {pattern!r} matches no file")
        found += [h for h in hits if h not in found]
    return found


def _weight(path: Path, raw: object, problems: list[str]) -> Decimal | None:
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, (int, Decimal)):
        problems.append(f"{path}: federation.weight: expected a number from 0 to 1, got {raw!r}")
        return None
    w = Decimal(raw)
    if not Decimal(0) <= w <= Decimal(1):
        problems.append(f"{path}: federation.weight: expected a share from 0 to 1, got {w}")
        return None
    return w


# --- the tree of a federation --------------------------------------------------------


@attrs.frozen
class Node:
    """A federation and its members: nested federations, or bureau config paths."""

    config: FederationConfig
    members: tuple[Node | Path, ...]


def plan(path: Path, chain: tuple[Path, ...] = ()) -> Node:
    """Read a federation and, recursively, its member federations; every problem of the
    whole tree at once. A federation that contains itself is a config error."""
    cfg = read_federation(path)
    here = path.resolve()
    problems: list[str] = []
    members: list[Node | Path] = []
    for m in cfg.members:
        if m == here or m in chain:
            problems.append(f"{path}: federation.members: {m} contains this federation (a cycle)")
            continue
        if is_federation(m):
            try:
                members.append(plan(m, (*chain, here)))
            except InputError as exc:
                problems += exc.problems
        else:
            members.append(m)
    if problems:
        raise InputError(problems)
    return Node(cfg, tuple(members))


Task = tuple[Path, str]
"""A bureau config and where its standing comes from (``score`` or ``final``)."""


def _own_task(cfg: FederationConfig) -> Task:
    return (cfg.path.resolve(), cfg.source)


def bureaus_of(node: Node) -> list[Task]:
    """Every bureau run the tree needs, once each, in tree order (own runs included); each
    federation's ``source`` says how its own units and its bureau members are taken."""
    out: list[Task] = [_own_task(node.config)] if node.config.own else []
    for m in node.members:
        for task in bureaus_of(m) if isinstance(m, Node) else [(m, node.config.source)]:
            if task not in out:
                out.append(task)
    return out


def _finals_in(node: Node) -> bool:
    return node.config.source == FINAL or any(_finals_in(m) for m in node.members if isinstance(m, Node))


# --- scoring ------------------------------------------------------------------------


def score_federation(
    path: str | Path,
    period: str | None = None,
    as_of: str | None = None,
    *,
    jobs: int | None = None,
    keep_going: bool = False,
) -> FederationResult:
    """Score every bureau of the federation at *path* (nested to any depth), or read its
    archived final, and combine.

    Raises :class:`InputError` for a bad federation config, and for failing members
    unless *keep_going* (then they are listed as missing)."""
    tree = plan(Path(path))
    per = period or tree.config.period
    problems: list[str | Problem] = []
    if per is None:
        problems.append(Problem("a federation needs the period its members are scored for (give [bureau] "
                                "period or --period)", str(path), where="bureau.period"))
    if as_of is not None and _finals_in(tree):
        problems.append(Problem('members taken from their finals (federation.source = "final") stand as '
                                "recorded, as of their period's end; drop --as-of", where="--as-of"))
    if problems or per is None:
        raise InputError(problems)
    from bureaukit.plugins import installed_pinned

    with installed_pinned():
        runs = run_all(bureaus_of(tree), per, as_of, jobs or cpu_count())
    failed = [r for r in runs.values() if r.errors]
    if failed and not keep_going:
        raise MemberFailure(failed)
    duplicates = _duplicate_ids(tree, runs)
    if duplicates:
        raise InputError(duplicates)
    return combine(tree, runs, per, as_of)


class MemberFailure(InputError):
    """Members failed: each named by its config with its own errors; nothing is written.
    The exit code is the worst of theirs (3 when a plugin failed and no input was bad)."""

    def __init__(self, failed: Sequence[BureauRun]) -> None:
        lines = [f"member {r.path}: {e}" for r in failed for e in r.errors]
        lines.append(f"{len(failed)} member bureau(s) failed: nothing written "
                     "(--keep-going writes the roll-up with them marked missing)")
        super().__init__(lines)
        codes = {r.exit_code for r in failed}
        self.exit_code = 2 if 2 in codes else max(codes)


def _duplicate_ids(tree: Node, runs: Mapping[Task, BureauRun]) -> list[str]:
    """Two members of one federation with the same bureau id would be one subject."""
    problems: list[str] = []
    seen: dict[str, Path] = {}
    for m in tree.members:
        bid = m.config.id if isinstance(m, Node) else runs[(m, tree.config.source)].bureau_id
        where = m.config.path if isinstance(m, Node) else m
        if bid is None:
            continue
        if bid in seen:
            problems.append(f'{tree.config.path}: federation.members: bureau id "{bid}" is used by both '
                            f"{seen[bid]} and {where}")
        seen[bid] = where
    for m in tree.members:
        if isinstance(m, Node):
            problems += _duplicate_ids(m, runs)
    return problems


def combine(tree: Node, runs: Mapping[Task, BureauRun], period: str, as_of: str | None) -> FederationResult:
    """The roll-up of one federation from its members' runs (nested ones combined first);
    members ranked within their groups."""
    cfg = tree.config
    base = cfg.path.resolve().parent
    members = [_member(m, cfg, runs, base, period, as_of) for m in tree.members]
    ranks = rank_in_groups([(m.subject, m.group, m.composite) for m in members if m.composite is not None])
    members = [attrs.evolve(m, rank=ranks.get(m.subject)) for m in members]
    members.sort(key=lambda m: m.subject)
    own = runs[_own_task(cfg)] if cfg.own else None
    composite, note = roll_up(own.composite if own is not None else None, cfg.weight,
                              [(m.subject, m.composite) for m in members])
    # every missing bureau below this federation, at any depth: a partial roll-up shows
    # at the top, not only where the member sits
    missing = tuple(sorted(
        [m.subject for m in members if m.status == "missing"]
        + [s for m in members if m.federation is not None for s in m.federation.missing]
    ))
    groups = tuple(dict.fromkeys(cfg.groups.values()))
    return FederationResult(cfg.id, cfg.name, period, as_of, cfg.source, cfg.weight, groups, own,
                            tuple(members), composite, note, missing)


def _member(m: Node | Path, cfg: FederationConfig, runs: Mapping[Task, BureauRun], base: Path, period: str,
            as_of: str | None) -> Member:
    if isinstance(m, Node):
        sub = combine(m, runs, period, as_of)
        status = "scored" if sub.composite is not None else "unrated"
        return Member(f"bureau:{sub.id}", sub.name, _rel(m.config.path, base), cfg.groups[m.config.path.resolve()],
                      sub.composite, None, status, None, {}, (), sub)
    r = runs[(m, cfg.source)]
    group = cfg.groups[m]
    if r.errors:
        bid = _declared_id(m)
        return Member(f"bureau:{bid}", bid, _rel(m, base), group, None, None, "missing", None, {}, r.errors)
    status = "scored" if r.composite is not None else "unrated"
    return Member(f"bureau:{r.bureau_id}", r.name or "", _rel(m, base), group, r.composite, None, status,
                  r.config_hash, r.inputs, (), final=r.final, grade=r.grade)


def _declared_id(path: Path) -> str:
    """A failed member's bureau id as its config declares it, else its config's path."""
    try:
        bid = read_toml(path).get("bureau", {}).get("id")
    except (InputError, AttributeError):
        bid = None
    return bid if isinstance(bid, str) else path.as_posix()


def _rel(path: Path, base: Path) -> str:
    """A path as the result shows it: relative to the federation's folder where it can be
    (the same bytes on every machine), with forward slashes."""
    try:
        return Path(os.path.relpath(path.resolve(), base)).as_posix()
    except ValueError:  # another drive (Windows)
        return path.resolve().as_posix()


def roll_up(
    own: Decimal | None, weight: Decimal | None, members: Sequence[tuple[str, Decimal | None]]
) -> tuple[Decimal | None, str]:
    """三级联动: ``(1 − weight) × own + weight × mean(members)``, quantised to 0.01 as
    composites are; the mean of the members alone when the federation has no units of its
    own; ``own`` alone when no member has a composite. With the arithmetic as text (zh and
    en, as the JSON keeps notes)."""
    rated = [c for _, c in members if c is not None]
    if not rated:
        return (None if own is None else _q(own)), arithmetic(own, weight, rated, None)
    mean = sum(rated, Decimal(0)) / len(rated)
    if own is None or weight is None:
        return _q(mean), arithmetic(own, weight, rated, None)
    return _q((1 - weight) * own + weight * mean), arithmetic(own, weight, rated, None)


_WORDS = {
    # key: (zh, en); both, joined by a space, where the language is None (the JSON's note)
    "mean": ("成员平均", "mean of {n} members"),
    "own": ("本级", "own"),
    "none": ("无成员得分", "no member has a composite"),
    "no_member": ("无成员得分", "no member composite"),
    "unrated": ("未评分", "unrated"),
    "missing": ("缺失", "missing"),
}


def _word(key: str, lang: str | None, **fields: object) -> str:
    zh, en = _WORDS[key]
    return {"zh": zh, "en": en}.get(lang or "", f"{zh} {en}").format(**fields)


def arithmetic(own: Decimal | None, weight: Decimal | None, rated: Sequence[Decimal], lang: str | None) -> str:
    """The roll-up's arithmetic in *lang* (``zh``, ``en``; None: both), from the rated
    members' composites in subject order: what :func:`roll_up` computed, as a report shows it."""
    if not rated:
        if own is None:
            return _word("none", lang)
        if lang == "zh":
            return f"{_word('own', lang)} {_q(own)}（{_word('no_member', lang)}）"
        return f"{_word('own', lang)} {_q(own)} ({_word('no_member', lang)})"
    mean = sum(rated, Decimal(0)) / len(rated)
    terms = " + ".join(str(_q(c)) for c in rated)
    text = f"{_word('mean', lang, n=len(rated))} ({terms}) / {len(rated)} = {_q(mean)}"
    if own is None or weight is None:
        return text
    value = (1 - weight) * own + weight * mean
    # a Chinese sentence takes the full-width semicolon; the JSON's two-language note keeps "; "
    joint = "；" if lang == "zh" else "; "
    return (f"{text}{joint}(1 − {fmt_exact(weight)}) × {_word('own', lang)} {_q(own)} + "
            f"{fmt_exact(weight)} × {_q(mean)} = {_q(value)}")


def result_arithmetic(r: FederationResult, lang: str) -> str:
    """A federation's arithmetic in one language (its ``note`` holds both)."""
    rated = [m.composite for m in r.members if m.composite is not None]
    return arithmetic(None if r.own is None else r.own.composite, r.weight, rated, lang)


def _q(value: Decimal) -> Decimal:
    return value.quantize(FEN, rounding=ROUND_HALF_UP)
