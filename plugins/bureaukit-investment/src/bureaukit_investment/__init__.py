"""bureaukit campaign plugin: investment (招商引资).

Kept light: the campaign's modules load only when bureaukit asks for the campaigns.
"""

from __future__ import annotations

import bureaukit.plugin as bk


@bk.hookimpl
def bureaukit_campaigns() -> list[bk.Campaign]:
    from bureaukit_investment.campaign import CAMPAIGN

    return [CAMPAIGN]
