"""bureaukit campaign plugin: wubi ("五比五争"主题实践活动, seed 003)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import bureaukit.plugin as bk

if TYPE_CHECKING:
    from bureaukit.plugin import Campaign


@bk.hookimpl
def bureaukit_campaigns() -> list[Campaign]:
    from bureaukit_wubi.campaign import CAMPAIGN

    return [CAMPAIGN]
