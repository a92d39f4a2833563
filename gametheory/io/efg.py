"""Gambit's extensive-game file format (``.efg``), version 2.

A ``.efg`` file [1]_ holds a game tree. It starts with a prologue::

    EFG 2 R "title" { "Player 1" "Player 2" }
    "an optional comment"

followed by the nodes in prefix order (a node, then the subtrees of its
children in action order), one entry per node:

``c "name" k "infoset name" { "a" 1/2 "b" 1/2 } m "outcome" { u1, u2 }``
    a chance node in chance information set ``k``, with action labels and
    probabilities;
``p "name" i k "infoset name" { "a" "b" } m "outcome" { u1, u2 }``
    a decision node of player ``i`` (1-based) in the player's information
    set ``k``, with action labels;
``t "name" m "outcome" { u1, u2 }``
    a terminal node.

The information-set description (name and actions) and the outcome
description (name and payoffs) may be left out after their first appearance
(and must match it when repeated); outcome ``0`` is the null outcome (no
payoffs). Outcomes may sit at non-terminal nodes: a terminal node's payoff is
the sum of the outcomes on its path, which is how this reader stores it.

Conventions (Gambit's ``doc/formats.rst``): whitespace is not significant
except inside double quotes; ``\\"`` is a quote and ``\\\\`` a backslash inside
a label; numbers are integers, decimals (``0.1``, ``1.5e-3``) or fractions
``p/q`` and are read *exactly* (``0.1`` is ``1/10``); ``R`` and ``D`` after the
version are both accepted and read the same way. Labels are normalised as
Gambit 16 does: empty or repeated player labels, and empty or repeated action
labels within an information set, become ``"_1"``, ``"a_1"``, ``"a_2"``, ...

How the file maps onto :class:`~gametheory.games.extensive.ExtensiveFormGame`:

* node names that are non-empty and unique become node ids (others get
  ``"root"``, ``"n1"``, ...); every name is kept as the node's ``label``;
* a player's information sets keep their names when non-empty (repeated
  names get ``_1``, ``_2`` suffixes); unnamed ones are labelled
  ``"<player>:<k>"`` with ``k`` counting the player's sets in order of first
  appearance;
* chance information sets are not kept (each chance node has its own
  probabilities); outcome labels are not kept.

:func:`efg_text` writes node ids as node names and information-set labels as
information-set names, so a game written and read back is equal to the
original (exactly for exact games; read float games with ``exact=False``).

References
----------
.. [1] The Gambit Project, "The extensive game (.efg) file format", Gambit
   documentation, https://gambitproject.readthedocs.io/en/latest/formats.efg.html
"""

from __future__ import annotations

import io
import math
import os
import re
from collections.abc import Iterator
from fractions import Fraction
from typing import IO, Any

from ..errors import InvalidGameError
from ..games._labels import dedupe_labels
from ..games.extensive import CHANCE, ExtensiveFormGame
from ._atomic import atomic_write
from ._text import read_stream, read_text
from .nfg import (
    _ESCAPE_RE,
    _describe,
    _number_text,
    _parse_number,
    _position,
    _quote,
    _Token,
    _TokenCursor,
)

__all__ = ["dump_efg", "efg_text", "gambit_label_ok", "parse_efg", "read_efg", "write_efg"]

# Whitespace, then one token: a word (numbers, node types, EFG, ...), a quoted label
# (with \" and \\ escapes), a brace or comma, or an unterminated quote.
_TOKENS = re.compile(r'\s*(?:([^\s{},"]+)|("(?:[^"\\]|\\.)*")|([{},])|("))', re.DOTALL)


# ----------------------------------------------------------------------------- parsing


class _NodeEntry:
    """One node entry of the file, before the tree is built."""

    __slots__ = ("kind", "name", "player", "infoset", "outcome", "offset", "player_offset",
                 "children", "n_children")

    def __init__(self, kind: str, offset: int) -> None:
        self.kind = kind  # "c", "p" or "t"
        self.name = ""
        self.player = 0  # 1-based, 0 for chance
        self.infoset = 0
        self.outcome = 0
        self.offset = offset
        self.player_offset = offset
        self.children: list[_NodeEntry] = []
        self.n_children = 0


