"""Finding and loading plugins (CORE §7): only the enabled entry points are imported."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import attrs
import pluggy

from bureaukit._repr import FieldMethods
from bureaukit.campaigns import Campaign, validate_campaign
from bureaukit.errors import InputError, PluginFailure, format_exc, one_line

GROUP = "bureaukit"


@attrs.frozen(repr=False, eq=False)
class Installed(FieldMethods):
    """An installed campaign entry point."""

    name: str
    distribution: str
    version: str
    entry_point: Any = attrs.field(eq=False, repr=False)


@attrs.frozen(repr=False, eq=False)
class LoadedCampaign(FieldMethods):
    campaign: Campaign
    distribution: str
    version: str


class _EntryPoint:
    """``module`` or ``module:attr``, loaded like importlib.metadata.EntryPoint.load."""

    def __init__(self, name: str, value: str) -> None:
        self.name = name
        self.value = value

    def load(self) -> Any:
        import importlib

        module, _, attr = self.value.partition(":")
        obj: Any = importlib.import_module(module.strip())
        for part in filter(None, attr.strip().split(".")):
            obj = getattr(obj, part)
        return obj


def _header(meta: Path, names: tuple[str, ...]) -> dict[str, str]:
    """The first *names* headers of a METADATA/PKG-INFO file, read up to its first blank line."""
    got: dict[str, str] = {}
    with meta.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                break
            key, sep, value = line.partition(":")
            if sep and key in names and key not in got:
                got[key] = value.strip()
    return got


def _scan_dist_info() -> dict[str, Installed] | None:
    """:func:`installed` without importlib.metadata, or None when in doubt.

    importlib.metadata (and the ``email`` package it parses METADATA with) was ~18 ms of a
    ~200 ms ``bureaukit score`` start, more than the rest of plugin discovery. The fast
    path reads ``*.dist-info/entry_points.txt`` on sys.path the way importlib.metadata
    does (first distribution of a name on the path wins) and takes Name and Version from
    METADATA's header lines; anything unusual (an .egg-info, a file it cannot read)
    returns None and the caller falls back to importlib.metadata.
    """
    import os
    import sys

    out: dict[str, Installed] = {}
    seen: set[str] = set()
    try:
        for entry in sys.path:
            d = Path(entry or ".")
            try:
                # names, not Path objects: the stdlib folder alone holds hundreds of entries
                names = sorted(n for n in os.listdir(d) if n.endswith((".dist-info", ".egg-info")))
            except (FileNotFoundError, NotADirectoryError):
                continue
            for name in names:
                info = d / name
                if not info.is_dir():
                    continue
                suffix = info.suffix
                norm = name[: -len(suffix)].partition("-")[0].lower().replace("-", "_").replace(".", "_")
                if norm in seen:
                    continue  # shadowed, as importlib.metadata shadows it (editable installs)
                if suffix == ".egg-info":
                    return None
                seen.add(norm)
                eps = info / "entry_points.txt"
                if not eps.is_file():
                    continue
                section = None
                found: list[tuple[str, str]] = []
                for line in eps.read_text(encoding="utf-8").splitlines():
                    line = line.strip()
                    if not line or line.startswith(("#", ";")):
                        continue
                    if line.startswith("["):
                        section = line.strip("[]").strip()
                    elif section == GROUP:
                        name, sep, value = line.partition("=")
                        if not sep:
                            return None
                        found.append((name.strip(), value.strip()))
                if not found:
                    continue
                head = _header(info / "METADATA", ("Name", "Version"))
                dist, version = head.get("Name", "?"), head.get("Version", "?")
                for name, value in found:
                    out[name] = Installed(name, dist, version, _EntryPoint(name, value))
    except (OSError, UnicodeDecodeError):
        return None
    return out


def installed() -> dict[str, Installed]:
    """Every campaign entry point installed, by name (nothing is imported)."""
    fast = _scan_dist_info()
    if fast is not None:
        return fast
    from importlib import metadata

    out: dict[str, Installed] = {}
    for ep in metadata.entry_points(group=GROUP):
        dist = ep.dist
        out[ep.name] = Installed(
            ep.name,
            dist.metadata["Name"] if dist is not None else "?",
            dist.version if dist is not None else "?",
            ep,
        )
    return out


def new_manager() -> pluggy.PluginManager:
    from bureaukit import builtin, hookspecs

    pm = pluggy.PluginManager("bureaukit")
    pm.add_hookspecs(hookspecs)
    pm.register(builtin, name="bureaukit.builtin")
    return pm


def load_campaigns(
    pm: pluggy.PluginManager,
    enabled: Sequence[str],
    extra: Iterable[Any] = (),
) -> dict[str, LoadedCampaign]:
    """Import the enabled campaigns' plugins (and register *extra* plugin objects),
    then collect and validate their registrations."""
    loaded: dict[str, LoadedCampaign] = {}
    origin: dict[str, tuple[str, str]] = {}  # plugin name → (distribution, version)
    for i, obj in enumerate(extra):
        name = f"bureaukit.extra.{i}"
        pm.register(obj, name=name)
        origin[name] = (getattr(obj, "__name__", type(obj).__name__), "local")
    registered_from_extra = _collect(pm, origin, only=set(origin))
    loaded.update(registered_from_extra)
    missing = [n for n in enabled if n not in loaded]
    if missing:
        found = installed()
        absent = [n for n in missing if n not in found]
        if absent:
            have = ", ".join(sorted(found)) or "none"
            raise InputError(
                [
                    f'campaigns.enabled: campaign "{n}" is not installed: pip install bureaukit-{n} '
                    f"(installed campaigns: {have})"
                    for n in absent
                ]
            )
        for n in missing:
            ep = found[n]
            try:
                module = ep.entry_point.load()
            except (Exception, SystemExit) as exc:  # sys.exit() at import is a failure too
                raise PluginFailure(
                    n, f"cannot import: {one_line(exc)}", ep.distribution, ep.version, format_exc()
                ) from exc
            pname = f"bureaukit.{n}"
            if pm.get_plugin(pname) is None:
                try:
                    pm.register(_hooks_of(module), name=pname)
                except pluggy.PluginValidationError as exc:
                    detail = "; ".join(line.strip() for line in str(exc).splitlines() if line.strip())
                    raise PluginFailure(n, f"bad hook: {detail}", ep.distribution, ep.version) from exc
            origin[pname] = (ep.distribution, ep.version)
            got = _collect(pm, origin, only={pname})
            if n not in got:
                raise PluginFailure(
                    n, f"its plugin registers no campaign named {n!r} (it registers: {', '.join(sorted(got)) or 'none'})",
                    ep.distribution, ep.version,
                )
            for name, lc in got.items():
                if name in loaded:
                    raise PluginFailure(name, f"campaign {name!r} is registered twice", lc.distribution, lc.version)
                loaded[name] = lc
    return loaded


class _Hooks:
    """The hook functions of a plugin module, registered in its place.

    pluggy looks up every name in a registered object with ``inspect.getattr_static``,
    and a campaign module holds dozens of names (its imports, classes, constants): ~10 ms
    of a demo run's start for five plugins. Only functions marked ``@hookimpl`` matter.
    """

    def __init__(self, module: Any) -> None:
        self._module_name = getattr(module, "__name__", repr(module))
        for name, value in vars(module).items():
            try:
                marked = getattr(value, f"{GROUP}_impl", None) is not None
            except Exception:  # an odd object's __getattr__: not a hook
                marked = False
            if marked:
                setattr(self, name, value)

    def __repr__(self) -> str:
        return f"<hooks of {self._module_name}>"


def _hooks_of(module: Any) -> Any:
    """*module* itself unless it is a module (classes and instances are small already)."""
    import types

    return _Hooks(module) if isinstance(module, types.ModuleType) else module


def _collect(pm: pluggy.PluginManager, origin: dict[str, tuple[str, str]], only: set[str]) -> dict[str, LoadedCampaign]:
    out: dict[str, LoadedCampaign] = {}
    for impl in pm.hook.bureaukit_campaigns.get_hookimpls():
        if impl.plugin_name not in only:
            continue
        dist, version = origin.get(impl.plugin_name, (impl.plugin_name, "?"))
        label = impl.plugin_name.removeprefix("bureaukit.")
        try:
            regs = impl.function()
        except (Exception, SystemExit) as exc:
            raise PluginFailure(label, f"bureaukit_campaigns raised {one_line(exc)}", dist, version, format_exc()) from exc
        if not isinstance(regs, (list, tuple)):
            raise PluginFailure(label, f"bureaukit_campaigns returned {type(regs).__name__}, not a list of Campaign", dist, version)
        for reg in regs:
            errors = validate_campaign(reg)
            name = getattr(reg, "name", label)
            if errors:
                raise PluginFailure(str(name), "malformed registration: " + "; ".join(errors), dist, version)
            if reg.name in out:
                raise PluginFailure(reg.name, f"campaign {reg.name!r} is registered twice", dist, version)
            out[reg.name] = LoadedCampaign(reg, dist, version)
    return out


@attrs.frozen(repr=False, eq=False)
class Owner(FieldMethods):
    """Who registered a hook's object: its plugin and distribution (None: the core)."""

    plugin: str
    distribution: str | None = None
    version: str | None = None

    def failure(self, summary: str, traceback: str | None = None) -> PluginFailure:
        return PluginFailure(self.plugin, summary, self.distribution, self.version, traceback)


