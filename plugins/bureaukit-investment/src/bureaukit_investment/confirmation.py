"""Rules 1–2: 项目确认 and 折算 (seed 000 第一篇 二(一)–(二), 三).

二(一) "2012年度签约项目本年度固定资产投入达1000万元以上,视同新引资项目。"
二(二) "本年度实际完成固定资产投资数;城市规划区内的市政工程项目和房地产开发中的商业项目按实际缴税额
1:6折算;今年注册的合法融资机构项目以实际对我区中小企业贷款期限达6个月以上的额度折半计算;总部经济和
护协税以实际纳税额按1:8折算固定资产投资任务。"
三、项目确认 "1、固定资产投资1000万元以上(含1000万元)的工业项目、高新技术项目(有省级<含外省>以上认定
证书)、农业产业化项目、旅游开发项目、基础设施项目、社会事业项目、合法融资机构项目;2、投资1000万元以上
(含1000万元)的城市规划区内的市政项目和房地产开发中的商业项目;3、投资1000万元以上(含1000万元)的商贸和
现代服务业项目;4、在我区注册且纳税超50万元的总部经济项目、护协税项目。"
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

import attrs

import bureaukit.plugin as bk
from bureaukit.plugin import Context, Evidence, Finding, Note, Text, notes, say
from bureaukit_investment.catalogue import MESSAGES
from bureaukit_investment.notes import (
    category_titles,
    conversion_note,
    figures_note,
    unconfirmed_note,
)
from bureaukit_investment.records import Category, Certificate, Progress, Project
from bureaukit_investment.settings import InvestmentSettings

BY_FIXED_ASSET = frozenset(
    {
        Category.industrial,
        Category.high_tech,
        Category.agriculture,
        Category.tourism,
        Category.infrastructure,
        Category.social,
        Category.financing,
    }
)
BY_TAX_6 = frozenset({Category.municipal, Category.real_estate})
BY_TAX_8 = frozenset({Category.headquarters, Category.tax_cooperation})

ZERO = Decimal(0)


def w(value: Decimal | int) -> str:
    """An amount as a reason writes it for a leader: exact, with separators (``1,000``,
    ``999.99``; REPORTS §2)."""
    return notes.thousands(value)


@attrs.frozen
class Figures:
    """A project's figures of the year at ``as_of``: its latest progress row, taken whole."""

    fixed_asset_wan: Decimal = ZERO
    tax_paid_wan: Decimal = ZERO
    sme_loans_wan: Decimal = ZERO
    row: Progress | None = None


@attrs.frozen
class Assessed:
    """One project of the run: whether it is confirmed (and why not), and its 折算."""

    project: Project
    figures: Figures
    reasons: tuple[tuple[str, str], ...]
    """(zh, en) of every reason it is not confirmed; empty when confirmed."""
    equivalent: Decimal
    note: Note
    """The arithmetic of ``equivalent`` (税额 120 × 6 = 720 万元), written on demand."""

    @property
    def confirmed(self) -> bool:
        return not self.reasons


NO_FIGURES = Figures()
"""A project without a progress row on or before as_of."""


def latest_figures(ctx: Context) -> dict[str, Figures]:
    """Project id → its latest progress row on or before ``as_of`` (the run's rows)."""
    latest: dict[str, Progress] = {}
    for row in ctx.records["progress"]:
        have = latest.get(row.project)
        if have is None or row.date > have.date:
            latest[row.project] = row
    return {
        pid: Figures(r.fixed_asset_wan, r.tax_paid_wan, r.sme_loans_wan, r)
        for pid, r in latest.items()
    }


def _period_reasons(ctx: Context, p: Project, f: Figures) -> list[tuple[str, str]]:
    s: InvestmentSettings = ctx.settings
    if p.signed >= ctx.period.start:
        return []
    year = p.signed.year
    if year not in s.carryover_signed_years:
        return [(
            f"签约日期 {p.signed} 早于考核期 {ctx.period.id}（{ctx.period.start} 起），"
            f"{year} 年签约项目不视同新引资项目",
            f"signed {p.signed}, before period {ctx.period.id} (from {ctx.period.start}); "
            f"projects signed in {year} are not carried over",
        )]
    if f.fixed_asset_wan < s.carryover_min_wan:
        return [(
            f"{year} 年签约项目本年固定资产投资 {w(f.fixed_asset_wan)} 万元 < "
            f"{w(s.carryover_min_wan)} 万元，不视同新引资项目",
            f"signed in {year}: fixed asset this year {w(f.fixed_asset_wan)} < "
            f"{w(s.carryover_min_wan)} (10k yuan), not counted as new",
        )]
    return []


