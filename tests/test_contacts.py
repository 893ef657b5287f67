"""Contact details the report relies on (IDN003 'no e-mail or phone'): obfuscated addresses count."""

from __future__ import annotations

import pytest

from auditor.parse.contacts import find_contacts


@pytest.mark.parametrize(
    ("line", "email"),
    [
        ("Email: mlin [at] cs.northfield.edu", "mlin@cs.northfield.edu"),
        ("mei.lin (at) northfield (dot) edu", "mei.lin@northfield.edu"),
        ("MLIN {AT} NORTHFIELD [DOT] EDU.", "MLIN@NORTHFIELD.EDU"),
        ("mei.lin at gmail dot com", "mei.lin@gmail.com"),
        ("E-mail: mlin at cs.northfield.edu", "mlin@cs.northfield.edu"),
    ],
)
def test_obfuscated_email_is_read(line: str, email: str) -> None:
    assert find_contacts(["Mei Lin", line]).emails == [email]


@pytest.mark.parametrize(
    "line",
    [
        "Research Engineer at deepmind.com for two years",
        "We met at the lab.",
        "Visiting student at Northfield University. Sheffield",
    ],
)
def test_at_in_prose_is_no_email(line: str) -> None:
    assert find_contacts(["Mei Lin", line]).emails == []
