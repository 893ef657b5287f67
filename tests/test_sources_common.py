"""Shared adapter helpers: source titles cleaned to plain text, and answers that cannot be
used reported as "could not check" (SourceError), never read as JSON by accident."""

from __future__ import annotations

import pytest

from auditor.verify.fetch import Response
from auditor.verify.records import SourceError
from auditor.verify.sources._common import clean_title, json_of


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("<i>In vivo</i> imaging of  <sub>2</sub>D\n  materials", "In vivo imaging of 2D materials"),
        (r"$\rho$-Regularised $\mathcal{O}(n^2)$ Attention", "ρ-Regularised O(n2) Attention"),
        (r"$\Gamma$ and $\varepsilon$ bounds", "Γ and ε bounds"),
        ("Fast &amp; Small: a &lt; b", "Fast & Small: a < b"),
        ("Plain title", "Plain title"),
        ('<jats:italic>E. coli</jats:italic> in <mml:math xmlns:mml="http://www.w3.org/1998/Math/MathML"><mml:mi>x</mml:mi></mml:math>', "E. coli in x"),
        ("When a<b and c>d", "When a<b and c>d"),
    ],
)
def test_clean_title(raw, clean):
    assert clean_title(raw) == clean


@pytest.mark.parametrize(
    ("status", "ctype", "body", "reason"),
    [
        (200, "text/html", b"<html></html>", "expected JSON"),
        (200, "application/json", b"{not json", "not valid JSON"),
        (429, "", b"", "rate limited"),
        (503, "text/html", b"<html/>", "server error"),
        (403, "application/json", b'{"message":"Forbidden"}', "access refused"),
    ],
)
def test_unusable_answers_are_source_errors(status, ctype, body, reason):
    resp = Response(status=status, body=body, headers={"content-type": ctype} if ctype else {})
    with pytest.raises(SourceError, match=reason) as info:
        json_of("demo", resp)
    assert info.value.source == "demo"
