"""Resume language: zh when Chinese characters carry a fair share of the text."""

import re

_CJK = re.compile(r"[\u3400-\u9fff]")
_WORD = re.compile(r"[A-Za-z]{2,}")


def detect_language(lines: list[str]) -> str:
    text = "\n".join(lines[:400])
    cjk = len(_CJK.findall(text))
    words = len(_WORD.findall(text))
    # a Chinese character carries about a word's worth of meaning; headings in Chinese decide it
    return "zh" if cjk >= 20 and cjk >= 0.3 * words else "en"
