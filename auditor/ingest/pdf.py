"""PDF text with CJK intact and watermark, rotated, light and oversized text dropped.

pdfplumber (MIT, on pdfminer.six) exposes every character's matrix, colour and size, which
is what a watermark filter needs; PyMuPDF has a better API but is AGPL (ecosystem.md, B).
`upright` is True for 45-degree text, so the angle comes from the matrix itself.
"""

from __future__ import annotations

import io
import math
import statistics
from typing import Any

from auditor.errors import InputError
from auditor.ingest.extracted import Extracted
from auditor.ingest.limits import Limits
from auditor.models import DroppedText

LIGHT = 0.85  # grey level above which text is a watermark, not body text
HUGE = 2.5  # times the median body size


def _grey(colour: Any) -> float | None:
    """Lightness 0 (black) .. 1 (white) of a pdfminer colour tuple, whatever its space."""
    if colour is None:
        return None
    if isinstance(colour, (int, float)):
        return float(colour)
    vals = [float(v) for v in colour if isinstance(v, (int, float))]
    if len(vals) == 1:
        return vals[0]
    if len(vals) == 3:
        return 0.299 * vals[0] + 0.587 * vals[1] + 0.114 * vals[2]
    if len(vals) == 4:  # CMYK
        c, m, y, k = vals
        return (1 - min(1, c + k)) * 0.299 + (1 - min(1, m + k)) * 0.587 + (1 - min(1, y + k)) * 0.114
    return None


def _reason(ch: dict[str, Any], median_size: float) -> str | None:
    a, b = ch["matrix"][0], ch["matrix"][1]
    if abs(math.degrees(math.atan2(b, a))) > 2:
        return "rotated"
    grey = _grey(ch.get("non_stroking_color"))
    if grey is not None and grey > LIGHT:
        return "light"
    if median_size and ch.get("size", 0) > HUGE * median_size:
        return "oversized"
    return None


def read_pdf(data: bytes, limits: Limits) -> Extracted:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    dropped: list[DroppedText] = []
    lines: list[str] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > limits.max_pdf_pages:
                raise InputError(f"PDF has {len(pdf.pages)} pages, over the limit of {limits.max_pdf_pages}")
            for number, page in enumerate(pdf.pages, 1):
                sizes = [c.get("size", 0) for c in page.chars if c.get("text", "").strip()]
                median = statistics.median(sizes) if sizes else 0.0
                removed: dict[str, list[str]] = {}

                def keep(obj: dict[str, Any], median: float = median, removed: dict = removed) -> bool:
                    if obj.get("object_type") != "char":
                        return True
                    why = _reason(obj, median)
                    if why:
                        removed.setdefault(why, []).append(obj.get("text", ""))
                        return False
                    return True

                text = page.filter(keep).extract_text(use_text_flow=True) or ""
                for why, chars in removed.items():
                    dropped.append(DroppedText(text="".join(chars)[:500], reason=why, page=number))
                lines.extend(text.split("\n"))
    except InputError:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise InputError("encrypted PDF (needs a password)") from exc
    except (PDFSyntaxError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"not a readable PDF ({type(exc).__name__})") from exc
    except Exception as exc:  # pdfminer raises many private error types on broken files
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc  # pdfplumber wraps them
        if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)) or "password" in repr(inner).lower():
            raise InputError("encrypted PDF (needs a password)") from exc
        raise InputError(f"not a readable PDF ({type(exc).__name__})") from exc
    if any("(cid:" in line for line in lines[:200]):
        raise InputError("PDF text layer is unusable (fonts without a Unicode map); OCR it first")
    return Extracted(lines, dropped=dropped)
