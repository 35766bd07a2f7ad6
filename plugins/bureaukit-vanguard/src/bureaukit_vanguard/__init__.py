"""bureaukit campaign plugin: vanguard (保持共产党员先进性教育活动, seed 002 篇2).

Kept light: the campaign's modules load only when bureaukit asks for the campaigns.
"""

from __future__ import annotations

import bureaukit.plugin as bk


@bk.hookimpl
def bureaukit_campaigns() -> list[bk.Campaign]:
    from bureaukit_vanguard.campaign import CAMPAIGN

    return [CAMPAIGN]
