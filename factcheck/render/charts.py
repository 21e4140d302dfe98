"""Vector charts for the report, as small self-contained SVG documents.

Charts are drawn here, not in templates, because they are geometry rather than
layout. They must stay legible when the report is printed in black and white, so a
side is never told apart by colour alone: each side has a fill pattern (hatching,
dots, cross-hatching...) *and* every bar carries a text label. The SVG is returned as
a string and embedded by the templates as a ``data:`` URI, which the local-only URL
fetcher allows; nothing in a chart refers to any other resource.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from factcheck.textutil.plural import counted

FONT = "DejaVu Sans, sans-serif"

# (stroke/fill colour, pattern id) per side index; the last entry is for "no side".
SIDE_STYLES: tuple[tuple[str, str], ...] = (
    ("#1f5fa8", "hatch"),
    ("#c0571a", "dots"),
    ("#2c7d3f", "cross"),
    ("#7a3d99", "horizontal"),
    ("#8a6d00", "vertical"),
)
NO_SIDE_STYLE = ("#6b6b6b", "solid")


@dataclass(frozen=True, slots=True)
class VoiceBar:
    """One side in the share-of-voice chart."""

    name: str
    share: float  # of attributed words, 0..1
    statements: int
    direct: int
    style: int  # index into SIDE_STYLES, -1 for no side


def side_style(index: int) -> tuple[str, str]:
    """Colour and pattern name for the side at ``index`` (cycling), or the no-side style."""
    if index < 0:
        return NO_SIDE_STYLE
    return SIDE_STYLES[index % len(SIDE_STYLES)]


def data_uri(svg: str) -> str:
    """An SVG document as a ``data:`` URI for ``<img src>``."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def _pattern_defs(count: int) -> str:
    """One <pattern> per side style used, each drawn in that style's colour."""
    out = []
    for index in range(-1, count):
        colour, kind = side_style(index)
        pid = f"p{index + 1}"
        shape = {
            "hatch": f'<path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="{colour}" '
            'stroke-width="1.4"/>',
            "dots": f'<circle cx="3" cy="3" r="1.4" fill="{colour}"/>',
            "cross": f'<path d="M0,0 L6,6 M6,0 L0,6" stroke="{colour}" stroke-width="1"/>',
            "horizontal": f'<path d="M0,3 L6,3" stroke="{colour}" stroke-width="1.6"/>',
            "vertical": f'<path d="M3,0 L3,6" stroke="{colour}" stroke-width="1.6"/>',
            "solid": f'<rect width="6" height="6" fill="{colour}" fill-opacity="0.45"/>',
        }[kind]
        out.append(
            f'<pattern id="{pid}" width="6" height="6" patternUnits="userSpaceOnUse">'
            f'<rect width="6" height="6" fill="#ffffff"/>{shape}</pattern>'
        )
    return "<defs>" + "".join(out) + "</defs>"


def _text(
    x: float,
    y: float,
    label: str,
    *,
    size: float = 10,
    anchor: str = "start",
    weight: str = "normal",
    fill: str = "#222222",
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-family={quoteattr(FONT)} font-size="{size}" '
        f'text-anchor="{anchor}" font-weight="{weight}" fill="{fill}">{escape(label)}</text>'
    )


