"""Finding and loading plugins (CORE §7): only the enabled entry points are imported."""

from __future__ import annotations

import contextlib
import contextvars
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

import attrs
import pluggy

from bureaukit.campaigns import Campaign, validate_campaign
from bureaukit.errors import InputError, PluginFailure, format_exc, one_line
from bureaukit.problems import config_problem

GROUP = "bureaukit"


@attrs.frozen
class Installed:
    """An installed campaign entry point."""

    name: str
    distribution: str
    version: str
    entry_point: Any = attrs.field(eq=False, repr=False)


@attrs.frozen
class LoadedCampaign:
    campaign: Campaign
    distribution: str
    version: str


_pinned: dict[str, Installed] | None = None


@contextlib.contextmanager
def installed_pinned() -> Iterator[None]:
    """Within the block :func:`installed` scans the entry points once: a federation scores
    hundreds of bureaus in one process (and in workers forked from it), and each bureau's
    load would scan them again (~7 % of a small bureau's run) though nothing is installed
    meanwhile."""
    global _pinned
    outer = _pinned
    _pinned = installed()
    try:
        yield
    finally:
        _pinned = outer


def installed() -> dict[str, Installed]:
    """Every campaign entry point installed, by name (nothing is imported)."""
    if _pinned is not None:
        return dict(_pinned)
    from importlib import metadata

    out: dict[str, Installed] = {}
    for ep in metadata.entry_points(group=GROUP):
        meta = ep.dist.metadata if ep.dist is not None else None  # parsed once: name and version
        out[ep.name] = Installed(ep.name, meta["Name"] if meta else "?", meta["Version"] if meta else "?", ep)
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
            from bureaukit.messages import t

            have = ", ".join(sorted(found)) or t("none")
            raise InputError([config_problem("campaigns.enabled", t("not_installed_campaign", name=n, have=have))
                              for n in absent])
        for n in missing:
            for name, lc in _load_installed(pm, n, found[n], origin).items():
                if name in loaded:
                    raise PluginFailure(name, f"campaign {name!r} is registered twice", lc.distribution, lc.version)
                loaded[name] = lc
    return loaded


def _load_installed(pm: pluggy.PluginManager, n: str, ep: Installed, origin: dict[str, tuple[str, str]]) -> dict[str, LoadedCampaign]:
    """Import campaign *n*'s entry point, register its plugin and collect what it
    registers, which must include *n*: any failure is that plugin's (exit 3)."""
    try:
        module = ep.entry_point.load()
    except (Exception, SystemExit) as exc:  # sys.exit() at import is a failure too
        raise PluginFailure(n, f"cannot import: {one_line(exc)}", ep.distribution, ep.version, format_exc()) from exc
    pname = f"bureaukit.{n}"
    if pm.get_plugin(pname) is None:
        try:
            pm.register(module, name=pname)
        except pluggy.PluginValidationError as exc:
            detail = "; ".join(line.strip() for line in str(exc).splitlines() if line.strip())
            raise PluginFailure(n, f"bad hook: {detail}", ep.distribution, ep.version) from exc
    origin[pname] = (ep.distribution, ep.version)
    got = _collect(pm, origin, only={pname})
    if n not in got:
        raise PluginFailure(
            n, f"its plugin registers no campaign named {n!r} (it registers: {', '.join(sorted(got)) or 'none'})"
            + _no_campaign_hint(module),
            ep.distribution, ep.version,
        )
    return got


def unmarked_hooks(plugin: Any) -> list[str]:
    """The names in *plugin* that look like bureaukit hooks but lack ``@hookimpl``:
    pluggy ignores such a function silently, so the author gets this as a hint."""
    from bureaukit import hookspecs

    out = []
    for name in dir(plugin):
        if not name.startswith(f"{GROUP}_") or not hasattr(hookspecs, name):
            continue
        value = getattr(plugin, name, None)
        if callable(value) and getattr(value, f"{GROUP}_impl", None) is None:
            out.append(name)
    return out


def _no_campaign_hint(module: Any) -> str:
    forgot = unmarked_hooks(module)
    if not forgot:
        return ""
    return f"; {', '.join(forgot)} lacks the @hookimpl mark (from bureaukit.plugin import hookimpl)"


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


@attrs.frozen
class Owner:
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


class StillRunning(TimeoutError):
    """:func:`in_thread`'s call had not finished when its time was up."""


def in_thread(fn: Callable[[], T], timeout: float, name: str) -> T:
    """``fn()`` in a daemon thread named *name*, waited for at most *timeout* seconds: its
    value, or its exception raised again here with the thread's traceback text as
    ``__bureaukit_tb__``; :class:`StillRunning` when it is still running. Python cannot stop
    the thread: the CLI exits at once, a library caller's thread runs on."""
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["out"] = fn()
        except BaseException as exc:
            exc.__bureaukit_tb__ = format_exc()  # type: ignore[attr-defined]
            box["exc"] = exc

    # the caller's context goes with the call: the run's language (bureaukit.messages) above all
    t = threading.Thread(target=contextvars.copy_context().run, args=(target,), name=name, daemon=True)
    t.start()
    t.join(timeout)
    if t.is_alive():
        raise StillRunning(f"still running after --timeout {timeout:g} s")
    if "exc" in box:
        raise box["exc"]
    out: T = box["out"]
    return out


def bounded(
    fn: Callable[[], T], timeout: float | None, owner: Owner, what: str, passthrough: tuple[type[BaseException], ...] = ()
) -> T:
    """``fn()``, plugin code, as its owner's responsibility: any exception (even
    ``SystemExit``) but those in *passthrough* is the owner's :class:`PluginFailure`,
    and with *timeout* the call runs in a daemon thread (:func:`in_thread`) and fails when
    still running after *timeout* seconds ("*what* still running after --timeout N s")."""
    try:
        return fn() if timeout is None else in_thread(fn, timeout, f"bureaukit-{owner.plugin}")
    except StillRunning:
        raise owner.failure(f"{what} still running after --timeout {timeout:g} s") from None
    except passthrough:
        raise
    except (Exception, SystemExit) as exc:
        tb = getattr(exc, "__bureaukit_tb__", None) or format_exc()
        raise owner.failure(f"{what} raised {one_line(exc)}", tb) from exc
