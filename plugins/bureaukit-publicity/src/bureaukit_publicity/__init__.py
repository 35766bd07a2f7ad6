"""bureaukit campaign plugin: publicity (宣传信息工作, seed 000 第三篇)."""

from __future__ import annotations

import bureaukit.plugin as bk


@bk.hookimpl
def bureaukit_campaigns() -> list[bk.Campaign]:
    from bureaukit_publicity.campaign import CAMPAIGN

    return [CAMPAIGN]
