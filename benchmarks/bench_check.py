"""``factcheck check`` on the 1,000-article corpus beside proselint 0.16 and write-good 1.0.8.

In one run, interleaved round by round, whole-process wall time and peak memory of:

- ``factcheck check DIR`` (defaults: every detector on, worker processes per CPU);
- ``factcheck check DIR --jobs 1`` (one process, for a like-for-like comparison);
- ``proselint check DIR`` (0.16.0, its own venv);
- ``write-good FILE...`` (1.0.8 under node, every file of the corpus as an argument);

plus a clean single draft (tests/fixtures/drafts/clean.md) checked whole-process,
median of 10. Targets (issue "CI checks on editorial drafts"): at most a third of
proselint's time, faster than write-good, a clean draft in under 0.5 s. Prints a
Markdown table; raw numbers go to benchmarks/.work/results-check.json.

Usage: .venv/bin/python benchmarks/bench_check.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import sys

from corpus import DEFAULT_OUT, ensure_corpus
from harness import (
    ROOT,
    Series,
    ensure_proselint,
    ensure_write_good,
    factcheck_command,
    load_note,
    median_startup,
    run_rounds,
    series_json,
    table,
    tool_versions,
    write_results,
)

CLEAN_DRAFT = ROOT / "tests" / "fixtures" / "drafts" / "clean.md"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    manifest = ensure_corpus()
    corpus = DEFAULT_OUT
    files = sorted(str(p) for p in corpus.glob("*.md"))
    proselint = ensure_proselint()
    write_good = ensure_write_good()
    fc = factcheck_command()
    series = [
        Series("factcheck check DIR", [*fc, "check", str(corpus)], ok_codes=(0, 1)),
        Series(
            "factcheck check DIR --jobs 1",
            [*fc, "check", str(corpus), "--jobs", "1"],
            ok_codes=(0, 1),
        ),
        Series("proselint check DIR", [*proselint, "check", str(corpus)], ok_codes=(0, 1)),
        # write-good exits with its number of suggestions: any code is a completed run.
        Series("write-good FILES", [*write_good, *files], ok_codes=tuple(range(256))),
    ]
    print(f"corpus: {manifest['files']} files, {manifest['bytes'] / 1e6:.2f} MB", file=sys.stderr)
    run_rounds(series, args.rounds)
    clean_median, clean_times, clean_cpu = median_startup([*fc, "check", str(CLEAN_DRAFT)])
    by_name = {s.name: s for s in series}
    fc = by_name["factcheck check DIR"]
    fc_one = by_name["factcheck check DIR --jobs 1"]
    prose = by_name["proselint check DIR"]
    wg = by_name["write-good FILES"]
    print(
        f"\n1,000 articles ({manifest['bytes'] / 1e6:.2f} MB of Markdown), "
        f"{args.rounds} interleaved rounds, medians; {load_note()}:\n"
    )
    print(table(series, "proselint check DIR"))
    print(
        f"\nclean single draft, `factcheck check {CLEAN_DRAFT.relative_to(ROOT)}`: "
        f"{clean_median:.3f} s wall, {clean_cpu:.3f} s CPU (medians of 10)"
    )

    def verdict(ok: bool) -> str:
        return "met" if ok else "NOT met"

    print(
        "\nTargets (wall; CPU in brackets):\n"
        f"- check < 1/3 of proselint: {verdict(fc.median < prose.median / 3)} "
        f"({fc.median / prose.median:.2f}x [{fc.cpu_median / prose.cpu_median:.2f}x]; "
        f"--jobs 1 {fc_one.median / prose.median:.2f}x "
        f"[{fc_one.cpu_median / prose.cpu_median:.2f}x])\n"
        f"- faster than write-good: {verdict(fc.median < wg.median)} "
        f"({fc.median / wg.median:.2f}x [{fc.cpu_median / wg.cpu_median:.2f}x])\n"
        f"- clean draft < 0.5 s: {verdict(clean_median < 0.5)}"
    )
    path = write_results(
        "check",
        {
            "corpus": manifest,
            "rounds": args.rounds,
            "versions": tool_versions(proselint, write_good),
            "series": series_json(series),
            "clean_draft_median_s": clean_median,
            "clean_draft_samples_s": clean_times,
            "clean_draft_median_cpu_s": clean_cpu,
            "load": load_note(),
        },
    )
    print(f"\nraw numbers: {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