class _InfosetRecord:
    __slots__ = ("label", "actions", "probs", "offset", "order")

    def __init__(self, label: str, actions: list[str], probs: list[Any] | None, offset: int,
                 order: int) -> None:
        self.label = label
        self.actions = actions
        self.probs = probs
        self.offset = offset
        self.order = order


class _Parser(_TokenCursor):
    def __init__(self, text: str, path: str | None, exact: bool) -> None:
        super().__init__(text, path, exact)
        self.n_players = 0
        self.infosets: dict[tuple[int, int], _InfosetRecord] = {}
        self.outcomes: dict[int, tuple[str, list[Any]]] = {}
        self.outcome_payoffs: dict[int, list[Any]] = {}

    # -- low level
    def _tokenize(self) -> list[_Token]:
        tokens: list[_Token] = []
        append = tokens.append
        make = tuple.__new__  # much faster than the NamedTuple constructor
        for m in _TOKENS.finditer(self.text):
            k = m.lastindex or 0
            start = m.start(k)
            text = m.group(k)
            if k == 1:
                append(make(_Token, ("word", text, start)))
            elif k == 2:
                body = text[1:-1]
                if "\\" in body:
                    body = _ESCAPE_RE.sub(r"\1", body)
                append(make(_Token, ("string", body, start)))
            elif k == 3:
                append(make(_Token, (text, text, start)))
            else:
                raise self.error("unterminated string: no closing '\"' before the end of file",
                                 start)
        append(_Token("eof", "", len(self.text)))
        return tokens

    def integer(self, what: str, minimum: int) -> tuple[int, _Token]:
        tok = self.next()
        if tok.kind != "word":
            raise self.error(f"expected {what}, got {_describe(tok)}", tok.offset)
        text = tok.text
        if not text.lstrip("+-").isdigit():
            raise self.error(f"expected {what} (an integer), got {_describe(tok)}", tok.offset)
        value = int(text)
        if value < minimum:
            raise self.error(f"{what} must be at least {minimum}, got {value}", tok.offset)
        return value, tok

    def number(self, what: str) -> tuple[Any, _Token]:
        tok = self.next()
        if tok.kind != "word":
            raise self.error(f"expected {what}, got {_describe(tok)}", tok.offset)
        try:
            return _parse_number(tok.text, exact=self.exact), tok
        except ValueError as exc:
            msg = str(exc)
            raise self.error(f"{msg} ({what})" if msg else f"expected {what}, got "
                             f"{_describe(tok)}", tok.offset) from None

    # -- grammar
    def prologue(self) -> tuple[str, list[str], list[_Token], str]:
        tok = self.next()
        if tok.kind != "word" or tok.text != "EFG":
            raise self.error(f"expected 'EFG' (an extensive game file), got {_describe(tok)}",
                             tok.offset)
        tok = self.next()
        if tok.kind != "word" or tok.text != "2":
            raise self.error(f"only version 2 .efg files are supported, got {_describe(tok)}",
                             tok.offset)
        tok = self.next()
        if tok.kind != "word" or tok.text not in ("R", "D"):
            raise self.error(f"expected 'R' or 'D' after the version, got {_describe(tok)}",
                             tok.offset)
        title = self.expect("string", "the game title in double quotes").text
        opened = self.expect("{", "'{' opening the list of players")
        players: list[str] = []
        player_tokens: list[_Token] = []
        while self.peek().kind == "string":
            tok = self.next()
            players.append(tok.text)
            player_tokens.append(tok)
        tok = self.next()
        if tok.kind != "}":
            line, column = _position(self.text, opened.offset)
            raise self.error(
                f"expected a player name in double quotes or '}}' closing the player list opened "
                f"at line {line}, column {column}; got {_describe(tok)}", tok.offset)
        if not players:
            raise self.error("the game has no players", tok.offset)
        comment = ""
        if self.peek().kind == "string":
            comment = self.next().text
        return title, players, player_tokens, comment

    def outcome(self, entry: _NodeEntry) -> None:
        number, tok = self.integer("the outcome number", 0)
        entry.outcome = number
        if self.peek().kind == "string":
            label_tok = self.next()
            if number == 0:
                raise self.error("outcome 0 is the null outcome; it has no name or payoffs",
                                 label_tok.offset)
            opened = self.expect("{", "'{' opening the outcome's payoffs")
            payoffs = []
            for k in range(self.n_players):
                if self.peek().kind != "word":
                    nxt = self.peek()
                    raise self.error(
                        f"expected the payoff of player {k + 1} (the outcome has one payoff per "
                        f"player, {self.n_players}), got {_describe(nxt)}", nxt.offset)
                value, _ = self.number(f"payoff of player {k + 1}")
                payoffs.append(value)
                if self.peek().kind == ",":
                    self.next()
            close = self.next()
            if close.kind != "}":
                line, column = _position(self.text, opened.offset)
                raise self.error(
                    f"expected '}}' closing the payoffs opened at line {line}, column {column} "
                    f"(one payoff per player, {self.n_players}), got {_describe(close)}",
                    close.offset)
            previous = self.outcomes.get(number)
            if previous is None:
                self.outcomes[number] = (label_tok.text, payoffs)
            elif previous != (label_tok.text, payoffs):
                raise self.error(
                    f"outcome {number} was defined before as {_quote(previous[0])} "
                    f"{{ {', '.join(map(_number_text, previous[1]))} }}; a repeated definition "
                    "must match it", label_tok.offset)
        elif number != 0 and number not in self.outcomes:
            raise self.error(
                f"outcome {number} is used before it is defined (give its name and payoffs "
                "the first time)", tok.offset)

    def infoset(self, entry: _NodeEntry, chance: bool, order: int) -> None:
        who = "chance" if chance else f"player {entry.player}"
        number, num_tok = self.integer("the information set number", 1)
        entry.infoset = number
        key = (entry.player, number)
        if self.peek().kind == "string":
            label = self.next().text
            opened = self.expect("{", "'{' opening the list of actions")
            actions: list[str] = []
            probs: list[Any] | None = [] if chance else None
            while self.peek().kind == "string":
                actions.append(self.next().text)
                if chance:
                    tok = self.peek()
                    value, tok = self.number(f"probability of action {_quote(actions[-1])}")
                    if value < 0 or value > 1:
                        raise self.error(
                            f"chance probability {tok.text} of action {_quote(actions[-1])} is "
                            "outside [0, 1]", tok.offset)
                    probs.append(value)  # type: ignore[union-attr]
            close = self.next()
            if close.kind != "}":
                line, column = _position(self.text, opened.offset)
                what = "an action name and its probability" if chance else "an action name"
                raise self.error(
                    f"expected {what} or '}}' closing the actions opened at line {line}, "
                    f"column {column}; got {_describe(close)}", close.offset)
            if not actions:
                raise self.error(f"information set {number} of {who} has no actions",
                                 close.offset)
            previous = self.infosets.get(key)
            if previous is None:
                if chance:
                    assert probs is not None
                    if all(isinstance(v, int | Fraction) for v in probs):
                        total: Any = sum(probs, Fraction(0))
                        bad = total != 1
                    else:
                        total = math.fsum(float(v) for v in probs)
                        bad = abs(total - 1) > 1e-9
                    if bad:
                        raise self.error(
                            f"chance probabilities of information set {number} sum to "
                            f"{_number_text(total)}, not 1", opened.offset)
                self.infosets[key] = _InfosetRecord(label, actions, probs, num_tok.offset, order)
            else:
                if previous.label != label or previous.actions != actions:
                    raise self.error(
                        f"information set {number} of {who} was defined before as "
                        f"{_quote(previous.label)} with actions "
                        f"{{ {' '.join(map(_quote, previous.actions))} }}; a repeated "
                        "definition must match it", num_tok.offset)
                if chance and previous.probs != probs:
                    raise self.error(
                        f"chance information set {number} was defined before with probabilities "
                        f"{[_number_text(v) for v in previous.probs]}; a repeated definition "  # type: ignore[union-attr]
                        "must match it", num_tok.offset)
        elif key not in self.infosets:
            raise self.error(
                f"information set {number} of {who} is used before it is defined (give its "
                "name and actions the first time)", num_tok.offset)
        entry.n_children = len(self.infosets[key].actions)

    def node(self, order: int) -> _NodeEntry:
        tok = self.next()
        if tok.kind == "eof":
            raise self.error("unexpected end of file: expected a node ('c', 'p' or 't')",
                             tok.offset)
        if tok.kind != "word" or tok.text not in ("c", "p", "t"):
            raise self.error(
                f"expected a node type 'c' (chance), 'p' (player) or 't' (terminal), got "
                f"{_describe(tok)}", tok.offset)
        entry = _NodeEntry(tok.text, tok.offset)
        entry.name = self.expect("string", "the node name in double quotes").text
        if entry.kind == "p":
            player, ptok = self.integer("the player number", 1)
            if player > self.n_players:
                raise self.error(
                    f"player number {player} is out of range: the game has {self.n_players} "
                    "players", ptok.offset)
            entry.player = player
            entry.player_offset = ptok.offset
            self.infoset(entry, False, order)
        elif entry.kind == "c":
            self.infoset(entry, True, order)
        self.outcome(entry)
        return entry

    def parse(self) -> tuple[str, list[str], list[_Token], str, _NodeEntry]:
        title, players, player_tokens, comment = self.prologue()
        self.n_players = len(players)
        root = self.node(0)
        stack = [root] if root.n_children else []
        count = 1
        while stack:
            top = stack[-1]
            if self.peek().kind == "eof":
                missing = top.n_children - len(top.children)
                raise self.error(
                    f"unexpected end of file: the node at line "
                    f"{_position(self.text, top.offset)[0]} needs {missing} more "
                    f"child node{'s' if missing != 1 else ''}", self.peek().offset)
            child = self.node(count)
            count += 1
            top.children.append(child)
            if len(top.children) == top.n_children:
                stack.pop()
            if child.n_children:
                stack.append(child)
        tok = self.peek()
        if tok.kind != "eof":
            raise self.error(
                f"unexpected {_describe(tok)} after the last node of the tree (expected end of "
                "file)", tok.offset)
        return title, players, player_tokens, comment, root


