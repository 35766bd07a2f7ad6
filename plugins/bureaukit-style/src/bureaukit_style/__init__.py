"""bureaukit campaign plugin: style (作风建设 / 机关效能"提高年").

Kept light: the campaign's modules load only when bureaukit asks for the campaigns.
"""

from __future__ import annotations

import bureaukit.plugin as bk


@bk.hookimpl
def bureaukit_campaigns() -> list[bk.Campaign]:
    from bureaukit_style.campaign import CAMPAIGN

    return [CAMPAIGN]
