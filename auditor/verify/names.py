"""Is the candidate on this author list? Name matching across scripts and spellings.

Sources spell one person many ways: 董汉德, "Hande Dong", "Dong, Hande", "HANDE DONG",
"Han-De Dong", "H. Dong", "H.-D. Dong", "Hande Dong 0001" (DBLP). The verification must
find the candidate among them without pairing different people, because a wrong pair
either invents a co-author or hides a missing one. So the rule is strict:

* ``full``: the family name and the whole given name agree, in either order
  ("Dong Hande" = "Hande Dong"; "Han-De" = "Han De" = "Hande").
* ``initials``: the family name agrees and the author's given name is only initials that
  fit the candidate's ("H. Dong", "H.-D. Dong" for Hande Dong). Weaker: many people are
  "H. Dong".
* ``none``: anything else, including a romanised given name alone, the same family name
  with another given name ("Hanbing Dong", "Dong Han"), and a single token ("Dong").

An initial always belongs to the given name, so "D. Hande" names someone whose family
name is Hande, not 董汉德 (family Dong): it is ``none``. Accepting it would let any
initial pair a family name with someone else's given name.

Chinese → pinyin uses pypinyin (MIT, maintained, the standard Python library for it; no
other dependency is needed: diacritic folding is stdlib ``unicodedata``). pypinyin has no
surname mode (mozillazg/python-pinyin#297, #120: still open), and its default reading of
a surname is often wrong (曾 → ceng, 单 → dan, 区 → qu), so surname and compound-surname
readings come from the small tables below. Cantonese and Wade-Giles spellings ("Chan",
"Hsu") are not produced: they give ``none`` ("could not confirm"), never a mismatch claim.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

Strength = Literal["full", "initials", "none"]

# Surname readings where pypinyin's default reading is not the surname's (a character may
# have two attested surname readings). Sources: the Chinese surname pronunciation lists
# cited in mozillazg/python-pinyin#297.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "曾": ("zeng",), "单": ("shan",), "單": ("shan",), "区": ("ou",), "區": ("ou",), "解": ("xie",),
    "查": ("zha",), "仇": ("qiu",), "朴": ("piao",), "樸": ("piao",), "覃": ("qin", "tan"), "翟": ("zhai",),
    "缪": ("miao",), "繆": ("miao",), "乐": ("yue", "le"), "樂": ("yue", "le"), "盖": ("ge", "gai"),
    "蓋": ("ge", "gai"), "尉": ("wei", "yu"), "谌": ("chen", "shen"), "諶": ("chen", "shen"), "秘": ("bi",),
    "洗": ("xian",), "种": ("chong",), "種": ("chong",), "重": ("chong",), "繁": ("po",), "折": ("she",),
    "藏": ("zang",), "扎": ("za",), "都": ("du",), "六": ("lu",), "薄": ("bo",), "乜": ("nie",), "阚": ("kan",),
    "卜": ("bu",), "贠": ("yun",), "员": ("yun",), "召": ("shao",), "句": ("gou",), "隗": ("wei", "kui"),
    "长": ("chang",), "長": ("chang",),
}

# Compound (two-character) surnames, simplified and traditional.
COMPOUND_SURNAMES: dict[str, str] = {
    "欧阳": "ouyang", "歐陽": "ouyang", "司马": "sima", "司馬": "sima", "诸葛": "zhuge",
    "諸葛": "zhuge", "上官": "shangguan", "司徒": "situ", "东方": "dongfang",
    "東方": "dongfang", "皇甫": "huangfu", "尉迟": "yuchi", "尉遲": "yuchi",
    "公孙": "gongsun", "公孫": "gongsun", "慕容": "murong", "令狐": "linghu",
    "夏侯": "xiahou", "长孙": "zhangsun", "長孫": "zhangsun", "宇文": "yuwen",
    "轩辕": "xuanyuan", "軒轅": "xuanyuan", "端木": "duanmu", "南宫": "nangong",
    "南宮": "nangong", "西门": "ximen", "西門": "ximen", "独孤": "dugu", "獨孤": "dugu",
    "万俟": "moqi", "萬俟": "moqi", "闻人": "wenren", "聞人": "wenren", "澹台": "tantai",
    "公冶": "gongye", "淳于": "chunyu", "单于": "chanyu", "單于": "chanyu", "申屠": "shentu",
    "钟离": "zhongli", "鍾離": "zhongli", "司空": "sikong", "呼延": "huyan", "百里": "baili",
    "东郭": "dongguo", "東郭": "dongguo", "拓跋": "tuoba", "第五": "diwu", "赫连": "helian",
    "赫連": "helian", "濮阳": "puyang", "濮陽": "puyang", "左丘": "zuoqiu", "公羊": "gongyang",
}

_COMPOUND_ROMAN = frozenset(COMPOUND_SURNAMES.values())

# Given-name characters whose pypinyin default is not (or not always) the reading used in
# names; both readings are allowed, as both occur.
GIVEN_READINGS: dict[str, tuple[str, ...]] = {
    "乐": ("le", "yue"), "樂": ("le", "yue"), "长": ("chang", "zhang"), "長": ("chang", "zhang"),
    "行": ("xing", "hang"), "朝": ("zhao", "chao"), "重": ("zhong", "chong"),
    "茜": ("qian", "xi"), "晟": ("sheng", "cheng"), "莘": ("xin", "shen"), "单": ("dan", "shan"),
    "曾": ("zeng", "ceng"), "解": ("jie", "xie"), "查": ("cha", "zha"),
}

# Lower-case family-name particles of Western names ("de With", "van der Putten").
_PARTICLES = {"de", "del", "della", "der", "den", "van", "von", "da", "di", "du", "dos", "das", "la", "le", "ten",
              "ter"}
_CAPITAL_PARTICLES = {"del", "della", "der", "den", "van", "von"}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# Syllables pypinyin lists that never stand alone in a name (interjections, ê).
_NOT_NAME_SYLLABLES = {"m", "n", "ng", "hm", "hng", "ê", "r"}
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA_HANGUL = re.compile(r"[\u3040-\u30ff\uac00-\ud7af]")
_DBLP_SUFFIX = re.compile(r"(?<!\s)\s+\d{4}\s*$")  # starts at a run of spaces only: linear
_FOLD = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss",
                       "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "þ": "th", "Þ": "Th"})
_STRENGTH_ORDER = {"none": 0, "initials": 1, "full": 2}


@dataclass(frozen=True)
class Reading:
    """One way to split a name into family and given name.

    ``family`` is folded lower-case letters ("dong", "ouyang", "delmaestro"). ``given``
    holds the given name's parts as written: words ("han", "de") and initials ("h.").
    ``likely`` is False for a split the name's form argues against (e.g. family "hande" for
    "Hande Dong"); such a split is still an order-insensitive full match, but never used to
    accept initials. ``pinyin`` marks a Chinese name (from characters, or a one-syllable
    family name with a pinyin given name).
    """

    family: str
    given: tuple[str, ...]
    likely: bool = True
    pinyin: bool = False  # a Chinese name: no middle names, so an extra initial is another name


@dataclass(frozen=True)
class NameForms:
    """Every family/given reading of one name, plus its Chinese characters if it had any."""

    text: str
    hanzi: str | None
    readings: tuple[Reading, ...]


# --------------------------------------------------------------------------- pinyin


# Every pinyin syllable a name can use (tone marks and ü folded, lv/lu/lyu variants included).
# Written out rather than derived from pypinyin's dictionary at run time, which takes a quarter
# of a second to load; tests/test_names.py checks this list against pypinyin.
SYLLABLES = frozenset(
    """
    a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo bong bu ca
    cai can cang cao ce cei cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua
    chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den
    deng di dia dian diao die din ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang
    fei fen feng fiao fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang
    gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji
    jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng
    kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei len leng li lia lian
    liang liao lie lin ling liu lo long lou lu luan lue lun luo lv lve lyu lyue ma mai man mang mao
    me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni
    nia nian niang niao nie nin ning niu nong nou nu nuan nue nun nuo nv nve nyu nyue o ou pa pai
    pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin
    qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa
    sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua
    shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te tei
    teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wong wu
    xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo
    yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei
    zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun
    zuo
    """.split()
)


def _syllables() -> frozenset[str]:
    return SYLLABLES


def syllables_from_pypinyin() -> frozenset[str]:
    """SYLLABLES as pypinyin's own dictionary gives them (so the list stays in step with the
    readings it produces), with ü spelt v, u and yu as author lists do. Used by the tests."""
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.pinyin_dict import pinyin_dict

    raw = {r for v in pinyin_dict.values() for r in v.split(",")}
    out: set[str] = set()
    for r in raw:
        s = to_normal(r)
        if s in _NOT_NAME_SYLLABLES or not s.isascii():
            continue
        out.update(_u_variants(s))
    return frozenset(out)


def _u_variants(syllable: str) -> tuple[str, ...]:
    """吕 is "lv" in pypinyin, and "Lu", "Lyu" or "Lv" in author lists."""
    if "v" not in syllable:
        return (syllable,)
    return tuple(dict.fromkeys((syllable, syllable.replace("v", "u"), syllable.replace("v", "yu"))))


@lru_cache(maxsize=8192)
def _char_readings(ch: str, role: Literal["family", "given"]) -> tuple[str, ...]:
    """Readings of one character as a name part; cached because author lists repeat."""
    table = SURNAME_READINGS if role == "family" else GIVEN_READINGS
    if ch in table:
        base = table[ch]
    else:
        from pypinyin import Style, lazy_pinyin

        base = tuple(lazy_pinyin(ch, style=Style.NORMAL, errors="ignore"))
    return tuple(dict.fromkeys(v for b in base for v in _u_variants(b)))


def _hanzi_forms(text: str) -> NameForms:
    """董汉德 → family dong, given han+de; 欧阳修 → family ouyang, given xiu."""
    if len(text) >= 3 and text[:2] in COMPOUND_SURNAMES:
        families: tuple[str, ...] = (COMPOUND_SURNAMES[text[:2]],)
        given_chars = text[2:]
    else:
        families = _char_readings(text[0], "family")
        given_chars = text[1:]
    readings: list[Reading] = []
    if given_chars:
        syllable_choices = [_char_readings(c, "given") for c in given_chars]
        for family in families:
            for given in itertools.islice(itertools.product(*syllable_choices), 16):
                if all(given):
                    readings.append(Reading(family, tuple(given), pinyin=True))
                    readings.append(Reading("".join(given), (family,), likely=False, pinyin=True))
    return NameForms(text, text, tuple(dict.fromkeys(readings)))


@lru_cache(maxsize=65536)
def _segmentations(word: str, limit: int = 6) -> tuple[tuple[str, ...], ...]:
    """Ways to read a Latin word as pinyin syllables ("hande" → han|de), so that "H.-D."
    can be checked against "Hande". Hand-written because it is a few lines of dynamic
    programming over pypinyin's syllable list; no library does this split."""
    syllables = _syllables()
    out: list[tuple[str, ...]] = []

    def walk(i: int, acc: tuple[str, ...]) -> None:
        if len(out) >= limit:
            return
        if i == len(word):
            out.append(acc)
            return
        for j in range(min(len(word), i + 6), i, -1):
            if word[i:j] in syllables:
                walk(j, acc + (word[i:j],))

    walk(0, ())
    return tuple(out)


