"""bureaukit campaign plugin: wubi ("五比五争"主题实践活动, seed 003)."""

from __future__ import annotations

import bureaukit.plugin as bk


@bk.hookimpl
def bureaukit_campaigns() -> list[bk.Campaign]:
    from bureaukit_wubi.campaign import CAMPAIGN

    return [CAMPAIGN]
