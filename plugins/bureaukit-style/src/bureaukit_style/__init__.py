"""bureaukit campaign plugin: style (作风建设 / 机关效能提高年)."""
