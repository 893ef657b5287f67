"""Compare what the resume claims with what the sources found: pure functions, one path.

The same functions judge a live answer and one replayed from the cache (the cache sits
below the adapters). Rules of judgement, from the research and the product's first rule
(no false alarm):
- nothing found is `not_found`, never "fabricated"; a source that failed is `error`;
- a contradiction needs a record whose title matches and a fact that cannot be explained
  by normal lag (DBLP and S2 show a CoRR record for months after acceptance; a paper
  rejected at one venue may be under review at another);
- names must agree in family AND given name (verify.names) before a position is judged.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from auditor.catalog.kb import KnowledgeBase, Venue, derived
from auditor.models import ClaimCheck, Publication, SourceAttempt
from auditor.parse.publications import VenueIndex, venue_index
from auditor.verify.names import find_author, match
from auditor.verify.records import SOURCE_NAMES, ModelRecord, PaperRecord, RepoRecord, ScholarProfile, SourceError
from auditor.verify.titles import same_title
from auditor.verify.wording import number, ordinal, say

# Where a decision is public: only OpenReview says "rejected" or "under review".
OPENREVIEW_VENUES = {"iclr", "neurips", "icml", "tmlr", "colm"}
# Sources in the order we trust their venue metadata (DBLP keys are curated; S2 venue mapping is noisy).
VENUE_TRUST = ("dblp", "openreview", "crossref", "openalex", "semantic_scholar", "arxiv")

Results = Mapping[str, "Sequence[PaperRecord] | SourceError"]


def _name(record: PaperRecord) -> str:
    return SOURCE_NAMES.get(record.source, record.source)




def _venue_index(kb: KnowledgeBase) -> tuple[VenueIndex, dict[str, Venue]]:
    """The parser's venue index (the same one, not a second build) and the venues by DBLP key."""
    return venue_index(kb), derived(kb, "venues-by-dblp", lambda k: {v.dblp: v for v in k.venues if v.dblp})


def record_venue_id(record: PaperRecord, kb: KnowledgeBase) -> str | None:
    """The KB venue a record is in, or None when we cannot tell (never guess). A workshop held
    at a conference is not the conference."""
    index, by_dblp = _venue_index(kb)
    if "workshop" in f"{record.venue} {record.venue_key}".lower():
        return None
    if record.venue_key and record.source in ("dblp", "semantic_scholar"):  # S2 carries the DBLP key too
        venue = by_dblp.get("/".join(record.venue_key.split("/")[:2]))
        if venue is not None:
            if venue.id in ("emnlp", "acl", "naacl") and record.venue and "findings" in record.venue.lower():
                return f"{venue.id}-findings" if f"{venue.id}-findings" in kb.venue_by_id else venue.id
            return venue.id
    for text in (record.venue, record.venue_key):
        if text:
            hit = index.find(text.replace(".cc/", " ").replace("/", " "))
            if hit and hit.venue_id:
                return hit.venue_id
    return None


VenueOf = Callable[[PaperRecord], "str | None"]


def _venue_memo(kb: KnowledgeBase) -> VenueOf:
    """record_venue_id, computed once per record: one judgement asks it about each record
    several times (a fifth of the judging time of a warm run went to repeating it)."""
    seen: dict[int, str | None] = {}
    records: list[PaperRecord] = []  # kept alive, so an id is never reused while in `seen`

    def venue_of(record: PaperRecord) -> str | None:
        if id(record) not in seen:
            records.append(record)
            seen[id(record)] = record_venue_id(record, kb)
        return seen[id(record)]

    return venue_of


def _is_preprint(record: PaperRecord, kb: KnowledgeBase, venue_of: VenueOf) -> bool:
    if record.status == "preprint":
        return True
    vid = venue_of(record)
    return vid is not None and kb.venue_by_id[vid].kind == "preprint"


def claimed_text(pub: Publication, lang: str = "en") -> str:
    parts = []
    if pub.author_position:
        parts.append(say(lang, "author", n=ordinal(lang, pub.author_position)) + (say(lang, "equal") if pub.equal_contribution else ""))
    venue = " ".join(x for x in (pub.venue, str(pub.year) if pub.year else None) if x)
    if venue:
        parts.append(venue)
    parts.append(say(lang, pub.status))
    return say(lang, "sep").join(parts)


