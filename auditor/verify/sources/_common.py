"""What every source adapter needs: turn an unusable answer into `SourceError`, read JSON only
when it is JSON, and clean a source's title so it compares with the resume's.

A source that cannot answer must come out as "could not check", never as "not found" and
never as a crash, so every adapter funnels its responses through these helpers.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Callable
from typing import Any, TypeVar

from auditor.parse.text import shorten
from auditor.verify.fetch import Response
from auditor.verify.records import SourceError

F = TypeVar("F", bound=Callable[..., Any])

# Unexpected shapes show up as these when a parser walks a response; they become SourceError.
_SHAPE_ERRORS = (KeyError, TypeError, ValueError, AttributeError, IndexError)


def shape_checked(source: str) -> Callable[[F], F]:
    """Turn a parser's KeyError/TypeError/... on an unexpected response into SourceError.

    Sources change their JSON without notice; the user must see "could not check", not a traceback.
    """

    def wrap(fn: F) -> F:
        @functools.wraps(fn)
        def inner(*args: Any, **kwargs: Any) -> Any:
            try:
                return fn(*args, **kwargs)
            except SourceError:
                raise
            except _SHAPE_ERRORS as exc:
                raise SourceError(source, f"unexpected response shape ({type(exc).__name__}: {shorten(str(exc), 120)})", "bad_response") from exc

        return inner  # type: ignore[return-value]

    return wrap


def is_json(resp: Response) -> bool:
    ctype = resp.content_type
    return ctype == "application/json" or ctype.endswith("+json") or (ctype == "" and resp.body[:1] in (b"{", b"["))


def error_text(resp: Response) -> str:
    """The source's own short error text ("Title match not found"), or '' when there is none."""
    if is_json(resp):
        try:
            data = resp.json()
        except (ValueError, UnicodeDecodeError):
            return ""
        if isinstance(data, dict):
            for key in ("error", "message", "name"):
                if isinstance(data.get(key), str):
                    return shorten(data[key], 120)
        return ""
    if resp.content_type.startswith("text/plain"):
        return shorten(resp.text.strip(), 120)
    return ""


def unusable(source: str, resp: Response) -> SourceError:
    """The error for a response the adapter cannot use (rate limit, server error, refusal, ...)."""
    detail = error_text(resp)
    if resp.status == 429:
        reason, code = "rate limited (HTTP 429)", "http_429"
    elif resp.status >= 500:
        reason, code = f"server error (HTTP {resp.status})", "http_5xx"
    elif resp.status in (401, 403):
        reason, code = f"access refused (HTTP {resp.status})", "http_refused"
    elif 300 <= resp.status < 400:
        reason, code = f"unfollowed redirect (HTTP {resp.status})", "http_other"
    else:
        reason, code = f"unexpected HTTP {resp.status}", "http_other"
    return SourceError(source, f"{reason}: {detail}" if detail else reason, code, status=resp.status)


def ensure_ok(source: str, resp: Response) -> None:
    if not 200 <= resp.status < 300:
        raise unusable(source, resp)


def json_of(source: str, resp: Response) -> Any:
    """The JSON body of a 2xx response; SourceError for anything else (HTML error pages, text)."""
    ensure_ok(source, resp)
    if not is_json(resp):
        raise SourceError(source, f"expected JSON, got {resp.content_type or 'no content type'}", "bad_response")
    try:
        return resp.json()
    except (ValueError, UnicodeDecodeError) as exc:
        raise SourceError(source, "response is not valid JSON", "bad_response") from exc


def expect(source: str, value: Any, kind: type, what: str) -> Any:
    if not isinstance(value, kind):
        raise SourceError(source, f"unexpected response shape: {what} is {type(value).__name__}", "bad_response")
    return value


def redirect_path(resp: Response) -> str | None:
    """The same-host path a 3xx points to (`Location: /api/models/new/id`), if the fetcher did not follow it."""
    location = resp.headers.get("location", "")
    if location.startswith("/") and not location.startswith("//"):
        return location.split("?", 1)[0]
    return None


# --- titles -------------------------------------------------------------------------------

# The markup sources put in titles (HTML <i>/<sub>, JATS <jats:italic>, MathML <mml:mi>), by
# name, so that "a<b and c>d" in a title is left alone.
_TAG = re.compile(
    r"</?(?:[a-z]+:)?(?:i|b|em|strong|sub|sup|scp|sc|span|u|tt|small|br|p|italic|bold|inline-formula"
    r"|math|mi|mo|mn|ms|mrow|msub|msup|msubsup|mfrac|mtext|mspace|semantics|annotation)"
    r"""(?:\s+[\w:-]+=(?:"[^"]*"|'[^']*'))*\s*/?>""",
    re.IGNORECASE,
)
_MATH = re.compile(r"\$([^$]+)\$")
_COMMAND = re.compile(r"\\([A-Za-z]+)\s*")


def _latex_command(match: re.Match[str]) -> str:
    name = match.group(1)
    bare = name[3:] if name.startswith("var") else name
    case = "CAPITAL" if bare[:1].isupper() else "SMALL"
    try:  # \alpha -> α, \Gamma -> Γ (titles often carry Greek letters in math mode)
        return unicodedata.lookup(f"GREEK {case} LETTER {bare.upper()}")
    except KeyError:
        return ""  # \mathcal{O} -> O, \textbf{x} -> x: drop the command, keep its argument


def _math_to_text(match: re.Match[str]) -> str:
    text = _COMMAND.sub(_latex_command, match.group(1))
    return re.sub(r"[{}^_]", "", text)


def clean_title(raw: str) -> str:
    """A source title as plain text: entities decoded, HTML tags and `$…$` math markup removed,
    whitespace collapsed (arXiv wraps long titles with a newline and two spaces).

    Hand-written because only this small subset of LaTeX ever appears in titles; a LaTeX
    converter would be a heavy dependency for it.
    """
    text = html.unescape(raw)
    text = _TAG.sub("", text)
    text = _MATH.sub(_math_to_text, text)
    return " ".join(text.split())


def to_int(value: Any) -> int | None:
    """Sources send numbers as ints or (DBLP) strings; anything else is no number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None