def _build(parser: _Parser, title: str, players: list[str], player_tokens: list[Any],
           comment: str, root: _NodeEntry) -> ExtensiveFormGame:
    labels = dedupe_labels(players)
    for lab, tok in zip(labels, player_tokens, strict=True):
        if lab == CHANCE:
            raise parser.error(f"a player may not be called {CHANCE!r} (reserved for chance moves)",
                               tok.offset)
    game = ExtensiveFormGame(labels, title=title)
    game.description = comment
    # node ids: unique non-empty names
    entries: list[_NodeEntry] = []
    stack = [root]
    while stack:
        e = stack.pop()
        entries.append(e)
        stack.extend(reversed(e.children))
    counts: dict[str, int] = {}
    for e in entries:
        counts[e.name] = counts.get(e.name, 0) + 1
    named = {e.name for e in entries if e.name.strip() and counts[e.name] == 1}
    used = set(named)
    auto = 0

    def id_for(e: _NodeEntry, is_root: bool) -> str:
        nonlocal auto
        if e.name in named:
            return e.name
        if is_root and "root" not in used:
            used.add("root")
            return "root"
        while True:
            auto += 1
            candidate = f"n{auto}"
            if candidate not in used:
                used.add(candidate)
                return candidate

    # information-set labels per player, in order of first appearance
    by_player: dict[int, list[tuple[int, _InfosetRecord]]] = {}
    for (player, number), rec in parser.infosets.items():
        if player:
            by_player.setdefault(player, []).append((number, rec))
    infoset_label: dict[tuple[int, int], str] = {}
    for player, recs in by_player.items():
        recs.sort(key=lambda r: r[1].order)
        pname = labels[player - 1]
        raw = [rec.label if rec.label.strip() else f"{pname}:{k}"
               for k, (_, rec) in enumerate(recs, start=1)]
        for (number, _), lab in zip(recs, dedupe_labels(raw), strict=True):
            infoset_label[(player, number)] = lab
    action_labels = {key: dedupe_labels(rec.actions) for key, rec in parser.infosets.items()}

    node_ids = {id(e): id_for(e, e is root) for e in entries}  # auto ids in pre-order
    zero = [0] * len(labels)
    root_node = game.root
    game.rename(root_node, node_ids[id(root)])
    work: list[tuple[_NodeEntry, Any, list[Any]]] = [(root, root_node, zero)]
    while work:
        e, node, acc = work.pop()
        if e.name:
            game.set_label(node, e.name)
        if e.outcome:
            acc = [a + b for a, b in zip(acc, parser.outcomes[e.outcome][1], strict=True)]
        try:
            if e.kind == "t" or not e.children:
                game.outcome(node, acc)
                continue
            key = (e.player, e.infoset)
            acts = action_labels[key]
            ids = [node_ids[id(c)] for c in e.children]
            if e.kind == "c":
                probs = parser.infosets[key].probs
                kids = game.chance(node, list(zip(acts, probs, strict=True)), ids=ids)  # type: ignore[arg-type]
            else:
                pname = labels[e.player - 1]
                label = infoset_label[key]
                existing = game._infosets[pname].get(label)
                if existing is None:
                    kids = game.move(node, pname, acts, infoset=label, ids=ids)
                else:
                    kids = game.move(node, pname, infoset=existing, ids=ids)
        except InvalidGameError as exc:
            raise parser.error(str(exc), e.offset) from None
        for child_entry, child in reversed(list(zip(e.children, kids, strict=True))):
            work.append((child_entry, child, acc))
    return game


