"""bureaukit campaign plugin: publicity (宣传信息工作)."""
