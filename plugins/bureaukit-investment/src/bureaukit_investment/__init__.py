"""bureaukit campaign plugin: investment (招商引资)."""
