"""Numbers as resumes write them beyond digits: number words ('nine', '八', '十二'), and the
scale after a figure ('1M', '1 million', '10w', '1.2万', '3亿').

Small tables instead of a library: resumes use a handful of these words, and a general
number-words parser (e.g. word2number) reads only English and accepts prose that is no number.
"""

from __future__ import annotations

# A number; '1,234' and '12,345,678' are read whole: after the first 1-3 digits, groups of exactly
# three digits behind an ASCII comma (the full-width '，' separates two numbers, and '1,2,3' or
# '2023,2024' are lists). It never starts inside a digit run or a comma group: no '500' out of
# '8,500', and a search does not re-read a long digit run from every digit in it (quadratic:
# 67 s for 5,000 digits).
# The checks sit after the first digit, so the pattern starts with \d and the regex engine skips
# straight to digits instead of trying the assertions at every position of the line.
_NOT_INSIDE_NUMBER = r"(?<!\d\d)(?!(?<=\d,\d)\d\d(?!\d))"
NUM = r"(\d" + _NOT_INSIDE_NUMBER + r"(?:\d{0,2}(?:,\d{3})+(?!\d)|\d*)(?:\.\d+)?)"


def number(text: str) -> float:
    """The value of a figure as written, thousands separators included ('8,500' is 8500)."""
    return float(text.replace(",", ""))


EN_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}
# longest first, so 'seventeen' is not read as 'seven'
EN_WORD = r"(?:" + "|".join(sorted(EN_WORDS, key=len, reverse=True)) + r")"

_ZH_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# 一 … 九, 十, 十一 … 十九, 二十 … 九十九: the years a career can last
ZH_WORD = r"(?:[一二两三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九])"

# The scale after a figure, as written; 'w' is the pinyin shorthand for 万 (10,000).
SCALE = {
    "k": 1e3, "千": 1e3, "thousand": 1e3, "w": 1e4, "万": 1e4, "十万": 1e5, "百万": 1e6, "千万": 1e7, "亿": 1e8,
    "m": 1e6, "mn": 1e6, "mil": 1e6, "million": 1e6, "b": 1e9, "billion": 1e9, "t": 1e12,
}
# A scale word after a count of things: a Latin one must end there ('1M downloads', not '1 ms').
COUNT_SCALE = r"(十万|百万|千万|[kK千wW万亿]|(?:thousand|million|mn|mil|[mM]|billion|[bB])(?![A-Za-z]))?"


def zh_value(word: str) -> int:
    """'八' is 8, '十二' is 12, '二十' is 20, '三十五' is 35."""
    if "十" not in word:
        return _ZH_DIGITS[word]
    tens, _, ones = word.partition("十")
    return (_ZH_DIGITS[tens] if tens else 1) * 10 + (_ZH_DIGITS[ones] if ones else 0)


def word_value(word: str) -> float | None:
    """The value of a number written in digits, English words or Chinese numerals; None if none."""
    w = " ".join(word.lower().split())
    if w in EN_WORDS:
        return float(EN_WORDS[w])
    try:
        return float(w.replace(",", ""))
    except ValueError:
        pass
    try:
        return float(zh_value(w))
    except KeyError:
        return None


def scale_of(word: str | None) -> float:
    """The multiplier a scale word stands for; 1 for none."""
    return SCALE.get((word or "").strip().lower(), 1.0)
