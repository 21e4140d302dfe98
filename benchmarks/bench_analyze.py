"""Throughput of ``factcheck analyze`` on the 1,000-article corpus, beside proselint 0.16.

Measures, in one run with the tools interleaved round by round:

- ``factcheck analyze DIR --format json`` (the whole analysis, no PDF), whole process;
- ``proselint check DIR`` (proselint 0.16.0 from its own venv);
- the start-up time of ``factcheck --help`` (median of 10).

Targets (issue "Analyse an article end to end"): the analysis in under a third of
proselint's time; ``factcheck --help`` under 0.3 s. Prints a Markdown table and writes
the raw numbers to benchmarks/.work/results-analyze.json.

Usage: .venv/bin/python benchmarks/bench_analyze.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import sys

from corpus import DEFAULT_OUT, ensure_corpus
from harness import (
    Series,
    ensure_proselint,
    factcheck_command,
    load_note,
    median_startup,
    run_rounds,
    series_json,
    table,
    tool_versions,
    write_results,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    manifest = ensure_corpus()
    corpus = str(DEFAULT_OUT)
    proselint = ensure_proselint()
    fc = factcheck_command()
    series = [
        Series("factcheck analyze DIR --format json", [*fc, "analyze", corpus, "--format", "json"]),
        Series("proselint check DIR", [*proselint, "check", corpus], ok_codes=(0, 1)),
    ]
    print(f"corpus: {manifest['files']} files, {manifest['bytes'] / 1e6:.2f} MB", file=sys.stderr)
    run_rounds(series, args.rounds)
    help_median, help_times, help_cpu = median_startup([*fc, "--help"])
    ratio = series[0].median / series[1].median
    cpu_ratio = series[0].cpu_median / series[1].cpu_median
    print(
        f"\n1,000 articles ({manifest['bytes'] / 1e6:.2f} MB of Markdown), "
        f"{args.rounds} interleaved rounds, medians; {load_note()}:\n"
    )
    print(table(series, "proselint check DIR"))
    print(
        f"\n`factcheck --help` start-up: {help_median:.3f} s wall, {help_cpu:.3f} s CPU "
        "(medians of 10)"
    )
    print(
        f"\nTargets: analyze < 1/3 of proselint: {'met' if ratio < 1 / 3 else 'NOT met'} "
        f"({ratio:.2f}x wall, {cpu_ratio:.2f}x CPU); "
        f"--help < 0.3 s: {'met' if help_median < 0.3 else 'NOT met'}"
    )
    path = write_results(
        "analyze",
        {
            "corpus": manifest,
            "rounds": args.rounds,
            "versions": tool_versions(proselint, None),
            "series": series_json(series),
            "help_startup_median_s": help_median,
            "help_startup_samples_s": help_times,
            "help_startup_median_cpu_s": help_cpu,
            "load": load_note(),
            "ratio_to_proselint": ratio,
            "cpu_ratio_to_proselint": cpu_ratio,
        },
    )
    print(f"\nraw numbers: {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
