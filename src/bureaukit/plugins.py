"""Finding and loading plugins (CORE §7): only the enabled entry points are imported."""

from __future__ import annotations

import traceback
from collections.abc import Iterable, Sequence
from importlib import metadata
from typing import Any

import attrs
import pluggy

from bureaukit.campaigns import Campaign, validate_campaign
from bureaukit.errors import InputError, PluginFailure, one_line

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


def installed() -> dict[str, Installed]:
    """Every campaign entry point installed, by name (nothing is imported)."""
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
            except Exception as exc:
                raise PluginFailure(
                    n, f"cannot import: {one_line(exc)}", ep.distribution, ep.version, traceback.format_exc()
                ) from exc
            pname = f"bureaukit.{n}"
            if pm.get_plugin(pname) is None:
                pm.register(module, name=pname)
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


def _collect(pm: pluggy.PluginManager, origin: dict[str, tuple[str, str]], only: set[str]) -> dict[str, LoadedCampaign]:
    out: dict[str, LoadedCampaign] = {}
    for impl in pm.hook.bureaukit_campaigns.get_hookimpls():
        if impl.plugin_name not in only:
            continue
        dist, version = origin.get(impl.plugin_name, (impl.plugin_name, "?"))
        label = impl.plugin_name.removeprefix("bureaukit.")
        try:
            regs = impl.function()
        except Exception as exc:
            raise PluginFailure(label, f"bureaukit_campaigns raised {one_line(exc)}", dist, version, traceback.format_exc()) from exc
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


def collect_list(pm: pluggy.PluginManager, hook: str, cls: type) -> list[Any]:
    """Every object of *cls* the plugins return from *hook* (core's first, plugins after)."""
    out: list[Any] = []
    caller = getattr(pm.hook, hook)
    for impl in caller.get_hookimpls():
        label = impl.plugin_name.removeprefix("bureaukit.")
        try:
            items = impl.function()
        except Exception as exc:
            raise PluginFailure(label, f"{hook} raised {one_line(exc)}", traceback=traceback.format_exc()) from exc
        if not isinstance(items, (list, tuple)) or not all(isinstance(x, cls) for x in items):
            raise PluginFailure(label, f"{hook} must return a list of {cls.__name__}")
        out.extend(items)
    return out