def owners_of(loaded: Mapping[str, LoadedCampaign]) -> dict[str, Owner]:
    """Plugin name (as pluggy knows it) → its owner, for the campaigns loaded."""
    return {f"bureaukit.{n}": Owner(n, lc.distribution, lc.version) for n, lc in loaded.items()}


def collect_owned(
    pm: pluggy.PluginManager, hook: str, cls: type, owners: Mapping[str, Owner] | None = None
) -> list[tuple[Any, Owner | None]]:
    """Every object of *cls* the plugins return from *hook* (core's first, plugins after),
    each with its :class:`Owner` (None for the core's own). A hook that raises or
    returns garbage is its plugin's failure, naming the distribution when known."""
    out: list[tuple[Any, Owner | None]] = []
    caller = getattr(pm.hook, hook)
    for impl in caller.get_hookimpls():
        label = impl.plugin_name.removeprefix("bureaukit.")
        core = impl.plugin_name == "bureaukit.builtin"
        owner = None if core else (owners or {}).get(impl.plugin_name, Owner(label))
        blame = owner or Owner(label)
        try:
            items = impl.function()
        except (Exception, SystemExit) as exc:
            raise blame.failure(f"{hook} raised {one_line(exc)}", format_exc()) from exc
        if not isinstance(items, (list, tuple)) or not all(isinstance(x, cls) for x in items):
            raise blame.failure(f"{hook} must return a list of {cls.__name__}")
        out.extend((item, owner) for item in items)
    return out


