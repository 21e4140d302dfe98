"""Sentence splitter speed (and agreement with pysbd) on real news articles.

Splits the article texts of ../shared/eval/{ptc_semeval2020,polnear,basil}.jsonl with
factcheck's splitter and reports MiB/s and ms/article (CPU time, best of three). If
pysbd is importable (it is NOT a dependency: ``.venv/bin/pip install pysbd`` just for
this measurement) it runs pysbd on the same paragraphs, reports its speed, the ratio,
and how far the two agree on sentence boundaries inside paragraphs (paragraph ends
are not counted).

    .venv/bin/python benchmarks/bench_segment.py [--pysbd-articles 200] [--show 20]
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from factcheck.ingest import document_from_text
from factcheck.segment import sentences_of
from factcheck.segment.paragraphs import find_paragraphs
from factcheck.segment.quotes import find_quotes

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
FILES = ("ptc_semeval2020", "polnear", "basil")
MIB = 1024 * 1024


def load_articles() -> list[str]:
    texts: list[str] = []
    for name in FILES:
        with open(EVAL / f"{name}.jsonl", encoding="utf-8") as fh:
            texts.extend(json.loads(line)["text"] for line in fh)
    return texts


Spans = list[list[tuple[int, int]]]


def ours(texts: list[str]) -> tuple[float, Spans, Spans]:
    """CPU time of paragraphs + sentences, best of three runs (the machine may be shared)."""
    best = float("inf")
    for _ in range(3):
        elapsed, paragraphs, sentences = _ours_once(texts)
        best = min(best, elapsed)
    return best, paragraphs, sentences


def _ours_once(texts: list[str]) -> tuple[float, Spans, Spans]:
    docs = [document_from_text(t) for t in texts]
    start = time.process_time()
    all_paragraphs = []
    all_sentences = []
    for doc in docs:
        paragraphs = find_paragraphs(doc)
        sentences = sentences_of(doc.view, paragraphs)
        all_paragraphs.append([(p.start, p.end) for p in paragraphs])
        all_sentences.append([(s.start, s.end) for s in sentences])
    elapsed = time.process_time() - start
    return elapsed, all_paragraphs, all_sentences


def time_given_paragraphs(texts: list[str]) -> tuple[float, float]:
    """CPU time of sentences alone and of quotations alone, paragraphs found beforehand."""
    docs = [document_from_text(t) for t in texts]
    paragraphs = [find_paragraphs(d) for d in docs]
    best_sentences = best_quotes = float("inf")
    for _ in range(3):
        start = time.process_time()
        for doc, ps in zip(docs, paragraphs, strict=True):
            sentences_of(doc.view, ps)
        middle = time.process_time()
        for doc, ps in zip(docs, paragraphs, strict=True):
            find_quotes(doc.view, ps)
        end = time.process_time()
        best_sentences = min(best_sentences, middle - start)
        best_quotes = min(best_quotes, end - middle)
    return best_sentences, best_quotes


def pysbd_sentences(texts, paragraphs) -> tuple[float, list[list[tuple[int, int]]]]:
    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
    out = []
    start = time.process_time()
    for text, ps in zip(texts, paragraphs, strict=True):
        spans = []
        for p0, p1 in ps:
            for span in seg.segment(text[p0:p1]):
                s, e = p0 + span.start, p0 + span.end
                while e > s and text[e - 1].isspace():
                    e -= 1
                if e > s:
                    spans.append((s, e))
        out.append(spans)
    return time.process_time() - start, out


def inner_ends(text: str, sentences, paragraphs) -> set[int]:
    """Sentence ends that are not paragraph ends, moved past closing quotes and brackets.

    pysbd often ends a sentence before its closing quote mark (``.|”``): the same
    boundary for this comparison.
    """
    para_ends = {e for _, e in paragraphs}
    out = set()
    for _, end in sentences:
        e = end
        while e < len(text) and text[e] in "\"'”’)]»":
            e += 1
        if e not in para_ends:
            out.add(e)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pysbd-articles", type=int, default=0, help="0 = all articles")
    ap.add_argument("--skip", type=int, default=0, help="start the pysbd comparison here")
    ap.add_argument("--show", type=int, default=0, help="print this many disagreements")
    args = ap.parse_args()

    texts = load_articles()
    size = sum(len(t.encode("utf-8")) for t in texts)
    ours(texts[:20])  # warm the compiled patterns
    elapsed, paragraphs, sentences = ours(texts)
    n_sent = sum(len(s) for s in sentences)
    print(f"articles: {len(texts)}  size: {size / MIB:.2f} MiB  sentences (ours): {n_sent}")
    print(f"times are CPU seconds; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(
        f"factcheck splitter (paragraphs + sentences): {elapsed:.3f} s  "
        f"{size / MIB / elapsed:.1f} MiB/s  {1000 * elapsed / len(texts):.3f} ms/article"
    )
    only, q = time_given_paragraphs(texts)
    print(
        f"  of which sentences alone: {only:.3f} s  {size / MIB / only:.1f} MiB/s  "
        f"{1000 * only / len(texts):.3f} ms/article"
    )
    print(f"factcheck quotations: {q:.3f} s  {1000 * q / len(texts):.3f} ms/article")

    try:
        import pysbd  # noqa: F401
    except ImportError:
        print("pysbd not installed: skipping the comparison (.venv/bin/pip install pysbd)")
        return
    k = args.pysbd_articles or len(texts)
    lo = args.skip
    sub_texts = texts[lo : lo + k]
    sub_paras, sub_sents = paragraphs[lo : lo + k], sentences[lo : lo + k]
    sub_size = sum(len(t.encode("utf-8")) for t in sub_texts)
    ours_sub, _, _ = ours(sub_texts)
    only_sub, _ = time_given_paragraphs(sub_texts)
    p_elapsed, p_sents = pysbd_sentences(sub_texts, sub_paras)
    print(
        f"pysbd 0.3 on the same {k} articles' paragraphs: {p_elapsed:.2f} s  "
        f"{sub_size / MIB / p_elapsed:.3f} MiB/s  {1000 * p_elapsed / k:.1f} ms/article"
    )
    print(
        f"speed ratio (pysbd time / factcheck time): {p_elapsed / ours_sub:.0f}x with "
        f"paragraph finding, {p_elapsed / only_sub:.0f}x for the sentence splitting alone"
    )
    tp = fp = fn = 0
    shown = 0
    for text, ps, mine, theirs in zip(sub_texts, sub_paras, sub_sents, p_sents, strict=True):
        a, b = inner_ends(text, mine, ps), inner_ends(text, theirs, ps)
        tp += len(a & b)
        fp += len(a - b)
        fn += len(b - a)
        for pos in sorted(a ^ b):
            if shown < args.show:
                who = "only factcheck" if pos in a else "only pysbd"
                print(f"  [{who}] ...{text[max(0, pos - 60) : pos]}|{text[pos : pos + 40]}...")
                shown += 1
    agree = tp / (tp + fp + fn) if tp + fp + fn else 1.0
    print(
        f"boundaries inside paragraphs: both {tp}, only factcheck {fp}, only pysbd {fn}; "
        f"agreement (both / either) {agree:.3f}"
    )


if __name__ == "__main__":
    main()