def _is_surname_like(token: list[str]) -> bool:
    """A Chinese family name is one syllable or a known compound ("Ouyang")."""
    words = [p for p in token if not p.endswith(".")]
    if len(words) != len(token):
        return False
    joined = "".join(words)
    return joined in _syllables() or joined in _COMPOUND_ROMAN


# --------------------------------------------------------------------------- Latin


def _fold(text: str) -> str:
    """NFKC, then drop diacritics (Müller → Muller, José → Jose): sources differ on them."""
    text = unicodedata.normalize("NFKC", text).translate(_FOLD)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _token_parts(token: str, name_has_lower: bool) -> tuple[list[str], bool]:
    """One whitespace token → its parts (words, and initials written "h."), and whether it
    is an all-capitals word (the family-name marker of "DONG Hande")."""
    letters = re.sub(r"[^A-Za-z]", "", token)
    if not letters:
        return [], False
    # "HD" in "Dong HD" (PubMed style): capitals without a vowel are initials.
    if name_has_lower and letters.isupper() and 2 <= len(letters) <= 3 and not re.search(r"[AEIOUY]", letters):
        return [c.lower() + "." for c in letters], False
    parts: list[str] = []
    for piece in re.split(r"[-‐‑–.]+", token):
        piece = re.sub(r"[^A-Za-z]", "", piece)
        if not piece:
            continue
        parts.append(piece.lower() + "." if len(piece) == 1 else piece.lower())
    caps = name_has_lower and letters.isupper() and len(letters) >= 2
    return parts, caps