def parse_efg(text: str, *, path: str | None = None, exact: bool = True) -> ExtensiveFormGame:
    """Parse the text of a ``.efg`` file (version 2).

    Parameters
    ----------
    text : str
        The file's content.
    path : str, optional
        File name used in error messages (default ``"<string>"``).
    exact : bool, default True
        Read decimals exactly (``0.1`` is ``Fraction(1, 10)``), as Gambit does.
        With ``False`` decimals become binary floats (a float game); this
        reads back exactly what :func:`efg_text` wrote for a float game.

    Returns
    -------
    ExtensiveFormGame
        With outcomes at non-terminal nodes summed into the terminal payoffs.

    Raises
    ------
    GameFormatError
        Malformed text; the message starts with ``path:line:column``
        (1-based) of the offending token, also available as ``.line`` and
        ``.column``.

    See Also
    --------
    efg_text : the inverse.
    read_efg : read a file or stream.

    Examples
    --------
    >>> g = parse_efg('''EFG 2 R "Entry" { "Entrant" "Incumbent" }
    ... p "" 1 1 "" { "Out" "In" } 0
    ... t "" 1 "stay out" { 0, 2 }
    ... p "" 2 1 "" { "Fight" "Share" } 0
    ... t "" 2 "fight" { -1, -1 }
    ... t "" 3 "share" { 1, 1 }
    ... ''')
    >>> g.players, [inf.label for inf in g.infosets()]
    (('Entrant', 'Incumbent'), ['Entrant:1', 'Incumbent:1'])
    >>> g.to_normal_form()["In", "Share"]
    (1, 1)
    >>> parse_efg('EFG 2 R "" { "A" }\\nc "" 1 "" { "x" 1/2 "y" 1/3 } 0', path="bad.efg")
    Traceback (most recent call last):
    ...
    gametheory.errors.GameFormatError: bad.efg:2:11: chance probabilities of information set 1 sum to 5/6, not 1
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_efg needs the file's text as a str, got {type(text).__name__}")
    parser = _Parser(text, path, exact)
    return _build(parser, *parser.parse())


def read_efg(
    source: str | os.PathLike[str] | IO[str] | IO[bytes],
    *,
    path: str | None = None,
    exact: bool = True,
) -> ExtensiveFormGame:
    """Read a ``.efg`` game from text, a file path or an open stream.

    Parameters
    ----------
    source : str, os.PathLike or file object
        A ``str`` is the *content* of a file; a path-like object is read as
        UTF-8; a text or binary stream is read to the end.
    path : str, optional
        File name for error messages.
    exact : bool, default True
        See :func:`parse_efg`.

    Returns
    -------
    ExtensiveFormGame

    Raises
    ------
    GameFormatError
        Malformed content or invalid UTF-8, with line and column.
    OSError
        The file cannot be read.
    """
    if isinstance(source, os.PathLike):
        shown = os.fspath(source) if path is None else path
        return parse_efg(read_text(source, shown), path=shown, exact=exact)
    if isinstance(source, str):
        return parse_efg(source, path=path, exact=exact)
    if hasattr(source, "read"):
        text, path = read_stream(source, path)
        return parse_efg(text, path=path, exact=exact)
    raise TypeError(f"read_efg needs text, a path or a file object, got {type(source).__name__}")


# ----------------------------------------------------------------------------- writing


def gambit_label_ok(label: str) -> bool:
    """Whether Gambit 16 accepts ``label`` for a player, action, information set or node.

    Gambit 16.7 requires labels to be empty, or printable ASCII with single
    spaces between words (no leading, trailing or double spaces); the file
    format itself allows any UTF-8 text.

    Examples
    --------
    >>> gambit_label_ok("Russia (R)"), gambit_label_ok("Åland"), gambit_label_ok("a  b")
    (True, False, False)
    """
    if not label:
        return True
    if label[0] == " " or label[-1] == " " or "  " in label:
        return False
    return all(" " <= ch <= "~" for ch in label)


def _check_writable(game: Any, gambit_labels: bool) -> None:
    if not isinstance(game, ExtensiveFormGame):
        raise TypeError(f"a .efg file holds an ExtensiveFormGame, got {type(game).__name__}")
    game.validate()
    game.numeric_check("writing a .efg file")
    if not gambit_labels:
        return
    bad: list[str] = [f"player {p!r}" for p in game.players if not gambit_label_ok(p)]
    for inf in game.infosets():
        if not gambit_label_ok(inf.label):
            bad.append(f"information set {inf.label!r} of {inf.player!r}")
        bad.extend(f"action {a!r} at information set {inf.label!r}"
                   for a in inf.actions if not gambit_label_ok(a))
    for node in game.nodes():
        if node.is_chance:
            bad.extend(f"chance action {a!r} at node {node.id!r}"
                       for a in node.actions if not gambit_label_ok(a))
    if bad:
        more = f" and {len(bad) - 5} more" if len(bad) > 5 else ""
        raise InvalidGameError(
            f"labels that Gambit 16 cannot read (it allows printable ASCII with single spaces "
            f"only): {', '.join(bad[:5])}{more}; rename them, or pass gambit_labels=False to "
            "write them anyway (as UTF-8, which this library reads back)"
        )


def _efg_lines(game: ExtensiveFormGame, gambit_labels: bool = True) -> Iterator[str]:
    players = game.players
    yield f"EFG 2 R {_quote(game.title)} {{ {' '.join(map(_quote, players))} }}\n"
    yield f"{_quote(game.description)}\n"
    yield "\n"
    numbers: dict[tuple[str, str], int] = {}
    for p in players:
        for k, inf in enumerate(game.infosets(p), start=1):
            numbers[(p, inf.label)] = k
    outcomes: dict[tuple[Any, ...], int] = {}
    chance_number = 0
    for node in game.nodes():
        # node names are cosmetic in Gambit: ids it cannot read are written as ""
        name = _quote(node.id if not gambit_labels or gambit_label_ok(node.id) else "")
        if node.is_terminal:
            pay = tuple(node.payoffs[p] for p in players)  # type: ignore[index]
            key = tuple((type(v) is float, v) for v in pay)
            if key not in outcomes:
                outcomes[key] = len(outcomes) + 1
            k = outcomes[key]
            yield (f"t {name} {k} {_quote(f'Outcome {k}')} "
                   f"{{ {', '.join(_number_text(v) for v in pay)} }}\n")
        elif node.is_chance:
            chance_number += 1
            probs = node.probabilities
            body = " ".join(f"{_quote(a)} {_number_text(probs[a])}" for a in node.actions)  # type: ignore[index]
            yield f"c {name} {chance_number} \"\" {{ {body} }} 0\n"
        else:
            own = node.infoset
            assert own is not None
            i = game.player_index(own.player) + 1
            acts = " ".join(map(_quote, own.actions))
            yield (f"p {name} {i} {numbers[(own.player, own.label)]} {_quote(own.label)} "
                   f"{{ {acts} }} 0\n")


def dump_efg(game: ExtensiveFormGame, stream: IO[str], *, gambit_labels: bool = True) -> None:
    """Write a game to an open text stream in the ``.efg`` format (version 2).

    Nothing is written when the game cannot be (the checks come first).

    Parameters
    ----------
    game : ExtensiveFormGame
    stream : text file object
    gambit_labels : bool, default True
        See :func:`efg_text`.

    Raises
    ------
    SymbolicGameError
        The game has free parameters; substitute values with ``game.at(...)``.
    InvalidGameError
        The tree is not finished, or a label Gambit cannot read (see :func:`efg_text`).
    TypeError
        Not an :class:`ExtensiveFormGame`.
    """
    _check_writable(game, gambit_labels)
    stream.writelines(_efg_lines(game, gambit_labels))


def efg_text(game: ExtensiveFormGame, *, gambit_labels: bool = True) -> str:
    """The ``.efg`` text of a game.

    Node ids are written as node names and information-set labels as
    information-set names; each distinct payoff vector becomes one outcome
    (``"Outcome k"``); chance nodes get their own chance information sets.
    Exact numbers are written as integers or ``p/q``, floats as their
    shortest ``repr``.

    Parameters
    ----------
    game : ExtensiveFormGame
        A finished numeric game.
    gambit_labels : bool, default True
        Refuse player, information-set and action labels that Gambit 16
        cannot read (see :func:`gambit_label_ok`), and write node ids it
        cannot read as empty names. ``False`` writes every label as UTF-8, as
        the format allows (this library reads such files).

    Raises
    ------
    SymbolicGameError
        The game has free parameters.
    InvalidGameError
        The tree is not finished, or (with ``gambit_labels``) a label Gambit
        cannot read, named in the message.

    Examples
    --------
    >>> from gametheory.games.extensive import ExtensiveFormGame
    >>> g = ExtensiveFormGame(["A", "B"], title="tiny")
    >>> h, t = g.chance(g.root, {"H": "1/2", "T": "1/2"})
    >>> _ = g.outcome(h, [1, -1]); _ = g.outcome(t, [-1, 1])
    >>> print(efg_text(g), end="")
    EFG 2 R "tiny" { "A" "B" }
    ""
    <BLANKLINE>
    c "root" 1 "" { "H" 1/2 "T" 1/2 } 0
    t "n1" 1 "Outcome 1" { 1, -1 }
    t "n2" 2 "Outcome 2" { -1, 1 }
    >>> parse_efg(efg_text(g)) == g
    True
    """
    _check_writable(game, gambit_labels)
    out = io.StringIO()
    out.writelines(_efg_lines(game, gambit_labels))
    return out.getvalue()


def write_efg(game: ExtensiveFormGame, path: str | os.PathLike[str], *,
              gambit_labels: bool = True) -> Any:
    """Write a game to a ``.efg`` file atomically (a temporary file, then a rename).

    ``gambit_labels`` is as in :func:`efg_text`.

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    SymbolicGameError
        The game has free parameters (nothing is written).
    OSError
        The directory does not exist or is not writable.
    """
    _check_writable(game, gambit_labels)
    return atomic_write(path, lambda stream: dump_efg(game, stream, gambit_labels=gambit_labels))
