"""bureaukit campaign plugin: conduct (政风行风评议 / 履职尽责)."""