def _latin_forms(text: str) -> NameForms:
    text = _DBLP_SUFFIX.sub("", _fold(text))
    text = re.sub(r"['’ʼ‘`]", "", text)  # O'Brien, Xi'an
    text = re.sub(r"[^A-Za-z\s,.\-‐‑–]", " ", text)
    chunks = [c.strip() for c in text.split(",") if c.strip()]
    chunks = [c for c in chunks if c.lower().rstrip(".") not in _SUFFIXES]
    has_lower = any(c.islower() for c in text)

    def tokens_of(chunk: str) -> tuple[list[list[str]], list[bool], list[str]]:
        raw = chunk.split()
        if len(raw) >= 3 and raw[-1].lower().rstrip(".") in _SUFFIXES:
            raw = raw[:-1]  # "John Smith Jr."
        toks, caps, originals = [], [], []
        for t in raw:
            parts, is_caps = _token_parts(t, has_lower)
            if parts:
                toks.append(parts)
                caps.append(is_caps)
                originals.append(t)
        return toks, caps, originals

    readings: list[Reading] = []
    if len(chunks) >= 2:  # "Dong, Hande": the family name comes first
        fam, _, _ = tokens_of(chunks[0])
        giv, _, _ = tokens_of(" ".join(chunks[1:]))
        if fam and giv and not any(p.endswith(".") for t in fam for p in t):
            pinyin = len(fam) == 1 and _is_surname_like(fam[0]) and all(map(_chinese_like, giv))
            family, given = "".join(p for t in fam for p in t), tuple(p for t in giv for p in t)
            readings.append(Reading(family, given, pinyin=pinyin))
        return NameForms(text, None, tuple(readings))
    if not chunks:
        return NameForms(text, None, ())
    toks, caps, originals = tokens_of(chunks[0])
    likely_family = _likely_family_blocks(toks, caps, originals)
    n = len(toks)
    for k in range(1, n):
        for fam_block, giv_block, fam_span in ((toks[k:], toks[:k], (k, n)), (toks[:k], toks[k:], (0, k))):
            if any(p.endswith(".") for t in fam_block for p in t):
                continue  # an initial is never a family name
            family = "".join(p for t in fam_block for p in t)
            given = tuple(p for t in giv_block for p in t)
            pinyin = _is_surname_like(fam_block[0]) and len(fam_block) == 1 and all(map(_chinese_like, giv_block))
            readings.append(Reading(family, given, likely=fam_span in likely_family, pinyin=pinyin))
    return NameForms(text, None, tuple(readings))


