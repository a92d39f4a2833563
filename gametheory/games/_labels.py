"""Label checks shared by the game classes and the Gambit readers (private)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import InvalidGameError

__all__ = ["check_labels", "dedupe_labels"]


def check_labels(labels: Sequence[Any], noun: str = "labels", *, where: str = "") -> None:
    """Raise :class:`InvalidGameError` unless *labels* are distinct non-empty strings.

    The messages read ``"{where}: {noun} must be non-empty strings, got ..."`` and
    ``"{where}: duplicate {noun} [...]"`` (without the ``"{where}: "`` prefix when
    *where* is empty).
    """
    prefix = f"{where}: " if where else ""
    for lab in labels:
        if not isinstance(lab, str) or not lab.strip():
            raise InvalidGameError(f"{prefix}{noun} must be non-empty strings, got {lab!r}")
    dupes = sorted({lab for lab in labels if labels.count(lab) > 1})
    if dupes:
        raise InvalidGameError(f"{prefix}duplicate {noun} {dupes}")


def dedupe_labels(labels: Sequence[str]) -> list[str]:
    """Make labels unique and non-blank the way Gambit does ("a", "a" -> "a_1", "a_2")."""
    counts: dict[str, int] = {}
    for lab in labels:
        counts[lab] = counts.get(lab, 0) + 1
    used = set(labels)
    visited: dict[str, int] = {}
    out = []
    for lab in labels:
        if counts[lab] == 1 and lab.strip():
            out.append(lab)
            continue
        while True:
            visited[lab] = visited.get(lab, 0) + 1
            candidate = f"{lab}_{visited[lab]}"
            if candidate not in used:
                break
        used.add(candidate)
        out.append(candidate)
    return out
