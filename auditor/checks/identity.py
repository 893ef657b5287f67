"""Identity checks: placeholder or sequential phone numbers, odd e-mail addresses, no contact."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.checks.registry import CheckContext, Hit, NoParams, NotApplicable, check
from auditor.models import Resume
from auditor.parse.contacts import first_content_line

_SEQUENTIAL = ("12345678", "23456789", "87654321", "98765432", "00000000", "11111111", "88888888", "13800138000")
_PLACEHOLDER_DOMAINS = re.compile(r"@(?:example\.(?:com|org|net)|email\.com|xxx+\.com|test\.com|domain\.com|yourdomain|mail\.com$|abc\.com)", re.I)


def _line_of(ctx: CheckContext, needle: str) -> int | None:
    return next((n for n, raw in enumerate(ctx.doc.lines, 1) if needle in raw), None)


@check("identity.placeholder_phone", params=NoParams)
def placeholder_phone(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """A phone number with X's in it, or digits in a run like 1234-5678 / 00000000."""
    if not resume.contacts.phones:
        raise NotApplicable("no phone number")
    for phone in resume.contacts.phones:
        digits = re.sub(r"\D", "", phone)
        if re.search(r"[Xx]", phone) or any(s in digits for s in _SEQUENTIAL):
            n = _line_of(ctx, phone)
            if n:
                yield Hit((n,), {"phone": phone})


@check("identity.odd_email", params=NoParams)
def odd_email(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """An e-mail at a placeholder domain (example.com, email.com) or an address that is not well-formed.

    Not a hit: an address whose user name is a template's too ('name@domain.com'), which the
    placeholder check reports with the template's other blanks.
    """
    found = False
    for n, raw in enumerate(ctx.doc.lines[:60], 1):
        if "@" not in raw:  # the pattern needs one; without it, a long word is re-read from each letter
            continue
        for m in re.finditer(r"[\w.%+\-]{0,64}@[\w.\-]{0,255}", raw):  # bounded: see contacts.EMAIL
            token = m.group(0)
            if not token.split("@")[0] or "." not in token.split("@")[-1]:
                if re.search(r"(?:邮箱|email|e-mail|mail)\s*[:：]?\s*$", raw[: m.start()], re.I):
                    found = True
                    yield Hit((n,), {"email": token, "why": ctx.say("not a complete address", "地址不完整")}, confidence="medium")
                continue
            if _PLACEHOLDER_DOMAINS.search(token) and not _template_user(token, ctx):
                found = True
                yield Hit((n,), {"email": token, "why": ctx.say("a placeholder domain", "域名是占位用的示例域名")}, confidence="medium")
    if not found and not resume.contacts.emails:
        raise NotApplicable("no e-mail address")


def _template_user(token: str, ctx: CheckContext) -> bool:
    """The address's user name is a template's ('name@domain.com', 'yourname@example.com'): the
    placeholder check reports it as template text, so it is not reported twice."""
    return any(ph.id == "template-email-user" and re.search(ph.pattern, token) for ph in ctx.kb.placeholders)


@check("identity.contact_missing", params=NoParams)
def contact_missing(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """Neither an e-mail nor a phone number anywhere in the resume."""
    if not resume.contacts.emails and not resume.contacts.phones:
        yield Hit((resume.name_line or first_content_line(ctx.doc.lines),), {})
