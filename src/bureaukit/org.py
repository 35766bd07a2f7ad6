"""The organisation (CORE §2): units 单位 as a tree with one root, people 人员 with roles."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import ClassVar

import attrs

from bureaukit.messages import t
from bureaukit.problems import Problem
from bureaukit.records import Ledger, col
from bureaukit.text import canonical, quoted, visible

STANDARD_ROLES: dict[str, str] = {
    "main_leader": "主要负责人",
    "team_member": "局班子成员",
    "discipline_secretary": "纪委书记",
    "unit_head": "单位主要负责人",
    "unit_team": "单位其他班子成员",
    "staff": "工作人员",
    "publicity_lead": "宣传信息领导组负责人",
    "publicity_officer": "宣传信息员",
    "publicity_reviewer": "审核报送人员",
    "commenter": "网评人员",
}

UNIT_KINDS: dict[str, str] = {
    "bureau": "局",
    "office": "科室",
    "institution": "二级机构",
    "station": "基层站所",
    "finance": "财务",
    "personnel": "人事",
    "projects": "项目",
}
"""Conventional unit kinds (free text: any kind is allowed)."""


@attrs.frozen
class Unit:
    """A unit 单位. ``parent`` is empty for the root (the bureau)."""

    __ledger__: ClassVar[Ledger] = Ledger(title={"zh": "单位", "en": "Units"}, key=("id",))
    id: str = attrs.field(metadata=col("单位编号", aliases=("编号",)))
    name: str = attrs.field(metadata=col("单位名称", aliases=("名称",)))
    kind: str = attrs.field(metadata=col("单位类型", aliases=("类型",)))
    parent: str | None = attrs.field(default=None, metadata=col("上级单位"))


@attrs.frozen
class Person:
    """A person 人员: counts only for days inside ``start``..``end`` (both optional)."""

    __ledger__: ClassVar[Ledger] = Ledger(title={"zh": "人员", "en": "People"}, key=("id",))
    id: str = attrs.field(metadata=col("人员编号", aliases=("编号", "工号")))
    name: str = attrs.field(metadata=col("姓名"))
    unit: str = attrs.field(metadata=col("所在单位", ref="unit", aliases=("单位",)))
    roles: tuple[str, ...] = attrs.field(default=(), metadata=col("角色", aliases=("职务",)))
    oversees: tuple[str, ...] = attrs.field(default=(), metadata=col("分管单位", ref="unit"))
    start: date | None = attrs.field(default=None, metadata=col("到岗日期", aliases=("起始日期",)))
    end: date | None = attrs.field(default=None, metadata=col("离岗日期", aliases=("结束日期",)))

    def in_post(self, day: date) -> bool:
        """True when *day* lies inside the person's span."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def overlaps(self, start: date, end: date) -> bool:
        return (self.start is None or self.start <= end) and (self.end is None or start <= self.end)