def _likely_family_blocks(toks: list[list[str]], caps: list[bool], originals: list[str]) -> set[tuple[int, int]]:
    """Which token spans are probably the family name, for accepting initials against it.

    Capitals mark it ("DONG Hande"). Otherwise Western order ("Hande Dong") unless only
    the first token looks like a Chinese surname ("Dong Hande"); when both ends do
    ("Wei Zhang"), both are allowed, since resumes use both orders.
    """
    n = len(toks)
    if n < 2:
        return set()
    if sum(caps) == 1 and not all(caps):
        i = caps.index(True)
        return {(i, i + 1)} if i in (0, n - 1) else set()
    start = n - 1
    while start > 1 and (originals[start - 1].islower() and toks[start - 1][0] in _PARTICLES
                         or toks[start - 1][0] in _CAPITAL_PARTICLES):
        start -= 1
    western = (start, n)
    first_like, last_like = _is_surname_like(toks[0]), _is_surname_like(toks[-1])
    if first_like and not last_like and all(_chinese_like(t) for t in toks):
        return {(0, 1)}
    if first_like and last_like:
        return {western, (0, 1)}
    return {western}


def _chinese_like(token: list[str]) -> bool:
    return all(p.endswith(".") or _segmentations(p, limit=1) for p in token)


# --------------------------------------------------------------------------- API


