"""The result contract: an :class:`Analysis` as plain JSON-ready data.

Every machine-readable output (JSON Lines from ``analyze``, the JSON attached to the
PDF, the report context) starts from :func:`to_dict`, whose shape is fixed by
``schemas/result.schema.json`` (version :data:`SCHEMA_VERSION`). Offsets are Python
``str`` offsets into ``document.text`` (end exclusive); line and column are 1-based
and, for plain text and Markdown, point into the user's own file.
"""

from __future__ import annotations

import json
from typing import Any

from factcheck.model import Analysis, LineIndex

SCHEMA_VERSION = 1


class Positions:
    """Offsets to 1-based line/column in the user's file.

    Text and Markdown: the file is the text. HTML: line and column in the page, both
    (see :mod:`factcheck.ingest.sourcemap`); where a position's words cannot be found
    on the page, its line is the page line of its extracted line and its column 1.
    .docx: both in the extracted text, which the result carries.
    """

    def __init__(self, analysis: Analysis) -> None:
        doc = analysis.document
        self._doc = doc
        self._index = LineIndex(doc.text)
        self._page = None
        if doc.source is not None and doc.source_lines is not None:
            from factcheck.ingest.sourcemap import SourceMap

            self._page = SourceMap(doc.text, doc.source, doc.source_lines)

    def line_col(self, offset: int) -> tuple[int, int]:
        line, col = self._index.line_col(offset)
        lines = self._doc.source_lines
        if lines is None or not 0 < line <= len(lines):
            return line, col
        found = self._page.line_col(offset) if self._page is not None else None
        return found if found is not None else (lines[line - 1], 1)

    def locate(self, start: int, end: int) -> dict[str, int]:
        line, col = self.line_col(start)
        end_line, end_col = self.line_col(end)
        return {"line": line, "column": col, "end_line": end_line, "end_column": end_col}


def to_json(analysis: Analysis) -> str:
    """The result as one compact JSON line, without its newline.

    It is both ``analyze``'s record and the PDF's attachment. Compact, so json's C
    encoder writes it (an indented dump runs the pure-Python one).
    """
    return json.dumps(to_dict(analysis), ensure_ascii=False, separators=(",", ":"))


def to_dict(analysis: Analysis, *, include_text: bool | None = None) -> dict[str, Any]:
    """The JSON result of one analysed document (see schemas/result.schema.json).

    ``document.text`` is included when offsets do not refer to the user's file
    (HTML, .docx) or when ``include_text`` asks for it.
    """
    doc = analysis.document
    pos = Positions(analysis)
    speakers_by_id = {s.id: s for s in analysis.speakers}

    def speaker_name(speaker_id: str | None) -> str | None:
        if speaker_id is None:
            return None
        sp = speakers_by_id.get(speaker_id)
        return sp.name if sp else speaker_id

    if include_text is None:
        include_text = not doc.text_is_source
    document: dict[str, Any] = {
        "path": doc.path,
        "format": doc.format,
        "title": doc.meta.title,
        "date": doc.meta.date,
        "outlet": doc.meta.outlet,
        "url": doc.meta.url,
        "author": doc.meta.author,
        "encoding": doc.encoding,
        "chars": len(doc.text),
        "words": analysis.words(),
        "sentences": sum(1 for s in analysis.segments.sentences if not s.excluded),
        "paragraphs": sum(1 for p in analysis.segments.paragraphs if not p.excluded),
        "offsets_refer_to": "source" if doc.text_is_source else "text",
        "excluded": [
            {
                "start": e.start,
                "end": e.end,
                "reason": e.reason,
                "rule": e.rule,
                **pos.locate(e.start, e.end),
            }
            for e in doc.excluded
        ],
        "warnings": list(doc.warnings),
    }
    if include_text:
        document["text"] = doc.text

    claims = [
        {
            "id": c.id,
            "text": c.text,
            "start": c.start,
            "end": c.end,
            **pos.locate(c.start, c.end),
            "value": c.value,
            "low": c.low,
            "high": c.high,
            "unit": c.unit,
            "noun": c.noun,
            "verb": c.verb,
            "qualifier": c.qualifier,
            "kind": c.kind,
            "date": c.date,
            "status": c.status,
            "source": c.source,
            "speaker": speaker_name(c.speaker),
            "link": c.link,
            "voice": c.voice,
            "rule": c.rule,
        }
        for c in analysis.claims
    ]
    loaded = [
        {
            "id": t.id,
            "text": t.text,
            "start": t.start,
            "end": t.end,
            **pos.locate(t.start, t.end),
            "term": t.term,
            "category": t.category,
            "severity": t.severity,
            "voice": t.voice,
            "speaker": speaker_name(t.speaker),
            "suggestion": t.suggestion,
            "why": t.why,
            "rule": t.rule,
        }
        for t in analysis.loaded
    ]
    speakers = [
        {
            "id": s.id,
            "name": s.name,
            "aliases": list(s.aliases),
            "affiliation": s.affiliation,
            "side": s.side,
            "kind": s.kind,
            "role": s.role,
            "statements": s.statements,
            "mentions": len(s.mentions),
            "mention_spans": [[m.start, m.end] for m in s.mentions],
        }
        for s in analysis.speakers
    ]
    statements = [
        {
            "id": st.id,
            "speaker": st.speaker,
            "speaker_name": speaker_name(st.speaker),
            "side": st.side,
            "cue": st.cue,
            "cue_start": st.cue_start,
            "cue_end": st.cue_end,
            "direct": st.direct,
            "start": st.start,
            "end": st.end,
            **pos.locate(st.start, st.end),
            "text": st.text,
            "words": st.words,
            "cue_neutral": st.cue_neutral,
            "anonymous": st.anonymous,
            "rule": st.rule,
        }
        for st in analysis.statements
    ]
    balance = None
    if analysis.balance is not None:
        b = analysis.balance
        balance = {
            "score": b.score,
            "formula": b.formula,
            "unassigned": list(b.unassigned),
            "sides": [
                {
                    "name": s.name,
                    "speakers": list(s.speakers),
                    "statements": s.statements,
                    "direct": s.direct,
                    "words": s.words,
                    "share": s.share,
                    "first": s.first,
                    "last": s.last,
                    "mentions": s.mentions,
                    "loaded_about": s.loaded_about,
                    "accused": s.accused,
                    "replied": s.replied,
                }
                for s in b.sides
            ],
        }
    findings = [
        {
            "rule": f.rule,
            "name": f.name,
            "severity": f.severity,
            "message": f.message,
            "start": f.start,
            "end": f.end,
            **pos.locate(f.start, f.end),
            "voice": f.voice,
        }
        for f in analysis.findings
    ]
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {
            "name": "factcheck",
            "versions": dict(analysis.versions),
            "ruleset_digest": analysis.ruleset_digest,
        },
        "document": document,
        "claims": claims,
        "loaded": loaded,
        "speakers": speakers,
        "statements": statements,
        "balance": balance,
        "sentiment": dict(analysis.sentiment) if analysis.sentiment is not None else None,
        "readability": dict(analysis.readability) if analysis.readability is not None else None,
        "findings": findings,
        "rules_fired": list(analysis.rules_fired),
    }
