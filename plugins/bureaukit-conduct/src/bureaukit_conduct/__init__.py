"""bureaukit campaign plugin: conduct (政风行风评议 / 履职尽责督促检查).

Kept light: the campaign's modules load only when bureaukit asks for the campaigns.
"""

from __future__ import annotations

import bureaukit.plugin as bk


@bk.hookimpl
def bureaukit_campaigns() -> list[bk.Campaign]:
    from bureaukit_conduct.campaign import CAMPAIGN

    return [CAMPAIGN]
