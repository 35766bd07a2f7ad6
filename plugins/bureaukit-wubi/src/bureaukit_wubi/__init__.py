"""bureaukit campaign plugin: wubi (五比五争)."""
