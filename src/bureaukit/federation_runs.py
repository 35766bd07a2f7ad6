"""A federation's member runs (design/SCALE.md §2): each member bureau scored afresh in a
worker process (``source = "score"``), or its final run read from its archive
(``source = "final"``: the run ``bureaukit finalise`` locked, LIFECYCLE §2 — what was
decided, not what its ledgers say today). Both give a :class:`BureauRun`: the member's
root composite and the hashes of what produced it, or the member's own errors.
"""

from __future__ import annotations

import os
import tempfile
import tomllib
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

import attrs

from bureaukit.errors import InputError, PluginFailure, one_line
from bureaukit.problems import Problem

if TYPE_CHECKING:
    from bureaukit.archive import Archive, RunInfo

SCORE, FINAL = "score", "final"
SOURCES = (SCORE, FINAL)


@attrs.frozen
class FinalRun:
    """The archived final a member's standing was taken from: enough to find it again
    (``bureaukit verify MEMBER.toml NUMBER``, ``bureaukit diff``)."""

    archive: str
    """The archive's URL as configured (a password redacted)."""
    number: int
    result_sha256: str
    recorded_at: str
    by: str
    as_of: str


@attrs.frozen
class BureauRun:
    """One bureau's standing for the federation: its root composite, or its errors."""

    path: str
    bureau_id: str | None
    name: str | None
    composite: Decimal | None
    config_hash: str | None
    inputs: Mapping[str, str]
    errors: tuple[str, ...] = ()
    exit_code: int = 0
    final: FinalRun | None = None
    grade: str | None = None
    """The root unit's grade (等级) by the member's own grading scale."""