class OrgError(ValueError):
    """The unit tree or the people do not hold together: every :class:`Problem`."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(map(str, problems)))
        self.problems = problems


class Org:
    """Units and people with the tree queries campaigns need."""

    def __init__(
        self, units: Iterable[Unit], people: Iterable[Person], roles: Mapping[str, str] | None = None
    ) -> None:
        self.role_labels: dict[str, str] = {**STANDARD_ROLES, **(roles or {})}
        """Every known role code → its label (standard roles and the config's ``[roles]``)."""
        self.units: dict[str, Unit] = {u.id: u for u in units}
        self.people: dict[str, Person] = {p.id: p for p in people}
        self._children: dict[str, list[str]] = {uid: [] for uid in self.units}
        roots = [u.id for u in self.units.values() if not u.parent]
        for u in self.units.values():
            if u.parent and u.parent in self._children:
                self._children[u.parent].append(u.id)
        for kids in self._children.values():
            kids.sort()
        self._depths: dict[str, int] | None = None
        self.root: Unit = self.units[roots[0]] if roots else next(iter(self.units.values()))
        self._members: dict[str, list[Person]] = {uid: [] for uid in self.units}
        self._overseers: dict[str, list[Person]] = {uid: [] for uid in self.units}
        for p in sorted(self.people.values(), key=lambda p: p.id):
            self._members.setdefault(p.unit, []).append(p)
            for uid in p.oversees:
                self._overseers.setdefault(uid, []).append(p)

    # --- units -----------------------------------------------------------------
    def unit(self, uid: str) -> Unit:
        return self.units[uid]

    def children(self, uid: str) -> list[Unit]:
        """The units directly under *uid*, by id."""
        return [self.units[c] for c in self._children.get(uid, ())]

    def descendants(self, uid: str) -> list[Unit]:
        """Every unit below *uid* (not *uid* itself), depth first, by id."""
        out: list[Unit] = []
        stack = list(reversed(self._children.get(uid, ())))
        while stack:
            c = stack.pop()
            out.append(self.units[c])
            stack.extend(reversed(self._children.get(c, ())))
        return out

    def subtree(self, uid: str) -> list[Unit]:
        """*uid* and every unit below it."""
        return [self.units[uid], *self.descendants(uid)]

    def ancestors(self, uid: str) -> list[Unit]:
        """The units above *uid*, nearest first, ending at the root."""
        out: list[Unit] = []
        parent = self.units[uid].parent
        while parent:
            out.append(self.units[parent])
            parent = self.units[parent].parent
        return out

    def depth(self, uid: str) -> int:
        """How many units lie above *uid* (the root: 0). All depths are worked out once,
        top down: asked for every unit of a deep chain, ``len(ancestors())`` was quadratic."""
        if self._depths is None:
            depths: dict[str, int] = {}
            stack = [(r, 0) for r in self.units if not self.units[r].parent]
            while stack:
                uid_, d = stack.pop()
                depths[uid_] = d
                stack.extend((c, d + 1) for c in self._children.get(uid_, ()))
            self._depths = depths
        found = self._depths.get(uid)
        return len(self.ancestors(uid)) if found is None else found

    def units_of_kind(self, *kinds: str) -> list[Unit]:
        return sorted((u for u in self.units.values() if u.kind in kinds), key=lambda u: u.id)

    # --- people ----------------------------------------------------------------
    def person(self, pid: str) -> Person:
        return self.people[pid]

    def members(self, uid: str, role: str | None = None, on: date | None = None) -> list[Person]:
        """People whose ``unit`` is *uid* (optionally with *role*, in post *on* a day)."""
        return [
            p
            for p in self._members.get(uid, ())
            if (role is None or role in p.roles) and (on is None or p.in_post(on))
        ]

    def overseers(self, uid: str, role: str | None = None, on: date | None = None) -> list[Person]:
        """Who oversees (分管) *uid* itself (not an ancestor), by id."""
        return [
            p
            for p in self._overseers.get(uid, ())
            if (role is None or role in p.roles) and (on is None or p.in_post(on))
        ]

    def with_role(self, role: str, on: date | None = None) -> list[Person]:
        """Everyone holding *role* (in post *on* a day), by id."""
        return [
            p
            for p in sorted(self.people.values(), key=lambda p: p.id)
            if role in p.roles and (on is None or p.in_post(on))
        ]

    def everyone(self) -> list[Person]:
        return sorted(self.people.values(), key=lambda p: p.id)


def build_org(
    units: Iterable[Unit],
    people: Iterable[Person],
    roles: Mapping[str, str] | None = None,
    origin: Callable[[object], tuple[str, int] | None] | None = None,
) -> Org:
    """Check and build the org. ``roles`` maps extra role codes to labels; ``origin``
    gives a record's (file as shown, row) for messages. Raises :class:`OrgError`.

    Ids are compared in canonical form (CORE §2 *Identity*): two units or two people
    equal in it are duplicates, and a ``parent``, ``unit`` or ``oversees`` spelt
    otherwise than the id it names is rewritten to the id as the org spells it."""
    units = list(units)
    people = list(people)
    known_roles = {**STANDARD_ROLES, **(roles or {})}
    problems: list[Problem] = []
    _near = _Near()

    def loc(rec: object, field: str) -> Problem:
        from bureaukit.records import record_spec

        label = record_spec(type(rec)).field(field).label
        found = origin(rec) if origin is not None else None
        if found is None:
            return Problem("", where=f"{type(rec).__name__.lower()} {visible(getattr(rec, 'id', '?'))}: {label}")
        return Problem("", found[0], found[1], label)

    seen = _distinct(units, "unit", loc, problems)
    units = [_resolve_parent(u, seen, loc, problems, _near) for u in units]
    by_id = {u.id: u for u in units}
    problems += _root_problems(units)
    _cycles(units, by_id, loc, problems)
    _distinct(people, "person", loc, problems)
    codes = {**{label: code for code, label in known_roles.items()}, **{code: code for code in known_roles}}
    fixed_people: list[Person] = []
    for p in people:
        p = _with_role_codes(_resolve_units(p, seen, loc, problems, _near), codes, known_roles, loc, problems, _near)
        if p.start and p.end and p.end < p.start:
            problems.append(_at(loc(p, "end"), t("org_ends_before", end=p.end, start=p.start)))
        fixed_people.append(p)
    if problems:
        raise OrgError(problems)
    return Org(units, fixed_people, known_roles)


def _root_problems(units: Sequence[Unit]) -> list[Problem]:
    """The unit tree has exactly one root, the bureau."""
    roots = [u for u in units if not u.parent]
    if not units:
        return [Problem(t("org_no_units"), where="units")]
    if len(roots) != 1:
        names = ", ".join(visible(u.id) for u in roots) or t("none")
        return [Problem(t("org_one_root", found=names), where="units")]
    return []


def _with_role_codes(p: Person, codes: Mapping[str, str], known_roles: Mapping[str, str], loc: Locate,
                     problems: list[Problem], _near: Near) -> Person:
    """The person with each role as its code (*codes*: a role's code or Chinese label → its code)."""
    found: list[str] = []
    for r in p.roles:
        code = codes.get(r)
        if code is None:
            problems.append(_at(loc(p, "roles"), t("org_unknown_role", role=quoted(r), near=_near(r, known_roles),
                                                   known=", ".join(f"{c} {lab}" for c, lab in known_roles.items()))))
        else:
            found.append(code)
    return attrs.evolve(p, roles=tuple(found)) if tuple(found) != p.roles else p


Locate = Callable[[object, str], Problem]
"""Where a record's field is: a :class:`Problem` still without its message."""


def _at(place: Problem, message: str) -> Problem:
    return attrs.evolve(place, message=message)


def _distinct(items: Sequence[Unit | Person], what: str, loc: Locate, problems: list[Problem]) -> dict[str, str]:
    """Canonical id → the id as first spelt; a second id equal in canonical form is a
    duplicate, shown as typed beside the first (``"p09<U+200B>"`` and ``"p09"``)."""
    seen: dict[str, Unit | Person] = {}
    for item in items:
        first = seen.setdefault(canonical(item.id), item)
        if first is item:
            continue
        if first.id == item.id:
            problems.append(_at(loc(item, "id"), t("org_duplicate", what=t("ref_" + what), id=quoted(item.id),
                                                   first=loc(first, "id"))))
        else:
            problems.append(_at(loc(item, "id"), t("org_duplicate_like", what=t("ref_" + what), id=quoted(item.id),
                                                   other=quoted(first.id), first=loc(first, "id"))))
    return {c: item.id for c, item in seen.items()}


def _resolve_parent(u: Unit, seen: Mapping[str, str], loc: Locate, problems: list[Problem], _near: Near) -> Unit:
    if not u.parent:
        return u
    parent = seen.get(canonical(u.parent))
    if parent is None:
        problems.append(_at(loc(u, "parent"), t("org_unknown_parent", id=quoted(u.parent),
                                                near=_near(u.parent, seen.values()))))
        return u
    return u if parent == u.parent else attrs.evolve(u, parent=parent)


def _resolve_units(p: Person, seen: Mapping[str, str], loc: Locate, problems: list[Problem], _near: Near) -> Person:
    """The person with ``unit`` and ``oversees`` spelt as the org spells those units."""
    unit = seen.get(canonical(p.unit))
    if unit is None:
        problems.append(_at(loc(p, "unit"), t("unknown_ref", what=t("ref_unit"), value=quoted(p.unit),
                                              near=_near(p.unit, seen.values()))))
        unit = p.unit
    oversees: list[str] = []
    for uid in p.oversees:
        hit = seen.get(canonical(uid))
        if hit is None:
            problems.append(_at(loc(p, "oversees"), t("unknown_ref", what=t("ref_unit"), value=quoted(uid),
                                                      near=_near(uid, seen.values()))))
        oversees.append(hit or uid)
    if unit == p.unit and tuple(oversees) == p.oversees:
        return p
    return attrs.evolve(p, unit=unit, oversees=tuple(oversees))


def _cycles(units: Sequence[Unit], by_id: Mapping[str, Unit], loc: Locate, problems: list[Problem]) -> None:
    """Every cycle of parents, reported once, starting at its smallest id, in parent
    order; in time linear in the units (a 5000-deep chain costs no more per unit than a
    flat bureau). Each unit is walked once: a walk stops at a unit an earlier walk
    finished, or finds a cycle when it meets a unit of its own path."""
    state: dict[str, int] = {}  # 1: on the current walk, 2: finished
    for start in sorted(by_id):
        path: list[str] = []
        cur: str | None = start
        while cur and cur in by_id and cur not in state:
            state[cur] = 1
            path.append(cur)
            cur = by_id[cur].parent
        if cur and state.get(cur) == 1:
            cycle = path[path.index(cur):]
            i = cycle.index(min(cycle))
            cycle = cycle[i:] + cycle[:i]
            problems.append(
                _at(loc(by_id[cycle[0]], "parent"), t("org_cycle", cycle=" → ".join(visible(c) for c in [*cycle, cycle[0]])))
            )
        for uid in path:
            state[uid] = 2


class _Near:
    """Did-you-mean hints for the first few unknown ids only: each costs a difflib pass
    over every unit, and a file of thousands of bad ids needs no thousand hints."""

    def __init__(self) -> None:
        from bureaukit.ledgers import MAX_HEADER_HINTS

        self.left = MAX_HEADER_HINTS

    def __call__(self, word: str, known: Iterable[str]) -> str:
        from bureaukit.ledgers import near_hint

        if self.left <= 0:
            return ""
        self.left -= 1
        return near_hint(word, known)


Near = Callable[[str, Iterable[str]], str]


def iter_subjects(org: Org) -> Iterator[str]:
    for uid in sorted(org.units):
        yield f"unit:{uid}"
    for pid in sorted(org.people):
        yield f"person:{pid}"
