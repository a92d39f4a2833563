"""Reading UTF-8 text from files, bytes and streams (private).

Shared by :func:`gametheory.io.read_game` and the format readers so that all
of them accept a leading byte-order mark and report undecodable bytes with
line and column.
"""

from __future__ import annotations

import os
from typing import Any

from ..errors import GameFormatError

__all__ = ["decode_text", "read_stream", "read_text"]


def decode_text(data: bytes, path: str | None) -> str:
    """UTF-8 text (a leading BOM is dropped); bad bytes give line and column."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        prefix = data[: exc.start]
        line = prefix.count(b"\n") + 1
        column = len(prefix[prefix.rfind(b"\n") + 1 :].decode("utf-8-sig", "replace")) + 1
        raise GameFormatError(
            f"not UTF-8 text: byte 0x{data[exc.start]:02x} cannot be decoded",
            path=path, line=line, column=column,
        ) from None


def read_text(path: str | os.PathLike[str], shown: str | None = None) -> str:
    """The decoded content of a file; errors name ``shown`` (default: the path)."""
    with open(path, "rb") as f:
        data = f.read()
    return decode_text(data, shown if shown is not None else os.fspath(path))


def read_stream(stream: Any, path: str | None) -> tuple[str, str | None]:
    """Read a text or binary stream to the end: ``(text, path)``.

    ``path`` defaults to the stream's ``name`` when that is a string.
    """
    data = stream.read()
    if path is None:
        name = getattr(stream, "name", None)
        path = name if isinstance(name, str) else None
    if isinstance(data, bytes | bytearray):
        data = decode_text(bytes(data), path)
    return data, path