def _undo_mojibake(text: str) -> str:
    """"Dirk WÃ¼bben" → "Dirk Wübben": UTF-8 read as Latin-1, as in some recorded arXiv
    feeds. Only applied when the round trip is valid UTF-8, which ordinary names never are."""
    if "Ã" not in text and "Â" not in text:
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return text


@lru_cache(maxsize=65536)
def name_variants(name: str) -> NameForms:
    """Parse one name (Chinese characters or Latin, any order) into its family/given readings.

    Chinese characters and Latin letters in one string ("Hande Dong (董汉德)") give the
    readings of both; the characters are kept for an exact comparison.
    """
    name = unicodedata.normalize("NFKC", _undo_mojibake(name or "")).strip()
    han = "".join(_HAN.findall(name))
    latin = _HAN.sub(" ", name)
    if _KANA_HANGUL.search(name):
        han = ""  # Japanese or Korean: pinyin would be a wrong reading
        latin = _KANA_HANGUL.sub(" ", latin)
    readings: list[Reading] = []
    if han and 2 <= len(han) <= 5:
        readings.extend(_hanzi_forms(han).readings)
    if re.search(r"[A-Za-z]", _fold(latin)):
        latin_readings = _latin_forms(latin).readings
        readings.extend(_oriented_by(latin_readings, {r.family for r in readings if r.likely}))
    if any(r.pinyin and r.likely for r in readings):
        # A Chinese name stays one in every reading, including the swapped one.
        readings = [replace(r, pinyin=True) for r in readings]
    return NameForms(name, han if 2 <= len(han) <= 5 else None, tuple(dict.fromkeys(readings)))


def _oriented_by(readings: tuple[Reading, ...], families: set[str]) -> tuple[Reading, ...]:
    """With the Chinese characters known, the family name is known: "李明 (Ming Li)" or the
    forms ["李明", "Ming Li"] accept initials only against family Li, never "L. Ming"."""
    if not families:
        return readings
    return tuple(r if r.family in families or not r.likely else replace(r, likely=False) for r in readings)


