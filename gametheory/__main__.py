"""``python -m gametheory``: the command-line tool (see :mod:`gametheory.cli`)."""

from __future__ import annotations

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
