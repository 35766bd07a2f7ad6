"""``python -m bureaukit``: the ``bureaukit`` command."""

from bureaukit.cli import run

if __name__ == "__main__":  # pragma: no cover
    run()
