"""Atomic file writes (private).

:func:`atomic_write` writes to a temporary file in the destination's
directory, flushes and ``fsync``\\ s it, then moves it over the destination
with :func:`os.replace`, which is atomic on POSIX and Windows when both paths
are on the same file system. Readers therefore see either the old file or the
complete new one, never a partial write. On any exception (including
:class:`KeyboardInterrupt`) the temporary file is removed and the destination
is left untouched.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

__all__ = ["atomic_write", "atomic_write_text"]


def atomic_write(
    path: str | os.PathLike[str],
    write: Callable[[TextIO], object],
    *,
    encoding: str = "utf-8",
) -> Path:
    """Call ``write(stream)`` on a temporary text file, then move it to ``path``.

    Parameters
    ----------
    path : str or os.PathLike
        Destination. A symbolic link is followed, so its target is replaced.
    write : callable
        Receives an open text stream (``newline="\\n"``) and writes the content.
    encoding : str, default ``"utf-8"``

    Returns
    -------
    pathlib.Path
        The path written (symbolic links resolved).

    Raises
    ------
    OSError
        The directory is missing or not writable, and so on; the destination
        is unchanged.

    Notes
    -----
    A new file gets the usual permissions (``0o666`` minus the umask); an
    existing file keeps its permission bits.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = atomic_write(d / "a.txt", lambda f: f.write("hello\\n"))
    >>> (d / "a.txt").read_text()
    'hello\\n'
    """
    dest = Path(os.path.realpath(os.fspath(path)))
    tmp = dest.with_name(f".{dest.name}.{secrets.token_hex(6)}.tmp")
    # os.open applies the umask to 0o666, unlike tempfile (always 0o600)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:  # name the destination, not the temporary file
        raise type(exc)(exc.errno, exc.strerror, os.fspath(path)) from None
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="\n") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(tmp, os.stat(dest).st_mode & 0o7777)
        os.replace(tmp, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_directory(dest.parent)
    return dest


def atomic_write_text(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` atomically (see :func:`atomic_write`).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "b.txt"
    >>> _ = atomic_write_text(p, "x")
    >>> p.read_text()
    'x'
    """
    return atomic_write(path, lambda stream: stream.write(text), encoding=encoding)


def _fsync_directory(directory: Path) -> None:
    """Make the rename durable (POSIX); best effort, silently skipped elsewhere."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