def _category_reasons(ctx: Context, p: Project, f: Figures) -> list[tuple[str, str]]:
    s: InvestmentSettings = ctx.settings
    least = s.qualify_min_wan
    out: list[tuple[str, str]] = []
    cat = p.category
    if cat in BY_FIXED_ASSET:
        if cat is Category.high_tech and p.certificate is Certificate.none:
            out.append(("高新技术项目无省级（含外省）以上认定证书",
                        "high-tech project without a provincial or national certificate"))
        if p.planned_fixed_asset_wan < least:
            out.append((
                f"{cat.value}项目计划固定资产投资 {w(p.planned_fixed_asset_wan)} 万元 < {w(least)} 万元",
                f"{cat.name}: planned fixed asset {w(p.planned_fixed_asset_wan)} < {w(least)} (10k yuan)",
            ))
    elif cat in BY_TAX_6 or cat is Category.commerce_service:
        if cat in BY_TAX_6 and not p.in_planning_zone:
            out.append((f"{cat.value}项目不在城市规划区内",
                        f"{cat.name} project outside the city planning zone"))
        if p.contract_total_wan < least:
            out.append((
                f"{cat.value}项目投资 {w(p.contract_total_wan)} 万元 < {w(least)} 万元",
                f"{cat.name}: contract total {w(p.contract_total_wan)} < {w(least)} (10k yuan)",
            ))
    else:  # headquarters, tax_cooperation
        if not p.registered_in_district:
            out.append((f"{cat.value}项目未在本区注册", f"{cat.name} project not registered in the district"))
        if f.tax_paid_wan <= s.hq_min_tax_wan:
            out.append((
                f"{cat.value}项目本年纳税 {w(f.tax_paid_wan)} 万元，未超过 {w(s.hq_min_tax_wan)} 万元",
                f"{cat.name}: tax paid this year {w(f.tax_paid_wan)}, not above "
                f"{w(s.hq_min_tax_wan)} (10k yuan)",
            ))
    return out


def registered_this_year(ctx: Context, p: Project) -> bool:
    """今年注册: a registration date in the year of the period's start (on or before as_of)."""
    return p.registered is not None and p.registered.year == ctx.period.start.year


def _conversion(ctx: Context, p: Project, f: Figures) -> tuple[str, Decimal, Decimal | None]:
    """Rule 2 for one project: (how it is counted — ``tax``, ``loans`` or ``fixed`` —, its
    amount, the 折算 factor or None when the amount counts as it is). The one place the
    rule lives: :func:`equivalent` computes from it and writes its note."""
    c = ctx.settings.conversion
    cat = p.category
    if cat in BY_TAX_6:
        return "tax", f.tax_paid_wan, c.real_estate_tax
    if cat in BY_TAX_8:
        return "tax", f.tax_paid_wan, c.hq_tax
    if cat is Category.financing and registered_this_year(ctx, p):
        return "loans", f.sme_loans_wan, c.financing_loan
    return "fixed", f.fixed_asset_wan, None


CATEGORY_TITLES = category_titles(Category)
"""Each category's title for the notes, made once (shared by every project's note)."""


def equivalent(ctx: Context, p: Project, f: Figures) -> tuple[Decimal, Note]:
    """Rule 2: the project's fixed-asset equivalent (折算), and its arithmetic
    (``房地产商业：本年实际纳税 120 万元 × 6 = 720 万元``) as a note written when a reader asks
    for the project's evidence (result schema 2): the note holds the figures the rule
    used, not the context. One reading of the rule gives both."""
    how, amount, factor = _conversion(ctx, p, f)
    value = amount if factor is None else amount * factor
    return value, Note(conversion_note, (how, CATEGORY_TITLES[p.category], amount, factor))


def assess(ctx: Context, reuse: Sequence[Assessed] = ()) -> list[Assessed]:
    """Every project of the run, by id, confirmed or not, with its 折算 and the note that
    writes it on demand.

    A project's assessment depends on its record and its latest progress row alone (and
    the run's period and settings): *reuse*, another run's assessment of the same period
    (``leave_post``'s checkpoint beside the run's as_of), gives the reasons and 折算 of
    every project whose record and latest row are those it was assessed on, so they are
    not worked out twice."""
    figures = latest_figures(ctx)
    # keyed by identity: the run's records and rows are the bureau's own objects unless
    # the as_of remade them (a completion date after it), and *reuse* keeps them alive
    earlier = {(id(a.project), id(a.figures.row)): a for a in reuse}
    out: list[Assessed] = []
    for p in sorted(ctx.records["projects"], key=_by_id):
        f = figures.get(p.id, NO_FIGURES)
        same = earlier.get((id(p), id(f.row)))
        if same is not None:
            reasons, value, note = same.reasons, same.equivalent, same.note
        else:
            reasons = (*_period_reasons(ctx, p, f), *_category_reasons(ctx, p, f))
            value, note = equivalent(ctx, p, f)
        out.append(Assessed(p, f, reasons, value, note))
    return out


def _by_id(p: Project) -> str:
    return p.id


def unconfirmed_findings(ctx: Context, assessed: list[Assessed]) -> Iterator[Finding]:
    """Rule 1: one info Finding per project of the run that is not confirmed, on its unit."""
    for a in assessed:
        if a.confirmed:
            continue
        p = a.project
        yield ctx.finding(
            bk.unit(p.unit),
            "unconfirmed",
            "info",
            say(MESSAGES["unconfirmed"], project=p.id, name=p.name,
                  reasons=Text("；".join(r[0] for r in a.reasons), "; ".join(r[1] for r in a.reasons))),
            evidence=[ctx.evidence(p, Note(unconfirmed_note, (a.reasons,))), *_progress_cited(ctx, a.figures)],
        )


def _progress_cited(ctx: Context, f: Figures) -> list[Evidence]:
    """The latest progress row a project was judged on, where it has one: its figures of
    the year (a carry-over's 本年固定资产投资 600 万元, a 总部经济 project's tax) are that
    row's cells, not the project's, so a reason that quotes one is traced to it."""
    r = f.row
    if r is None:
        return []
    return [ctx.evidence(r, Note(figures_note, (r.date, r.fixed_asset_wan, r.tax_paid_wan, r.sme_loans_wan)))]