def collect_list(pm: pluggy.PluginManager, hook: str, cls: type, owners: Mapping[str, Owner] | None = None) -> list[Any]:
    """Every object of *cls* the plugins return from *hook* (core's first, plugins after)."""
    return [item for item, _ in collect_owned(pm, hook, cls, owners)]


T = TypeVar("T")


def bounded(
    fn: Callable[[], T], timeout: float | None, owner: Owner, what: str, passthrough: tuple[type[BaseException], ...] = ()
) -> T:
    """``fn()``, plugin code, as its owner's responsibility: any exception (even
    ``SystemExit``) but those in *passthrough* is the owner's :class:`PluginFailure`,
    and with *timeout* the call runs in a daemon thread and fails when still running
    after *timeout* seconds ("*what* still running after --timeout N s"). Python cannot stop
    the thread: the CLI exits at once, a library caller's thread runs on."""
    if timeout is None:
        try:
            return fn()
        except passthrough:
            raise
        except (Exception, SystemExit) as exc:
            raise owner.failure(f"{what} raised {one_line(exc)}", format_exc()) from exc
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["out"] = fn()
        except BaseException as exc:
            box["exc"] = exc
            box["tb"] = format_exc()

    t = threading.Thread(target=target, name=f"bureaukit-{owner.plugin}", daemon=True)
    t.start()
    t.join(timeout)
    if t.is_alive():
        raise owner.failure(f"{what} still running after --timeout {timeout:g} s")
    if "exc" in box:
        failed: BaseException = box["exc"]
        if isinstance(failed, passthrough) or not isinstance(failed, (Exception, SystemExit)):
            raise failed
        raise owner.failure(f"{what} raised {one_line(failed)}", box["tb"]) from failed
    out: T = box["out"]
    return out
