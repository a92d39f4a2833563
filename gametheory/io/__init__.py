"""Reading and writing games in files.

:func:`read_game` and :func:`write_game` choose the format from the file's
suffix through a small registry, :data:`FORMATS`:

=========  ==========  ==========================================  =====  =====
name       suffixes    format                                      read   write
=========  ==========  ==========================================  =====  =====
``nfg``    ``.nfg``    Gambit strategic game (:mod:`.nfg`)         yes    yes
=========  ==========  ==========================================  =====  =====

Other modules add formats with :func:`register_format` (or a line in
:data:`FORMATS`): a :class:`GameFormat` names the module and the functions
``reader(text, *, path, **options) -> game`` and ``writer(game, stream)``, and
is imported only when used. Files are UTF-8 text; writes are atomic (a
temporary file in the same directory, then a rename), so a failed write
leaves the old file intact.

The games bundled with the package (``gametheory/data``) are listed by
:func:`list_examples` and read by :func:`read_example`.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import GameFormatError
from ._atomic import atomic_write
from ._text import decode_text, read_text
from .nfg import dump_nfg, nfg_text, parse_nfg, read_nfg

__all__ = [
    "FORMATS",
    "GameFormat",
    "dump_nfg",
    "format_for",
    "list_examples",
    "nfg_text",
    "parse_nfg",
    "read_example",
    "read_game",
    "read_nfg",
    "register_format",
    "write_game",
]


@dataclass(frozen=True)
class GameFormat:
    """A file format known to :func:`read_game` and :func:`write_game`.

    Parameters
    ----------
    name : str
        Short name, also accepted as ``format=`` (``"nfg"``).
    suffixes : tuple of str
        Lower-case file suffixes with the dot (``(".nfg",)``); the longest
        match wins, so ``".scenario.toml"`` can coexist with ``".toml"``.
    description : str
        Shown in error messages and ``gametheory methods``.
    module : str
        Module implementing the format, imported on first use.
    reader, writer : str or None
        Function names in ``module``: ``reader(text, *, path, **options)``
        returns a game; ``writer(game, stream)`` writes to a text stream and
        raises (before writing) for games it cannot represent. ``None`` if
        the format cannot be read or written.
    """

    name: str
    suffixes: tuple[str, ...]
    description: str
    module: str
    reader: str | None = None
    writer: str | None = None

    def load_reader(self) -> Callable[..., Any]:
        """The reader function (imports its module)."""
        if self.reader is None:
            raise GameFormatError(f"{self.description} files ({self.name}) cannot be read")
        return getattr(importlib.import_module(self.module), self.reader)

    def load_writer(self) -> Callable[..., Any]:
        """The writer function (imports its module)."""
        if self.writer is None:
            raise GameFormatError(f"{self.description} files ({self.name}) cannot be written")
        return getattr(importlib.import_module(self.module), self.writer)


#: Registered formats by name.
FORMATS: dict[str, GameFormat] = {}


def register_format(fmt: GameFormat, *, replace: bool = False) -> None:
    """Add a format to :data:`FORMATS`.

    Parameters
    ----------
    fmt : GameFormat
    replace : bool, default False
        Allow replacing a format of the same name.

    Raises
    ------
    ValueError
        The name is taken (and ``replace`` is false), or a suffix is already
        claimed by another format, or a suffix does not start with a dot.
    """
    if fmt.name in FORMATS and not replace:
        raise ValueError(f"format {fmt.name!r} is already registered")
    for suffix in fmt.suffixes:
        if not suffix.startswith(".") or suffix != suffix.lower():
            raise ValueError(f"suffix {suffix!r} must be lower case and start with '.'")
        for other in FORMATS.values():
            if other.name != fmt.name and suffix in other.suffixes:
                raise ValueError(f"suffix {suffix!r} already belongs to format {other.name!r}")
    FORMATS[fmt.name] = fmt


register_format(
    GameFormat(
        name="nfg",
        suffixes=(".nfg",),
        description="Gambit strategic game",
        module="gametheory.io.nfg",
        reader="parse_nfg",
        writer="dump_nfg",
    )
)
register_format(
    GameFormat(
        name="efg",
        suffixes=(".efg",),
        description="Gambit extensive game",
        module="gametheory.io.efg",
        reader="parse_efg",
        writer="dump_efg",
    )
)
register_format(
    GameFormat(
        name="scenario",
        suffixes=(".toml",),
        description="scenario file (TOML)",
        module="gametheory.io.scenario",
        reader="parse_scenario_game",
    )
)


def _supported() -> str:
    return ", ".join(
        f"{'/'.join(f.suffixes)} ({f.description})" for f in sorted(FORMATS.values(),
                                                                      key=lambda f: f.name)
    )


def format_for(path: str | os.PathLike[str], format: str | None = None) -> GameFormat:
    """The :class:`GameFormat` for a path, from ``format`` or the file's suffix.

    Parameters
    ----------
    path : str or os.PathLike
    format : str, optional
        A format name (``"nfg"``) or suffix (``".nfg"``) that overrides the suffix.

    Raises
    ------
    GameFormatError
        Unknown format or suffix; the message lists the supported ones.

    Examples
    --------
    >>> format_for("games/pd.NFG").name
    'nfg'
    >>> format_for("notes.txt")
    Traceback (most recent call last):
    ...
    gametheory.errors.GameFormatError: notes.txt: cannot tell the game format from the suffix '.txt'; supported: .efg (Gambit extensive game), .nfg (Gambit strategic game), .toml (scenario file (TOML)); or pass format=...
    """  # noqa: E501
    name = os.fspath(path)
    if format is not None:
        key = format.lower()
        for fmt in FORMATS.values():
            if key == fmt.name or key in fmt.suffixes or "." + key in fmt.suffixes:
                return fmt
        raise GameFormatError(f"unknown format {format!r}; supported: {_supported()}")
    lower = Path(name).name.lower()
    matches = [(len(s), f) for f in FORMATS.values() for s in f.suffixes if lower.endswith(s)]
    if matches:
        return max(matches, key=lambda m: m[0])[1]
    suffix = Path(name).suffix or "(none)"
    raise GameFormatError(
        f"cannot tell the game format from the suffix {suffix!r}; "
        f"supported: {_supported()}; or pass format=...",
        path=name,
    )


def read_game(path: str | os.PathLike[str], *, format: str | None = None, **options: Any) -> Any:
    """Read a game from a file, in the format given by its suffix.

    Parameters
    ----------
    path : str or os.PathLike
    format : str, optional
        Format name or suffix, overriding the file's suffix.
    **options
        Passed to the format's reader, e.g. ``exact=False`` for ``.nfg``
        (see :func:`gametheory.io.nfg.parse_nfg`).

    Returns
    -------
    NormalFormGame
        (Other formats may return other game types.)

    Raises
    ------
    GameFormatError
        Unsupported suffix, or malformed content (with ``path:line:column``).
    OSError
        The file cannot be read (missing, a directory, no permission).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "pennies.nfg"
    >>> _ = p.write_text('NFG 1 R "Pennies" { "1" "2" } { 2 2 } 1 -1 -1 1 -1 1 1 -1')
    >>> read_game(p)
    <NormalFormGame 'Pennies': 2 players, 2x2, integer>
    """
    fmt = format_for(path, format)
    reader = fmt.load_reader()
    shown = os.fspath(path)
    return reader(read_text(path, shown), path=shown, **options)


def write_game(game: Any, path: str | os.PathLike[str], *, format: str | None = None) -> Path:
    """Write a game to a file atomically, in the format given by its suffix.

    The content goes to a temporary file in the same directory, which then
    replaces ``path`` in one step: on any error ``path`` is left as it was.

    Parameters
    ----------
    game : NormalFormGame
        A numeric game (``.nfg`` cannot hold parameters).
    path : str or os.PathLike
    format : str, optional
        Format name or suffix, overriding the file's suffix.

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    GameFormatError
        Unsupported suffix.
    SymbolicGameError
        The game has free parameters: substitute values with ``game.at(...)``.
    OSError
        The directory does not exist or is not writable.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from gametheory import NormalFormGame
    >>> g = NormalFormGame.from_arrays([[3, 0], [5, 1]], [[3, 5], [0, 1]], title="PD")
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "pd.nfg"
    >>> _ = write_game(g, p)
    >>> read_game(p) == g
    True
    """
    fmt = format_for(path, format)
    writer = fmt.load_writer()
    return atomic_write(path, lambda stream: writer(game, stream))


# ----------------------------------------------------------------------------- bundled games


def _data_dir() -> Any:
    return resources.files("gametheory") / "data"


def list_examples() -> tuple[str, ...]:
    """File names of the games bundled with the package, sorted.

    Examples
    --------
    >>> "prisoners_dilemma.nfg" in list_examples()
    True
    """
    known = [s for f in FORMATS.values() if f.reader for s in f.suffixes]
    data = _data_dir()
    if not data.is_dir():
        return ()
    return tuple(sorted(
        p.name for p in data.iterdir()
        if p.is_file() and any(p.name.lower().endswith(s) for s in known)
    ))


def read_example(name: str, **options: Any) -> Any:
    """Read a bundled game by file name (see :func:`list_examples`).

    Parameters
    ----------
    name : str
        E.g. ``"battle_of_sexes.nfg"``; the suffix may be left out.
    **options
        Passed to the format's reader.

    Raises
    ------
    GameFormatError
        No bundled game of that name.

    Examples
    --------
    >>> read_example("prisoners_dilemma")["D", "D"]
    (1, 1)
    """
    names = list_examples()
    matches = [n for n in names if n == name or n.rsplit(".", 1)[0] == name]
    if not matches:
        raise GameFormatError(f"no bundled game {name!r}; bundled: {list(names)}")
    found = matches[0]
    data = (_data_dir() / found).read_bytes()
    shown = f"gametheory/data/{found}"
    return format_for(found).load_reader()(decode_text(data, shown), path=shown, **options)
