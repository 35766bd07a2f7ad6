"""bureaukit campaign plugin: publicity (宣传信息工作, seed 000 第三篇)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import bureaukit.plugin as bk

if TYPE_CHECKING:
    from bureaukit.plugin import Campaign


@bk.hookimpl
def bureaukit_campaigns() -> list[Campaign]:
    from bureaukit_publicity.campaign import CAMPAIGN

    return [CAMPAIGN]