def _venue_year(record: PaperRecord) -> str:
    venue = record.venue or ""
    if record.year and str(record.year) not in venue:
        venue = f"{venue} {record.year}".strip()
    return venue


def _found_text(record: PaperRecord, position: int | None, matched: bool, lang: str = "en") -> str:
    parts = []
    n = len(record.authors)
    if position:
        parts.append(say(lang, "of", n=ordinal(lang, position), m=n))
    elif n:
        parts.append(say(lang, "not_among", m=n) if matched else say(lang, "n_authors", m=n))
    if venue := _venue_year(record):
        parts.append(venue)
    parts.append(say(lang, record.status))
    return say(lang, "sep").join(parts)


def matching_records(title: str, results: Results, lang: str = "en") -> tuple[list[PaperRecord], list[SourceAttempt]]:
    records: list[PaperRecord] = []
    attempts: list[SourceAttempt] = []
    for source, answer in results.items():
        if isinstance(answer, SourceError):
            attempts.append(SourceAttempt(source=source, status="error", detail=answer.said_in(lang), reason=answer.code or "other"))
            continue
        hits = [r for r in answer if same_title(title, r.title)]
        records.extend(hits)
        if hits:
            attempts.append(SourceAttempt(source=source, status="confirmed", url=hits[0].url, detail=_found_text(hits[0], None, False, lang)))
        else:
            attempts.append(SourceAttempt(source=source, status="not_found", detail=say(lang, "results_none", k=len(answer))))
    return records, attempts


def _best(records: list[PaperRecord], kb: KnowledgeBase, venue_of: VenueOf) -> PaperRecord:
    """The record to show: a venue record over a preprint, the most trusted source first."""
    def rank(r: PaperRecord) -> tuple[int, int, int]:
        trust = VENUE_TRUST.index(r.source) if r.source in VENUE_TRUST else len(VENUE_TRUST)
        return (1 if _is_preprint(r, kb, venue_of) else 0, 0 if r.authors else 1, trust)

    return sorted(records, key=rank)[0]


