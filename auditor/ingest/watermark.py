"""Remove the residue of a vertical watermark from text already extracted from a PDF.

A rotated watermark token (e.g. "lhhPQ7fmq…c54") comes out of a PDF text layer as one or
two characters per line, down the page, in several columns: on lines of their own ("hl",
"P"), at both ends of real lines ("G 鲁国伟 G") and spliced inside words ("大a模9型",
"PagedAttentWion"). The token is learnt from the document itself, never from a list:

1. lines made only of 1-2 character ASCII pieces, in runs, give the cycle of pieces;
2. every line is placed on that cycle from its neighbours, so each real line knows which
   pieces it may carry (usually one or two, often none);
3. only those pieces are removed, and only where residue sits: at the line's ends, alone
   between spaces, glued to CJK text, or an upper-case letter inside a lower-case word.
A digit inside Chinese text is kept unless the cycle says this very line carries it.

No library does this: PDF libraries filter by glyph attributes (see ingest/pdf.py), which
are gone once the text was extracted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

PIECE = re.compile(r"^[A-Za-z0-9_\-]{1,2}$")
LONG_TOKEN = re.compile(r"[A-Za-z0-9_\-]{16,}")
MIN_RUN = 10  # a real watermark cycle is tens of pieces long and repeats down every page
MIN_RESIDUE_LINES = 30


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _is_cjk_or_punct(ch: str) -> bool:
    return _is_cjk(ch) or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or ch in "“”‘’、。，；：？！（）"


def _pieces(line: str) -> list[str] | None:
    """The pieces of a residue-only line ('hl hl' -> ['hl', 'hl']), else None."""
    toks = line.split()
    if not 1 <= len(toks) <= 4 or not all(PIECE.match(t) for t in toks):
        return None
    return toks


@dataclass
class Cleaned:
    lines: list[str]
    removed: list[str] = field(default_factory=list)
    token: str | None = None
    kept: list[int] | None = None  # index in the input of each output line; None: all kept, in order


def _find_cycle(lines: list[str]) -> list[str] | None:
    """The longest run of single-piece residue lines is one turn (or more) of the cycle."""
    best: list[str] = []
    run: list[str] = []
    for line in lines + [""]:
        toks = _pieces(line)
        if toks is not None and len(set(toks)) == 1:
            run.append(toks[0])
            continue
        if len(run) > len(best):
            best = run
        run = []
    residue = sum(1 for line in lines if _pieces(line) is not None)
    if len(best) < MIN_RUN or residue < MIN_RESIDUE_LINES:
        return None  # a short list of one-letter items ("C", "Go", "R") is not a watermark
    for period in range(MIN_RUN, len(best)):
        if all(best[i] == best[i + period] for i in range(len(best) - period)):
            return best[:period]
    return best


def _locate(cycle: list[str], toks: list[str], expect: int | None) -> int | None:
    """Position on the cycle of a residue line, the one nearest after `expect`."""
    n = len(cycle)
    cands = [i for i, piece in enumerate(cycle) if piece in toks]
    if not cands:  # a 2-char piece split over two lines ("d" of "d-")
        cands = [i for i, piece in enumerate(cycle) if any(len(piece) == 2 and t in piece for t in toks)]
    if not cands:
        return None
    if expect is None:
        return cands[0]
    return min(cands, key=lambda i: (i - expect) % n)


class _Line:
    """One line with a removal mask, so every removal is reported and spacing repaired once."""

    def __init__(self, text: str):
        self.text = text
        self.keep = [True] * len(text)

    def remove(self, start: int, end: int) -> None:
        for i in range(start, end):
            self.keep[i] = False

    def visible(self) -> str:
        return "".join(c if k else "\0" for c, k in zip(self.text, self.keep))

    def result(self) -> str:
        out = []
        chars = [(c, k) for c, k in zip(self.text, self.keep)]
        for i, (c, k) in enumerate(chars):
            if not k:
                continue
            if c == " ":
                prev = next((p for p, kk in reversed(chars[:i]) if kk), "")
                nxt = next((p for p, kk in chars[i + 1 :] if kk), "")
                removed_near = (i > 0 and not chars[i - 1][1]) or (i + 1 < len(chars) and not chars[i + 1][1])
                if removed_near and (not prev or not nxt or prev == " " or (_is_cjk_or_punct(prev) and _is_cjk_or_punct(nxt))):
                    continue
            out.append(c)
        return "".join(out).strip() if any(not k for k in self.keep) else self.text


def _glued(text: str, start: int, end: int, piece: str) -> bool:
    """Is text[start:end] a spliced-in copy of `piece` (not a real part of a word or number)?"""
    a_real = text[:start].rstrip("\0")[-1:]
    b_real = text[end:].lstrip("\0")[:1]
    a = a_real or " "
    b = b_real or " "
    if _is_cjk_or_punct(a) or _is_cjk_or_punct(b):
        return True
    if len(piece) == 1 and piece.isalpha():
        if a.isdigit() or b.isdigit():  # "W2O025-06", "2024-06Q"
            return True
        if piece.isupper() and a.islower() and b.islower():
            return True  # "biPt", "PagedAttentWion"; never a lower-case one: LoRA, LLaMA are real
    return False


def _remove_piece(line: _Line, piece: str, copies: int = 1) -> bool:
    """Remove standalone copies of `piece`, then glued ones up to `copies` in all. True if any went."""
    count = 0
    esc = re.escape(piece)
    for pat in (rf"^\s*{esc}(?=\s)", rf"(?<=\s){esc}\s*$", rf"(?<=\s){esc}(?=\s)", rf"^\s*{esc}\s*$"):
        text = line.visible()
        for m in re.finditer(pat, text):
            line.remove(m.start(), m.end())
            count += 1
    text = line.visible()
    for m in re.finditer(esc, text):
        if count >= copies:
            break
        if _glued(text, m.start(), m.end(), piece):
            line.remove(m.start(), m.end())
            count += 1
    if count == 0 and len(piece) == 2:  # a piece split across the line ("速m度 f 。" for "mf")
        parts = [_remove_piece(line, ch) for ch in piece]
        return all(parts)
    return count > 0


def _rotations(token: str) -> set[str]:
    both = {token[i:] + token[:i] for i in range(len(token))}
    return both | {t[::-1] for t in both}


def clean_watermark(lines: list[str]) -> Cleaned:
    """Lines with the watermark residue removed; unchanged when no watermark cycle is found."""
    cycle = _find_cycle(lines)
    if cycle is None:
        return Cleaned(lines)
    n = len(cycle)
    token = "".join(p[::-1] for p in cycle)
    tokens = _rotations(token)
    doubled = token + token

    # 1. place residue-only lines on the cycle
    pos: dict[int, int] = {}
    expect: int | None = None
    for i, line in enumerate(lines):
        toks = _pieces(line)
        if toks is None:
            continue
        at = _locate(cycle, toks, expect)
        if at is not None:
            pos[i] = at
            expect = (at + 1) % n
    anchors = sorted(pos)
    next_anchor = {a: b for a, b in zip(anchors, anchors[1:])}

    # 2. walk the lines; between two anchors the pieces of the gap wait in a queue
    removed: list[str] = []
    out: list[str] = []
    kept: list[int] = []
    queue: list[str] = []
    for i, raw in enumerate(lines):
        if i in pos:
            removed.append(raw)
            piece = cycle[pos[i]]
            split_rest = [piece.replace(t, "", 1) for t in (_pieces(raw) or []) if t != piece and t in piece]
            # a piece not found on the line just above may sit on the next text line
            leftover = queue[:2] if i > 0 and (i - 1) not in pos else []
            queue = leftover + split_rest
            nxt = next_anchor.get(i)
            if nxt is not None:
                gap = (pos[nxt] - pos[i] - 1) % n
                if gap <= 4:
                    queue += [cycle[(pos[i] + 1 + k) % n] for k in range(gap)]
            else:
                queue.append(cycle[(pos[i] + 1) % n])
            continue
        line = _Line(raw)
        for tok in LONG_TOKEN.findall(raw):
            if tok in tokens or (len(tok) >= 24 and (tok in doubled or tok[::-1] in doubled)):
                s = raw.find(tok)
                line.remove(s, s + len(tok))
        lead = re.match(r"^((?:[A-Za-z0-9_\-]{1,2}\s+){1,3})", raw)
        leading = [t for t in lead.group(1).split() if t in cycle] if lead and anchors else []
        tried = list(dict.fromkeys(queue[:3] + leading))
        for piece in tried:
            copies = min(3, raw.count(piece)) if piece in leading else 1
            if _remove_piece(line, piece, copies) and piece in queue:
                queue.remove(piece)
        result = line.result()
        if result != raw:
            removed.append(raw)
        if result.strip() or not raw.strip():
            out.append(result)
            kept.append(i)
    return Cleaned(out, removed, token, kept)
