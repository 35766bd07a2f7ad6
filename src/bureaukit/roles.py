"""Role selectors (CORE §2): ``ROLE`` or ``ROLE@KIND[,KIND…]``.

Wherever a setting names roles (investment's ``personal_roles`` and deposit roles, style's
quota ``who`` and ``duty_roles``, publicity's ``staffing`` …) each entry is a selector:
``"unit_head"`` is anyone holding the role; ``"unit_head@institution"`` is the role held by
a person whose own unit is of kind ``institution`` — 二级机构主要负责人, not a 科室 or 站所
head (seed 000 第一篇 一、五(一)). This module is the one parser and matcher every campaign
uses, and the one check that turns a bad selector into a config error with its path.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date

import attrs

from bureaukit.errors import did_you_mean
from bureaukit.messages import t
from bureaukit.org import Org, Person


class SelectorError(ValueError):
    """A selector's text is not ``ROLE`` or ``ROLE@KIND[,KIND…]``."""


@attrs.frozen
class RoleSelector:
    """One parsed selector: ``role``, and the unit ``kinds`` a holder's own unit must be of
    (empty: any unit)."""

    role: str
    kinds: tuple[str, ...] = ()

    def __str__(self) -> str:
        return format_selector(self)

    def matches(self, person: Person, org: Org) -> bool:
        """True when *person* holds the role and (with kinds) their own unit is of one of them."""
        if self.role not in person.roles:
            return False
        return self.admits_kind(org.unit(person.unit).kind)

    def admits_kind(self, kind: str) -> bool:
        """True when a person whose own unit is of *kind* can match: no kinds, or one of them.
        A rule about one unit's own people (publicity's staffing) binds only such units."""
        return not self.kinds or kind in self.kinds


def _token(text: str, what: str, whole: str) -> str:
    token = text.strip()
    if not token:
        raise SelectorError(t("selector_empty", what=t(f"selector_{what}"), whole=whole))
    if any(c in token for c in "@,") or any(c.isspace() for c in token):
        raise SelectorError(t("selector_bad", what=t(f"selector_{what}"), token=token, whole=whole))
    return token


def parse_selector(text: str) -> RoleSelector:
    """``"unit_head@office,finance"`` → ``RoleSelector("unit_head", ("office", "finance"))``.
    Spaces around the role and each kind are ignored; an empty part, a second ``@`` or a kind
    named twice is a :class:`SelectorError`."""
    role_text, at, kinds_text = text.partition("@")
    role = _token(role_text, "role", text)  # what: selector_role / selector_kind
    if not at:
        return RoleSelector(role)
    kinds = tuple(_token(k, "kind", text) for k in kinds_text.split(","))
    twice = sorted({k for k in kinds if kinds.count(k) > 1})
    if twice:
        raise SelectorError(t("selector_twice", kind=twice[0], text=text))
    return RoleSelector(role, kinds)


def format_selector(selector: RoleSelector) -> str:
    """The canonical text: ``role`` or ``role@kind,kind`` (kinds in the order written)."""
    if not selector.kinds:
        return selector.role
    return f"{selector.role}@{','.join(selector.kinds)}"


class Roles:
    """A list of selectors, matched as one: a person matches when any selector does."""

    def __init__(self, selectors: Iterable[str | RoleSelector]) -> None:
        self.selectors: tuple[RoleSelector, ...] = tuple(
            s if isinstance(s, RoleSelector) else _parse_lenient(s) for s in selectors
        )

    def __str__(self) -> str:
        """As the config writes the list: ``["team_member", "unit_head@institution"]``."""
        return "[" + ", ".join(f'"{format_selector(s)}"' for s in self.selectors) + "]"

    def __bool__(self) -> bool:
        return bool(self.selectors)

    def matches(self, person: Person, org: Org) -> bool:
        return any(s.matches(person, org) for s in self.selectors)

    def holders(self, org: Org, on: date | None = None) -> list[Person]:
        """Everyone any selector matches (in post *on* a day), by id."""
        return [p for p in org.everyone() if self.matches(p, org) and (on is None or p.in_post(on))]


def _parse_lenient(text: str) -> RoleSelector:
    """At run time the config check has already rejected bad text (exit 2): a selector
    that still fails to parse matches nobody rather than raising mid-score."""
    try:
        return parse_selector(text)
    except SelectorError:
        return RoleSelector("\0")


def selector_problems(
    path: str, written: Sequence[str], org: Org, default: Sequence[str] = ()
) -> Iterator[tuple[str, str]]:
    """``(path[i], message)`` for each entry of a role list the bureau wrote that does not
    parse, names an unknown role, or names a unit kind no unit has. An entry that is one of
    the setting's *default* entries is spared the kind check: a default's kinds that no unit
    has simply match nobody (CORE §2)."""
    for i, text in enumerate(written):
        for message in selector_problem(text, org, is_default=text in default):
            yield f"{path}[{i}]", message


def selector_problem(text: str, org: Org, *, is_default: bool = False) -> Iterator[str]:
    """The messages for one selector (none when it is good)."""
    try:
        sel = parse_selector(text)
    except SelectorError as exc:
        yield str(exc)
        return
    roles = org.role_labels
    by_label = {label: code for code, label in roles.items()}
    if sel.role in by_label:
        yield t("selector_role_code", code=by_label[sel.role], label=sel.role)
    elif sel.role not in roles:
        yield t("selector_unknown_role", role=sel.role, near=did_you_mean(sel.role, roles),
                known=", ".join(f"{code} {label}" for code, label in roles.items()))
    if is_default:
        return
    kinds = sorted({u.kind for u in org.units.values()})
    for kind in sel.kinds:
        if kind not in kinds:
            yield t("selector_no_kind", kind=kind, near=did_you_mean(kind, kinds), kinds=", ".join(kinds))
