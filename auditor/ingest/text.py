"""Bytes to text: BOMs, UTF-8, UTF-16, GB18030/GBK, then charset-normalizer as a last guess."""

from __future__ import annotations

import codecs
import re

from auditor.errors import InputError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode(data: bytes) -> str:
    """Decode resume bytes; never fails on a stray byte, refuses binary data."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    sample = data[:4096]
    if sample and sample.count(0) > len(sample) // 4:
        # UTF-16 without a BOM: every other byte of ASCII text is NUL
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if odd > len(sample) // 4 and even < odd // 4:
            return data.decode("utf-16-le", errors="replace")
        if even > len(sample) // 4 and odd < even // 4:
            return data.decode("utf-16-be", errors="replace")
        raise InputError("binary file, not text")
    for enc in ("utf-8", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    for enc in ("utf-8", "gb18030"):  # a few stray bytes in an otherwise clean file
        text = data.decode(enc, errors="replace")
        if text.count("\ufffd") <= max(8, len(data) // 200):
            return text
    mixed = _line_by_line(data)
    if mixed is not None:
        return mixed
    from charset_normalizer import from_bytes  # only for the rare file neither UTF-8 nor GB18030

    best = from_bytes(data).best()
    if best is None:
        raise InputError("binary file, not text")
    return str(best)


def _line_by_line(data: bytes) -> str | None:
    """A file pasted together from two encodings (a GBK line in a UTF-8 resume): each line
    decoded on its own, UTF-8 first. None when more than a few lines fit neither: then it is
    not such a file, and charset-normalizer guesses (it takes one encoding for the whole file,
    which turned such a resume into 'binary file')."""
    lines: list[str] = []
    unreadable = 0
    for raw in data.split(b"\n"):
        for enc in ("utf-8", "gb18030"):
            try:
                lines.append(raw.decode(enc))
                break
            except UnicodeDecodeError:
                continue
        else:
            lines.append(raw.decode("utf-8", errors="replace"))
            unreadable += 1
    return "\n".join(lines) if unreadable <= len(lines) // 50 else None


def to_lines(text: str) -> list[str]:
    """Normalise line endings, drop control characters (NUL included), keep everything else."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = _CONTROL.sub("", text)
    if text and sum(1 for c in text[:2000] if c == "\ufffd") > 200:
        raise InputError("not a text file (mostly undecodable bytes)")
    return [line.rstrip() for line in text.split("\n")]