def _given_alternatives(given: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The candidate's given name as written, split into pinyin syllables, and joined:
    ("hande",) → (hande), (han, de); so "H." and "H.-D." can both be checked."""
    per_part = [[(p,)] + [s for s in _segmentations(p) if len(s) > 1] if not p.endswith(".") else [(p,)] for p in given]
    alts = [tuple(x for piece in combo for x in piece) for combo in itertools.islice(itertools.product(*per_part), 32)]
    if all(not p.endswith(".") for p in given):
        alts.append(("".join(given),))
    return list(dict.fromkeys(alts))


def _given_match(cand: tuple[str, ...], author: tuple[str, ...], western: bool) -> Strength:
    """Compare given names. ``western`` allows middle initials the resume leaves out
    ("Alan M. Turing", "J. R. Smith" for John Smith); a Chinese given name has no middle
    name, so there an extra initial means another name ("H. X. Dong" is not Hande Dong)."""
    if not cand or not author:
        return "none"
    cand_initials = any(p.endswith(".") for p in cand)
    author_initials = [p.endswith(".") for p in author]
    if not cand_initials and not any(author_initials):
        if "".join(cand) == "".join(author):
            return "full"
        # An English first name before the Chinese one, on one side only: "Wayne Xin Zhao" (赵鑫).
        joined_c, joined_a = "".join(cand), "".join(author)
        if "".join(_without_english_name(cand)) == joined_a or joined_c == "".join(_without_english_name(author)):
            return "full"
        return "none"
    if any(not p.endswith(".") for p in cand) and cand == author:
        return "full"  # the same words and initials: "Brooks B." = "Brooks B."
    if western:
        c_words, c_inits = _words_and_initials(cand)
        a_words, a_inits = _words_and_initials(author)
        # Middle initials one side leaves out ("Alan M." = "Alan"), never two different ones.
        if c_words and c_words == a_words and (not c_inits or not a_inits or c_inits == a_inits):
            return "full"
        if not a_words and author[0][0] == cand[0][0]:
            return "initials"  # "J. R. Smith" for John Smith
    for alt in _given_alternatives(cand):
        if len(alt) == len(author) and all(map(_part_agrees, author, alt)):
            return "initials"
    return "none"


def _part_agrees(a: str, c: str) -> bool:
    """Two words must be equal; an initial only needs the same first letter."""
    return a[0] == c[0] if a.endswith(".") or c.endswith(".") else a == c


def _words_and_initials(given: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """("alan", "m.") → ("alan", ("m.",)); words must stand together, else ("", ...)."""
    words = [i for i, p in enumerate(given) if not p.endswith(".")]
    initials = tuple(p for p in given if p.endswith("."))
    if not words or words != list(range(words[0], words[-1] + 1)):
        return "", initials
    return "".join(given[i] for i in words), initials


def _without_english_name(given: tuple[str, ...]) -> tuple[str, ...]:
    """("wayne", "xin") → ("xin",): a leading non-pinyin word before pinyin words is an
    English name. Any other given name gives () (nothing to drop)."""
    if len(given) >= 2 and not _segmentations(given[0], limit=1) and all(_segmentations(p, limit=1) for p in given[1:]):
        return given[1:]
    return ()


def _match_forms(cand: NameForms, author: NameForms) -> Strength:
    best: Strength = "none"
    for c in cand.readings:
        for a in author.readings:
            if c.family != a.family:
                continue
            strength = _given_match(c.given, a.given, western=c.likely and not c.pinyin)
            if strength == "initials" and not c.likely:
                continue
            if _STRENGTH_ORDER[strength] > _STRENGTH_ORDER[best]:
                best = strength
                if best == "full":
                    return best
    return best


def match(candidate: str | list[str], author: str) -> Strength:
    """How well one author-list name matches the candidate (any of the candidate's forms).

    When both sides are written in Chinese characters, the characters decide: 董汉德 and
    董翰德 read alike but are different people.
    """
    forms = [name_variants(c) for c in ([candidate] if isinstance(candidate, str) else candidate) if c]
    a = name_variants(author)
    if a.hanzi and any(f.hanzi for f in forms):
        return "full" if any(f.hanzi == a.hanzi for f in forms) else "none"
    families = {r.family for f in forms if f.hanzi for r in f.readings if r.likely}
    forms = [f if f.hanzi else replace(f, readings=_oriented_by(f.readings, families)) for f in forms]
    best: Strength = "none"
    for f in forms:
        s = _match_forms(f, a)
        if _STRENGTH_ORDER[s] > _STRENGTH_ORDER[best]:
            best = s
    return best


def find_author(candidate: str | list[str], authors: list[str]) -> tuple[int, Strength] | None:
    """The candidate's 1-based position in an author list and how strong the match is.

    A full match beats initials. Two positions matching equally well return None: "could
    not tell" is better than choosing one of two "H. Dong"s.
    """
    scored = [(i, match(candidate, a)) for i, a in enumerate(authors, start=1)]
    levels: tuple[Strength, ...] = ("full", "initials")
    for level in levels:
        hits = [i for i, s in scored if s == level]
        if hits:
            return (hits[0], level) if len(hits) == 1 else None
    return None