def read_toml(path: Path) -> dict[str, Any]:
    """A config's TOML (decimals exact); an :class:`InputError` naming the file."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise InputError([Problem("no such config file", str(path))]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError([Problem(f"cannot read the config: {exc}", str(path))]) from None
    try:
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise InputError([Problem(f"not valid TOML: {exc}", str(path))]) from None


def member_run(path: str, source: str, period: str, as_of: str | None) -> BureauRun:
    """A worker process's job: one member's run from *source*; its errors, never raised
    (a bug in one member must not hide the others' results)."""
    try:
        return score_bureau(path, period, as_of) if source == SCORE else read_final(path, period)
    except InputError as exc:
        return BureauRun(path, None, None, None, None, {}, tuple(map(str, exc.problems)), 2)
    except PluginFailure as exc:
        return BureauRun(path, None, None, None, None, {}, (f"error: {exc}",), 3)
    except Exception as exc:
        return BureauRun(path, None, None, None, None, {}, (f"internal error: {one_line(exc)}",), 1)


def score_bureau(path: str, period: str | None, as_of: str | None) -> BureauRun:
    """Score one bureau as ``bureaukit score`` would: its root unit's composite and its
    run's hashes."""
    from bureaukit.bureau import load
    from bureaukit.engine import score

    bureau = load(path)
    result = score(bureau, period, as_of)
    root = f"unit:{bureau.org.root.id}"
    card = next((c for c in result.scorecards if c.subject == root), None)
    return BureauRun(path, result.bureau_id, result.bureau_name, None if card is None else card.composite,
                     result.config_hash, dict(result.files), grade=None if card is None else card.grade)


# --- a member's archived final ------------------------------------------------------------


def read_final(path: str, period: str) -> BureauRun:
    """Member *path*'s final run of *period* from the archive its config records into
    (``BUREAUKIT_ARCHIVE_URL``, else its ``[archive] url``): its root unit's composite as
    recorded, the root found in the org archived with that run. No final (never
    finalised, or reopened since) is the member's error."""
    from bureaukit.archive import archive_url_of, open_archive, redact

    config = Path(path)
    data = read_toml(config)
    head = data.get("bureau")
    bid = head.get("id") if isinstance(head, dict) else None
    if not isinstance(bid, str):
        raise InputError([Problem("a member needs [bureau] id to find its final run", path, where="bureau.id")])
    url = archive_url_of(data)
    if url is None:
        raise InputError([Problem('no archive to read its final run from (federation.source = "final"): give '
                                  "[archive] url or BUREAUKIT_ARCHIVE_URL", path, where="archive.url")])
    with open_archive(url, config.resolve().parent) as archive:
        run = archive.final_run(bid, period)
        if run is None:
            raise InputError([Problem(_no_final(archive, bid, period), path)])
        return _final_of(archive, run, path, redact(url))


def _no_final(archive: Archive, bureau: str, period: str) -> str:
    runs = archive.runs(bureau, period)
    told = (f"its {len(runs)} run(s) of the period are {', '.join(sorted({r.status for r in runs}))}"
            if runs else "it has no run of the period")
    return (f"bureau {bureau} has no final run of period {period} in {archive.shown} ({told}; "
            f"bureaukit finalise CONFIG --period {period} --by NAME locks one)")


def _final_of(archive: Archive, run: RunInfo, path: str, shown: str) -> BureauRun:
    files = archive.file_hashes(run.bureau, run.number)
    config_hash = next(sha for role, sha in files.values() if role == "config")
    archived = tomllib.loads(archive.blob(config_hash).decode("utf-8-sig"), parse_float=Decimal)
    root = _archived_root(archive, run, archived, files)
    name = archived.get("bureau", {}).get("name")
    final = FinalRun(shown, run.number, run.result_sha256, run.recorded_at, run.by, run.as_of.isoformat())
    inputs = {n: sha for n, (role, sha) in files.items() if role == "input"}
    composite, grade = _recorded_card(archive, run, f"unit:{root}")
    return BureauRun(path, run.bureau, name if isinstance(name, str) else run.bureau, composite, config_hash,
                     inputs, final=final, grade=grade)


def _archived_root(archive: Archive, run: RunInfo, config: Mapping[str, Any],
                   files: Mapping[str, tuple[str, str]]) -> str:
    """The root unit of the org archived with *run*: its config and its units and people
    files written to a scratch folder and read as ``load`` reads them."""
    from bureaukit.bureau import load_org

    org_files = [str(config[k]) for k in ("units", "people") if isinstance(config.get(k), str)]
    with tempfile.TemporaryDirectory(prefix="bk-final-") as scratch:
        folder = Path(scratch)
        moved: dict[str, Path] = {}
        for i, name in enumerate([run.config_name, *org_files]):
            target = _scratch_path(folder, name, i)
            if target != folder / name:
                moved[name] = target
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(archive.blob(files[name][1]) if name in files else b"")
        return load_org(folder / run.config_name, moved=moved).root.id


def _scratch_path(folder: Path, name: str, i: int) -> Path:
    """Where an archived file is written: as the config names it, or apart when it lay
    outside the config's folder (an absolute path, or through ``..``)."""
    from bureaukit.archive.lifecycle import is_outside

    rel = PurePosixPath(name)
    return folder / "_outside" / str(i) / (rel.name or "input") if is_outside(name) else folder.joinpath(*rel.parts)


def _recorded_card(archive: Archive, run: RunInfo, subject: str) -> tuple[Decimal | None, str | None]:
    """*subject*'s composite and grade as the run recorded them (its plain scorecards
    table, else its result JSON)."""
    with archive.db.guard():
        rows = archive.db.execute("SELECT composite, grade FROM run_scorecards WHERE bureau = ? AND number = ? "
                                  "AND subject = ?", (run.bureau, run.number, subject))
    if rows:
        composite, grade = rows[0]
    else:
        cards = archive.result_dict(run.bureau, run.number).get("scorecards", [])
        card: dict[str, Any] = next((c for c in cards if c.get("subject") == subject), {})
        composite, grade = card.get("composite"), card.get("grade")
    return (None if composite is None else Decimal(str(composite))), (None if grade is None else str(grade))


# --- the pool -----------------------------------------------------------------------------


def run_all(tasks: Sequence[tuple[Path, str]], period: str, as_of: str | None, jobs: int
            ) -> dict[tuple[Path, str], BureauRun]:
    """Every member's run, in parallel processes when *jobs* > 1 (results in task order:
    the same bytes whatever the number of jobs)."""
    args = [(str(p), source, period, as_of) for p, source in tasks]
    if jobs <= 1 or len(tasks) <= 1:
        runs = [member_run(*a) for a in args]
    else:
        runs = _in_pool(args, min(jobs, len(tasks)))
    return dict(zip(tasks, runs, strict=True))


def _in_pool(args: Sequence[tuple[str, str, str, str | None]], workers: int) -> list[BureauRun]:
    """The members' runs in *workers* processes, in task order.

    On Linux the parent runs one member itself, then forks the workers: every module and
    first-call cache a member's run needs (the engine, the readers, each campaign's plugin
    and its rule modules, ~3 times a median member's cost) is then in place, and each
    worker inherits it instead of loading it again; the parent's work is not wasted (it is
    that member's result). Elsewhere (macOS' system libraries are not fork-safe, Windows
    has no fork) the workers start fresh and load for themselves.

    The members go out largest first (:func:`schedule`), one per task (``chunksize`` 1: a
    member costs tens of milliseconds at least and a task's round trip about a tenth of
    one), and the results are put back in task order."""
    import gc
    import multiprocessing
    import sys
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None
    head, rest = schedule([member_size(a[0]) for a in args], warm=context is not None)
    runs: dict[int, BureauRun] = {i: member_run(*args[i]) for i in head}
    if context is not None:
        gc.freeze()  # the inherited heap stays shared: a worker's collections do not copy it
    try:
        with ProcessPoolExecutor(max_workers=min(workers, len(rest)), mp_context=context) as pool:
            runs.update(zip(rest, pool.map(member_run, *zip(*(args[i] for i in rest), strict=True)), strict=True))
    finally:
        if context is not None:
            gc.unfreeze()
    return [runs[i] for i in range(len(args))]


def schedule(sizes: Sequence[int], *, warm: bool) -> tuple[list[int], list[int]]:
    """The order members are run in: with *warm*, the smallest first in the parent (its
    run only has to load what every member needs), then the others largest first, ties in
    task order.

    Largest first, because the wall time is the busiest worker's: a big bureau handed out
    last keeps one worker busy while the others wait (the longest-processing-time rule:
    within 4/3 of the best order)."""
    order = sorted(range(len(sizes)), key=lambda i: -sizes[i])
    head = [order.pop()] if warm and len(order) > 1 else []
    return head, order


MEMBER_SCAN = 2000
"""How many entries :func:`member_size` looks at under a member's folder, at most."""


def member_size(config: str) -> int:
    """About how much work a member is: the bytes of the files in its config's folder
    (its ledgers, org and config, as a bureau is laid out), the first :data:`MEMBER_SCAN`
    entries only. An estimate for the order of the tasks, never for a result: members
    that share a folder weigh the same and keep their task order."""
    total, seen = 0, 0
    folders = [os.path.dirname(os.path.abspath(config))]
    while folders and seen < MEMBER_SCAN:
        try:
            with os.scandir(folders.pop()) as entries:
                for entry in entries:
                    seen += 1
                    if entry.is_dir(follow_symlinks=False):
                        folders.append(entry.path)
                    elif entry.is_file():
                        total += entry.stat().st_size
                    if seen >= MEMBER_SCAN:
                        break
        except OSError:  # the member's own run reports what cannot be read
            continue
    return total


def cpu_count() -> int:
    """The cores this process may use (its affinity, where the OS tells it)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1
