"""The period's lock and re-checking a run (LIFECYCLE §2, §5).

Every recorded ``score`` passes :func:`check_lock`: the diff and row machinery it needs
only when a final period's inputs changed is imported there, not at start-up.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING, Any

import attrs

from bureaukit.archive.db import ArchiveError
from bureaukit.archive.store import Archive, PackedResult, RunInfo, input_paths, read_input
from bureaukit.messages import t

if TYPE_CHECKING:
    from bureaukit.archive.diff import RunDiff
    from bureaukit.archive.rows import FileChange
    from bureaukit.bureau import Bureau
    from bureaukit.result import Result


def check_lock(archive: Archive, bureau: Bureau, result: Result, packed: PackedResult | None = None
               ) -> RunInfo | None:
    """Refuse a run as of a final period's end whose inputs differ from the final run's
    (listing the changed files and rows); return the final run when *result* is it.
    Interim runs (as of an earlier date) are allowed: None. *packed*: the result's JSON
    packed, when the caller has it already."""
    final = archive.final_run(result.bureau_id, result.period.id)
    if final is None or result.period.as_of != final.period_end:
        return None
    changed = changed_inputs(archive, final, bureau, result)
    decided = [a for a in archive.audit(final.bureau, final.period) if a.action == "finalise" and a.run == final.number]
    when = t("final_when", date=decided[-1].at[:10], by=decided[-1].by) if decided else ""
    head = t("final_head", period=final.period, when=when, number=final.number)
    if changed:
        listed = t("reason_sep").join(_changed(f) for f in changed)
        raise ArchiveError(t("final_inputs_changed", head=head, changed=listed, period=final.period,
                             number=final.number, config=bureau.config.path))
    if not _says_the_final(archive, final, bureau, result, packed):
        raise ArchiveError(t("final_other_result", head=head, number=final.number, config=bureau.config.path))
    return final


def _says_the_final(archive: Archive, final: RunInfo, bureau: Bureau, result: Result,
                    packed: PackedResult | None) -> bool:
    """*result* is the final run's decision: its JSON byte for byte; a report in the
    other language or of some campaigns only (``--campaign``) is compared outcome by
    outcome (:func:`_same_outcomes`)."""
    whole = len(result.campaigns) == len(bureau.campaigns)
    if whole and result.language == final.language:
        return (packed or PackedResult.of(result)).sha256 == final.result_sha256 or _same_as_schema_1(
            archive, final, result)
    return _same_outcomes(archive, final, result, whole)


def _same_as_schema_1(archive: Archive, final: RunInfo, result: Result) -> bool:
    """The final run was archived in schema 1 and *result* says the same read as schema
    2 (docs/result-schema.md): a bureaukit upgrade is not a different result."""
    from bureaukit.result import same_result

    archived = archive.result_json(final.bureau, final.number)
    return '"schema": 1' in archived[:20] and same_result(archived, result.to_json())


def _same_outcomes(archive: Archive, final: RunInfo, result: Result, whole: bool) -> bool:
    """The decision of *result* is the final run's, as the plain tables write it: every
    scorecard (when *whole*), and the scores, payments and findings of *result*'s
    campaigns (messages in the final run's language, with the ledger rows they cite).
    Compared as sets: the result's order follows its language (findings by message). A
    final run recorded before archive schema 3 is compared without the cited rows."""
    from bureaukit.archive.store import table_rows

    names = {c.name for c in result.campaigns}
    now = table_rows(result, final.language)
    then = archive.table_rows(final, cites=True)
    cut = -1 if final.time_progress is None else None  # cites: the last column, NULL before schema 3
    for section in ("scorecards", "scores", "payments", "findings") if whole else ("scores", "payments", "findings"):
        mine = sorted((tuple(r)[:cut] for r in now[section]), key=repr)
        kept = sorted((tuple(r)[:cut] for r in then[section][1] if section == "scorecards" or r[0] in names), key=repr)
        if mine != kept:
            return False
    return True


def changed_inputs(archive: Archive, run: RunInfo, bureau: Bureau, result: Result) -> list[FileChange]:
    """The input files of *result* that differ from run *run*'s, with their changed rows;
    only the files whose sha256 differs are read."""
    from bureaukit.archive.rows import core_readers, diff_files

    now = {name: sha for name, (_, _, sha) in input_paths(bureau, result).items()}
    then = {name: sha for name, (_, sha) in archive.file_hashes(run.bureau, run.number).items()}
    differ = {name for name in set(now) | set(then) if now.get(name) != then.get(name)}
    if not differ:
        return []
    paths = input_paths(bureau, result)
    content_now = {n: (now[n], read_input(paths[n][1])) for n in differ if n in now}
    content_then = {n: (then[n], archive.blob(then[n])) for n in differ if n in then}
    return diff_files(content_then, content_now, core_readers())


def _changed(f: FileChange) -> str:
    if f.rows:
        return t("rows_changed", file=f.file, n=len(f.rows))
    return t("file_note", file=f.file, note=f.note) if f.note else f.file


@attrs.frozen
class Verified:
    """``verify``'s answer: the run, whether its result came out byte-identical, and if
    not the differences and the versions that differ."""

    run: RunInfo
    identical: bool
    diff: RunDiff | None


def materialise(archive: Archive, run: RunInfo, folder: Path) -> tuple[Path, dict[str, Path]]:
    """Write run *run*'s archived inputs into *folder* as the config named them; return
    the config's path there, and where each input named outside the config's folder (an
    absolute path, or one through ``..``) was written instead, by its name."""
    moved: dict[str, Path] = {}
    for i, (name, data) in enumerate(sorted(archive.inputs(run.bureau, run.number).items())):
        rel = PurePosixPath(name)
        if is_outside(name):
            # kept apart, numbered: two outside files may share a base name
            target = folder / "_outside" / str(i) / (rel.name or "input")
            moved[name] = target
        else:
            target = folder.joinpath(*rel.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return folder / run.config_name, moved


def is_outside(name: str) -> bool:
    """*name* (as the config writes it) lies outside the config's folder: ``/data/x.csv``,
    ``D:/台账/x.csv`` or ``../shared/x.csv``."""
    rel = PurePosixPath(name)
    return rel.is_absolute() or PureWindowsPath(name).is_absolute() or ".." in rel.parts


def rescore(archive: Archive, run: RunInfo, *, plugins: Iterable[Any] = ()) -> tuple[Bureau, Result]:
    """Run *run* scored again from its archived inputs with the installed plugins: its
    period, as-of, campaigns and language; the bureau as loaded from those inputs."""
    import shutil
    import tempfile

    import bureaukit.bureau
    from bureaukit.engine import score

    folder = Path(tempfile.mkdtemp(prefix="bureaukit-verify-"))
    try:
        config, moved = materialise(archive, run, folder)
        bureau = bureaukit.bureau.load(config, plugins=plugins, moved=moved)
        campaigns = list(archive.result_dict(run.bureau, run.number)["campaigns"])
        result = score(bureau, run.period, run.as_of, [c["name"] for c in campaigns] or None, lang=run.language)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return bureau, result


def is_archived_result(archive: Archive, run: RunInfo, text: str) -> bool:
    """*text* (a result's JSON) is run *run*'s archived result byte for byte (a run
    archived in schema 1: its content read as schema 2, docs/result-schema.md)."""
    from bureaukit.result import same_result

    if "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest() == run.result_sha256:
        return True
    return same_result(archive.result_json(run.bureau, run.number), text)


def verify(archive: Archive, bureau_id: str, number: int, *, plugins: Iterable[Any] = ()) -> Verified:
    """Re-score run *number* from its archived inputs with the installed plugins and
    compare the result byte for byte (:func:`is_archived_result`)."""
    from bureaukit.archive.diff import diff_result

    run = archive.run(bureau_id, number)
    _, result = rescore(archive, run, plugins=plugins)
    text = result.to_json()
    if is_archived_result(archive, run, text):
        return Verified(run, True, None)
    import json

    versions = {"bureaukit": result.version, **{c.distribution: c.version for c in result.campaigns}}
    return Verified(run, False, diff_result(archive, run, json.loads(text), versions))


def archived_report(archive: Archive, run: RunInfo, *, plugins: Iterable[Any] = ()) -> tuple[Bureau, Result]:
    """Run *run*'s result to report, whatever the files on disk say now: scored again
    from its archived inputs and found equal to the archived result (else an
    :class:`ArchiveError` pointing at ``verify``)."""
    bureau, result = rescore(archive, run, plugins=plugins)
    if not is_archived_result(archive, run, result.to_json()):
        raise ArchiveError(t("run_not_rebuilt", number=run.number))
    return bureau, result