def judge_paper(
    pub: Publication,
    candidate: Sequence[str],
    results: Results,
    kb: KnowledgeBase,
    as_of_year: int,
    lang: str = "en",
) -> ClaimCheck:
    title = pub.title or ""
    records, attempts = matching_records(title, results, lang)
    claimed = claimed_text(pub, lang)
    if not records:
        answered = [a for a in attempts if a.status != "error"]
        if not answered:
            reasons = say(lang, "join").join(f"{SOURCE_NAMES.get(a.source, a.source)}: {a.detail}" for a in attempts) or say(lang, "nobody_asked")
            codes = {a.reason for a in attempts}
            reason = codes.pop() if len(codes) == 1 else ("several" if codes else "not_asked")
            return ClaimCheck(status="error", detail=say(lang, "could_not", why=reasons), claimed=claimed, attempts=attempts, reason=reason)
        names = ", ".join(SOURCE_NAMES.get(a.source, a.source) for a in answered)
        return ClaimCheck(status="not_found", detail=say(lang, "no_record", names=names), claimed=claimed, issues=["not_found"], attempts=attempts)

    issues: list[str] = []
    notes: list[str] = []
    venue_of = _venue_memo(kb)
    best = _best(records, kb, venue_of)

    # Authorship: judged on the record with the fullest author list.
    position: int | None = None
    with_authors = max(records, key=lambda r: (len(r.authors), r is best))
    names = [n for n in candidate if n]
    if names and with_authors.authors:
        found = find_author(names, with_authors.authors)
        if found is not None:
            position = found[0]
            if pub.author_position and position != pub.author_position and pub.position_source != "none":
                if not (pub.equal_contribution and position <= max(pub.author_position, 3)):
                    issues.append("authorship")
                    notes.append(say(lang, "position", n=ordinal(lang, pub.author_position), source=_name(with_authors), m=ordinal(lang, position), total=len(with_authors.authors)))
        elif not any(match(names, a) != "none" for a in with_authors.authors):  # None also means "two could be the candidate"
            issues.append("not_an_author")
            notes.append(say(lang, "no_name", total=len(with_authors.authors), source=_name(with_authors)))

    # Decision status.
    claimed_vid = pub.venue_id
    # A workshop's decision is not the main conference's (research notes, OpenReview rule 5).
    decisions = [
        r for r in records
        if r.source == "openreview" and r.status in ("accepted", "rejected", "withdrawn", "under_review") and "/workshop" not in (r.venue_key or "").lower()
    ]
    same_venue_decisions = [r for r in decisions if claimed_vid is None or venue_of(r) in (claimed_vid, None)]
    venue_records = [r for r in records if not _is_preprint(r, kb, venue_of) and r.status in ("published", "accepted")]
    if pub.status == "under_review":
        # A rejection elsewhere is normal before a resubmission: only the claimed venue's own
        # rejection contradicts "under review"; an acceptance does wherever it is.
        decided = [
            r for r in same_venue_decisions
            if r.status == "accepted" or (r.status in ("rejected", "withdrawn") and claimed_vid is not None and venue_of(r) == claimed_vid)
        ]
        published_same = [r for r in venue_records if claimed_vid is None or venue_of(r) == claimed_vid]
        if decided:
            issues.append("status")
            notes.append(say(lang, "or_decided", status=say(lang, decided[0].status), venue=decided[0].venue or decided[0].venue_key))
        elif published_same:
            issues.append("status")
            notes.append(say(lang, "listed_published", source=_name(published_same[0]), venue=_venue_year(published_same[0])))
    elif pub.status in ("published", "accepted"):
        refused = [r for r in same_venue_decisions if r.status in ("rejected", "withdrawn", "under_review") and claimed_vid is not None]
        accepted_anywhere = [r for r in same_venue_decisions if r.status == "accepted"]
        if refused and not accepted_anywhere and not venue_records:
            issues.append("status")
            notes.append(say(lang, "or_refused", status=say(lang, refused[0].status), venue=refused[0].venue or refused[0].venue_key))
        elif not venue_records and not accepted_anywhere and all(_is_preprint(r, kb, venue_of) for r in records):
            # Indexes lag behind acceptance; only an older claim is worth asking about.
            if pub.year is None or pub.year < as_of_year - 1:
                issues.append("only_preprint")
                notes.append(say(lang, "only_preprint"))

    # Venue and year, against venue records we can place in the KB.
    if claimed_vid and venue_records and "status" not in issues:
        placed = {venue_of(r) for r in venue_records} - {None}
        if placed and claimed_vid not in placed and not _related(claimed_vid, placed, kb):
            issues.append("venue")
            other = _best([r for r in venue_records if venue_of(r) in placed], kb, venue_of)
            notes.append(say(lang, "listed_in", source=_name(other), venue=_venue_year(other)))
        elif pub.year and claimed_vid in placed:
            years = {r.year for r in venue_records if r.year and venue_of(r) == claimed_vid}
            if years and all(abs(y - pub.year) > 1 for y in years):
                issues.append("year")
                notes.append(say(lang, "year", found=sorted(years)[0], claimed=pub.year))

    check = ClaimCheck(
        status="contradicted" if issues else "confirmed",
        source=best.source,
        url=best.url,
        detail=say(lang, "join").join(notes) or None,
        claimed=claimed,
        found=_found_text(with_authors, position, bool(names), lang) if with_authors.authors else _found_text(best, None, False, lang),
        issues=issues,
        attempts=attempts,
    )
    return check


def _related(claimed: str, placed: set[str], kb: KnowledgeBase) -> bool:
    """A main venue and its own Findings/workshop are not 'a different venue' for lag reasons.

    Kin only through a real `parent` link: two venues without a parent are two venues (SIGIR
    and CIKM), never one family by both having none. A main-track claim whose record is the
    Findings (or the reverse) stays a question: that is the usual misrepresentation.
    """
    venues = kb.venue_by_id

    def parent(vid: str) -> str | None:
        return venues[vid].parent if vid in venues else None

    def kin(p: str) -> bool:
        up = parent(p)
        return up == claimed or (parent(claimed) is not None and parent(claimed) in (p, up))

    if any(p.endswith("findings") != claimed.endswith("findings") for p in placed):
        return False
    return any(kin(p) for p in placed)


