"""Invariants: money conserved to the fen, row order irrelevant, two runs identical."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

import attrs
from bureaukit_investment.campaign import CAMPAIGN
from bureaukit_investment.confirmation import assess
from bureaukit_investment.records import Category, Deposit, Progress, Project
from bureaukit_investment.tasks import standings, targets_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bureaukit.testing import context

PEOPLE = ["tm", "tm2", "h_inv", "s_inv", "h_ygs", "t_ygs", "s_ygs", "h_n", "s_n", "h_gls", "s_gls"]
PAYERS = ["tm", "tm2", "h_inv", "s_inv", "h_ygs", "t_ygs", "h_gls", "t_gls"]
"""Who may pay a 风险金 under the defaults (五(一)): the others' rows are ledger errors."""
UNITS = ["invest", "ygs", "ygs_n", "gls"]
SETTINGS = {"targets": {"total_wan": 18000, "fixed_asset_wan": 7000},
            "allocation": {"ygs": {"total_wan": 6000}, "gls": {"total_wan": 3000, "big_projects": 1},
                           "invest": {"fixed_asset_wan": 500}}}

amounts = st.decimals(min_value=0, max_value=20000, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def ledgers(draw):
    n = draw(st.integers(0, 8))
    projects, progress = [], []
    for i in range(n):
        planned = draw(amounts)
        who = draw(st.sampled_from(PEOPLE))
        projects.append(Project(
            f"P{i:02d}", f"项目{i}", draw(st.sampled_from(list(Category))), draw(st.sampled_from(UNITS)),
            (who,), date(2014, 1, 1) + timedelta(days=draw(st.integers(-400, 364))),
            draw(amounts), planned, in_planning_zone=draw(st.booleans()),
            registered_in_district=draw(st.booleans()),
        ))
        for d in sorted(set(draw(st.lists(st.integers(0, 364), max_size=2)))):
            progress.append(Progress(f"P{i:02d}", date(2014, 1, 1) + timedelta(days=d),
                                     draw(amounts), draw(amounts), draw(amounts)))
    payers = draw(st.lists(st.sampled_from(PAYERS), unique=True, max_size=6))
    deposits = [Deposit(p, draw(st.decimals(min_value=1, max_value=5000, places=2)), date(2014, 5, 1))
                for p in payers]
    return {"projects": projects, "progress": progress, "deposits": deposits}


def key(o):
    """An outcome without its evidence rows (a shuffled ledger has its rows elsewhere)."""
    return repr(attrs.evolve(o, evidence=tuple(attrs.evolve(e, row=None) for e in o.evidence)))


# `inv` only builds a run from its arguments: no state carries between examples
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(recs=ledgers(), seed=st.integers(0, 10**6))
def test_money_conserved_order_irrelevant_and_repeatable(inv, recs, seed):
    out = inv(records=recs, settings={**SETTINGS, "carryover_signed_years": [2013]})
    # every deposit is settled exactly: refund + deduction = the deposit; reward only with a full refund
    for d in recs["deposits"]:
        paid = {p.kind: p.amount for p in out.paid(f"person:{d.person}")}
        assert paid.get("refund", Decimal(0)) + paid.get("deduction", Decimal(0)) == d.amount_yuan
        if "reward" in paid:
            assert paid["reward"] == paid["refund"] == d.amount_yuan
        assert all(v > 0 and v == v.quantize(Decimal("0.01")) for v in paid.values())
    rnd = random.Random(seed)
    shuffled = {k: rnd.sample(v, len(v)) for k, v in recs.items()}
    again = inv(records=shuffled, settings={**SETTINGS, "carryover_signed_years": [2013]})
    assert sorted(map(key, out.items)) == sorted(map(key, again.items))
    # the same inputs twice: the very same outcomes, in the same order
    twice = inv(records=recs, settings={**SETTINGS, "carryover_signed_years": [2013]})
    assert list(map(key, out.items)) == list(map(key, twice.items))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(recs=ledgers(), cut=st.integers(0, 364))
def test_points_stay_in_range_at_any_as_of(inv, recs, cut):
    as_of = date(2014, 1, 1) + timedelta(days=cut)
    out = inv(records=recs, settings=SETTINGS, as_of=as_of)
    for s in out.scores:
        if s.metric == "points":
            assert 0 <= s.value <= 100
    if as_of < date(2014, 12, 31):
        assert out.payments == []


def _assessed(a):
    """An assessment as a rule reads it: its inputs, reasons, 折算 and the note's text."""
    return (a.project, a.figures, a.reasons, a.equivalent, str(a.note))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(recs=ledgers(), cut=st.integers(0, 364), later=st.integers(0, 364), registered=st.lists(st.integers(0, 364)))
def test_an_assessment_reused_at_another_as_of_equals_a_fresh_one(org, recs, cut, later, registered):
    """leave_post's checkpoint takes over the run's assessment for unchanged projects: the
    result is the assessment made from scratch, whatever the two dates and whichever
    projects' registration dates (completion fields) fall between them."""
    projects = [attrs.evolve(p, registered=date(2014, 1, 1) + timedelta(days=d))
                for p, d in zip(recs["projects"], registered, strict=False)] + recs["projects"][len(registered):]
    ctx = context(CAMPAIGN, **org, records={**recs, "projects": projects},
                  settings={**SETTINGS, "carryover_signed_years": [2013]},
                  as_of=date(2014, 1, 1) + timedelta(days=max(cut, later)))
    then = ctx.at(date(2014, 1, 1) + timedelta(days=min(cut, later)))
    run = assess(ctx)
    assert list(map(_assessed, assess(then, reuse=run))) == list(map(_assessed, assess(then)))
    assert list(map(_assessed, assess(ctx, reuse=run))) == list(map(_assessed, run))


def _plain_standings(ctx, assessed):
    """Each subject's values and cited rows by the plain rule: one scan of every confirmed
    project per subject and metric, summed in ledger order (what standings() was before it
    rolled each unit's totals up the tree). The 折算 cites the progress row its figure is
    read from (the project when it has none); every other metric cites the project."""
    s = ctx.settings
    out = {}
    for uid, targets in targets_of(ctx).items():
        units = {u.id for u in ctx.org.subtree(uid)}
        for m in targets:
            total, cited = Decimal(0), []
            for a in assessed:
                p = a.project
                if not a.confirmed or p.unit not in units:
                    continue
                if m == "total_wan":
                    x = p.contract_total_wan
                elif m == "fixed_asset_wan":
                    x = a.equivalent
                elif m == "industrial_wan":
                    x = p.contract_total_wan if p.category in s.industrial_categories else None
                else:
                    x = Decimal(1) if p.contract_total_wan >= s.big_project_min_wan else None
                if x is not None:
                    total += x
                    row = a.figures.row if m == "fixed_asset_wan" and a.figures.row is not None else p
                    cited.append(ctx.evidence(row).record)
            out[uid, m] = (str(total), cited)
    return out


fine_amounts = st.decimals(min_value=0, max_value=10**9, places=4, allow_nan=False, allow_infinity=False)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(recs=ledgers(), fine=st.lists(fine_amounts, max_size=8), cut=st.integers(0, 364))
def test_standings_rolled_up_equal_the_plain_scan(org, recs, fine, cut):
    """A subject's value is the sum of its subtree's unit totals: the same Decimal, exponent
    and all, as a sum over every project of the subtree, and the same rows cited in the
    same order, whatever the amounts' places."""
    projects = [attrs.evolve(p, contract_total_wan=x) for p, x in zip(recs["projects"], fine, strict=False)]
    projects += recs["projects"][len(projects):]
    ctx = context(CAMPAIGN, **org, records={**recs, "projects": projects}, settings=SETTINGS,
                  as_of=date(2014, 1, 1) + timedelta(days=cut))
    assessed = assess(ctx)
    table = standings(ctx, assessed)
    values = standings(ctx, assessed, cite=False)
    got = {(uid, m): (str(st_.values[m]), [e.record for e in st_.evidence[m]])
           for uid, st_ in table.items() for m in st_.targets}
    assert got == _plain_standings(ctx, assessed)
    assert {u: v.values for u, v in values.items()} == {u: v.values for u, v in table.items()}
    assert all(ev == () for v in values.values() for ev in v.evidence.values())