def share_of_voice(bars: Sequence[VoiceBar], *, width: int = 480) -> str:
    """Horizontal bars: each side's share of the words the story attributes to speakers.

    A dashed line marks the even share (1/n of the sides shown), the reference
    against which the balance score is computed.
    """
    label_w, value_w, row_h, top = 120, 150, 26, 8
    bar_w = width - label_w - value_w
    height = top + row_h * max(len(bars), 1) + 22
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">',
        _pattern_defs(max((b.style for b in bars), default=0) + 1),
    ]
    if not bars:
        parts.append(_text(width / 2, height / 2, "No attributed speech", anchor="middle"))
    for i, bar in enumerate(bars):
        y = top + i * row_h
        colour, _ = side_style(bar.style)
        share = min(max(bar.share, 0.0), 1.0)
        parts.append(_text(label_w - 8, y + 15, _clip(bar.name, 18), anchor="end", weight="bold"))
        parts.append(
            f'<rect x="{label_w}" y="{y + 3}" width="{bar_w}" height="16" fill="none" '
            'stroke="#bbbbbb" stroke-width="0.6"/>'
        )
        if share > 0:
            parts.append(
                f'<rect x="{label_w}" y="{y + 3}" width="{bar_w * share:.1f}" height="16" '
                f'fill="url(#p{bar.style + 1})" stroke="{colour}" stroke-width="1.2"/>'
            )
        value = f"{share:.0%} · {bar.statements} stmt, {bar.direct} direct"
        parts.append(_text(label_w + bar_w + 6, y + 15, value, size=9))
    if len(bars) > 1:
        even = label_w + bar_w / len(bars)
        bottom = top + row_h * len(bars)
        parts.append(
            f'<line x1="{even:.1f}" y1="{top}" x2="{even:.1f}" y2="{bottom}" stroke="#222222" '
            'stroke-width="0.8" stroke-dasharray="3,2"/>'
        )
        parts.append(_text(even, bottom + 14, "even share", size=8, anchor="middle"))
    parts.append("</svg>")
    return "".join(parts)


def histogram_bins(
    lengths: Sequence[int], *, step: int = 5, cap: int = 40
) -> list[tuple[str, int]]:
    """Sentence lengths in words, binned ``1-5, 6-10, ... , 41+``."""
    edges = list(range(0, cap, step))
    counts = [0] * (len(edges) + 1)
    for n in lengths:
        counts[min((max(n, 1) - 1) // step, len(edges))] += 1
    labels = [f"{lo + 1}–{lo + step}" for lo in edges] + [f"{cap + 1}+"]
    return list(zip(labels, counts, strict=True))


def sentence_lengths(lengths: Sequence[int], *, width: int = 480, height: int = 110) -> str:
    """Histogram of sentence lengths in words (bins of five; the last is 41 and over).

    One series, so bars are plain grey with a dark outline (nothing to tell apart
    by colour). Text is kept to a few axis labels: every SVG ``<text>`` costs as
    much to lay out as a paragraph. The caption (median, longest) goes in the page.
    """
    bins = histogram_bins(lengths)
    left, right, top, bottom = 14, 8, 14, 18
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max((c for _, c in bins), default=0) or 1
    slot = plot_w / len(bins)
    base = top + plot_h
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">',
        f'<line x1="{left}" y1="{top}" x2="{left + plot_w}" y2="{top}" stroke="#bbbbbb" '
        'stroke-width="0.6" stroke-dasharray="2,2"/>',
        _text(left, top - 4, counted(peak, "sentence"), size=8),
    ]
    for i, (_, count) in enumerate(bins):
        if count:
            h = plot_h * count / peak
            parts.append(
                f'<rect x="{left + i * slot + 3:.1f}" y="{base - h:.1f}" width="{slot - 6:.1f}" '
                f'height="{h:.1f}" fill="#c4c4c4" stroke="#222222" stroke-width="0.9"/>'
            )
    parts.append(
        f'<line x1="{left}" y1="{base}" x2="{left + plot_w}" y2="{base}" stroke="#222222" '
        'stroke-width="0.8"/>'
    )
    for words in (0, 10, 20, 30):  # bin edges, every other one
        x = left + slot * words / 5
        parts.append(
            f'<line x1="{x:.1f}" y1="{base}" x2="{x:.1f}" y2="{base + 3}" stroke="#222222" '
            'stroke-width="0.8"/>'
        )
        parts.append(_text(x, base + 13, str(words), size=8, anchor="middle"))
    parts.append(_text(left + plot_w - slot / 2, base + 13, "41+", size=8, anchor="middle"))
    parts.append("</svg>")
    return "".join(parts)


def sentence_length_caption(lengths: Sequence[int]) -> str:
    """What the histogram shows, in words (its caption and its text alternative)."""
    if not lengths:
        return "No sentences."
    ordered = sorted(lengths)
    return (
        f"Words per sentence, {counted(len(ordered), 'sentence')}: "
        f"median {ordered[len(ordered) // 2]}, "
        f"longest {ordered[-1]}; boilerplate left out."
    )


def _clip(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