# --- repositories, models, profiles ------------------------------------------------------------

def _no_answer(answer: object, source: str, url: str, said: str, missing: str, lang: str) -> ClaimCheck | None:
    """A failed source is "could not check"; no record is "not found"; else None (go on judging)."""
    if isinstance(answer, SourceError):
        return ClaimCheck(status="error", source=source, url=url, detail=say(lang, "could_not", why=answer.said_in(lang)), claimed=said,
                          reason=answer.code or "other")
    if answer is None:
        return ClaimCheck(status="not_found", source=source, url=url, detail=say(lang, missing), claimed=said, issues=["not_found"])
    return None


def judge_stars(claimed: float, repo: RepoRecord | None | SourceError, url: str, lang: str = "en") -> ClaimCheck:
    """Stars only grow much, so fewer than half the claim is a contradiction; more is normal."""
    said = say(lang, "stars", n=number(claimed))
    if not isinstance(repo, RepoRecord):
        return _no_answer(repo, "github", url, said, "no_repo", lang)  # type: ignore[return-value]
    found = (
        say(lang, "stars_on", n=number(repo.stars), repo=repo.full_name)
        + (say(lang, "fork_of", parent=repo.parent) if repo.fork and repo.parent else "")
        + (say(lang, "created", date=repo.created) if repo.created else "")
    )
    issues = []
    if repo.stars < 0.5 * claimed:
        issues.append("stars")
        if repo.fork:
            issues.append("fork")
    return ClaimCheck(status="contradicted" if issues else "confirmed", source="github", url=repo.url, claimed=said, found=found, issues=issues,
                      detail=say(lang, "fork") if "fork" in issues else None)


def judge_downloads(claimed: float, model: ModelRecord | None | SourceError, url: str, lang: str = "en") -> ClaimCheck:
    """Compared with the all-time count; a 30-day count alone never refutes an all-time claim."""
    said = say(lang, "downloads", n=number(claimed))
    if not isinstance(model, ModelRecord):
        return _no_answer(model, "huggingface", url, said, "no_model", lang)  # type: ignore[return-value]
    total, recent = model.downloads_all_time, model.downloads_30d
    counts = [say(lang, "dl_all", n=number(total)) if total is not None else None, say(lang, "dl_30", n=number(recent)) if recent is not None else None]
    found = say(lang, "sep").join(x for x in counts if x) + f" ({model.id})"
    if total is None:
        if recent is not None and recent >= claimed:
            return ClaimCheck(status="confirmed", source="huggingface", url=model.url, claimed=said, found=found)
        return ClaimCheck(status="error", source="huggingface", url=model.url, claimed=said, found=found, detail=say(lang, "only_30"),
                          reason="only_30_days")
    issues = ["downloads"] if total < 0.5 * claimed else []
    return ClaimCheck(status="contradicted" if issues else "confirmed", source="huggingface", url=model.url, claimed=said, found=found, issues=issues)


def judge_citations(claimed: float, profile: ScholarProfile | None | SourceError, url: str, lang: str = "en") -> ClaimCheck:
    said = say(lang, "citations", n=number(claimed))
    if not isinstance(profile, ScholarProfile) or profile.citations is None:
        return _no_answer(None if isinstance(profile, ScholarProfile) else profile, "google_scholar", url, said, "no_profile", lang)  # type: ignore[return-value]
    found = say(lang, "profile", n=number(profile.citations), h=profile.h_index if profile.h_index is not None else "?", name=profile.name)
    issues = ["citations"] if profile.citations < 0.5 * claimed else []
    return ClaimCheck(status="contradicted" if issues else "confirmed", source="google_scholar", url=profile.url, claimed=said, found=found, issues=issues)
