"""Compare ``factcheck report`` batches of this tree and an earlier commit, alternately.

    .venv/bin/python benchmarks/compare_report.py --base a37e40b
    .venv/bin/python benchmarks/compare_report.py --base HEAD~3 --pairs 3 --articles 60
    .venv/bin/python benchmarks/compare_report.py --base HEAD~1 --articles 30 --instructions 6

On a shared machine the speed of the same command drifts by up to 1.6x within minutes,
so two benchmark runs taken apart say little about a change. Here the base commit
(checked out into a temporary git worktree) and this tree render the same articles
(half PolNeAR, half PTC from ../shared/eval, as in bench_report.py) one batch after
the other, ``--pairs`` times, with ``--jobs`` workers: each pair shares the machine's
conditions of the moment, and the tree that goes first alternates from pair to pair.
Printed: wall time per report of every run, the means, and the change. Both trees run
on this tree's virtual environment.

With ``--instructions N`` the comparison is by work done instead of time: each tree
renders its own HTML for the articles, then one PDF worker of each tree lays out N of
them under valgrind's callgrind, and the instructions executed per report are
compared (a run with no report is subtracted: imports, fonts, warm-up). The count does
not depend on what else the machine is doing: two copies of one commit differ by
about 0.2% (their paths and string hashing differ), so a 1% change shows. It takes
about 15 s per report on two cores, and needs valgrind.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_report import write_articles

ROOT = Path(__file__).resolve().parent.parent


def run_report(tree: Path, articles: Path, out: Path, *options: str) -> float:
    """Wall time of one ``factcheck report`` over ``articles`` run from ``tree``."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    cmd = [sys.executable, "-m", "factcheck", "report", str(articles), "-o", str(out), *options]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=tree, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{tree}: factcheck report failed ({proc.returncode}):\n{proc.stderr}")
    return elapsed


# One PDF worker's job, run under callgrind: warm up as a worker does, then lay out
# ``count`` of the HTML reports in a folder (evenly spread over its sorted files).
WORKER_SCRIPT = """
import sys
from pathlib import Path
from factcheck.cli_report import collector_paused, pdf_renderer, warm_up
folder, count = Path(sys.argv[1]), int(sys.argv[2])
pages = sorted(folder.glob("*.html"))
pages = pages[:: max(1, len(pages) // max(count, 1))][:count]
templates = Path("report_templates").resolve()
warm_up(templates)
renderer = pdf_renderer(templates)
for page in pages:
    with collector_paused():
        renderer.render(page.read_text(encoding="utf-8"), result_json="{}")
"""


def instructions(tree: Path, pages: Path, count: int) -> int:
    """Instructions callgrind counts for one worker of ``tree`` laying out ``count`` pages."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    cmd += [sys.executable, "-c", WORKER_SCRIPT, str(pages), str(count)]
    proc = subprocess.run(cmd, cwd=tree, env=env, capture_output=True, text=True, check=False)
    found = re.search(r"Collected : (\d+)", proc.stderr)
    if proc.returncode != 0 or not found:
        raise SystemExit(f"{tree}: callgrind run failed ({proc.returncode}):\n{proc.stderr}")
    return int(found.group(1))


def compare_instructions(base_tree: Path, articles: Path, scratch: Path, count: int) -> None:
    """Print instructions per report of both trees, and the change.

    The four callgrind runs (each tree with ``count`` reports and with none) go two at
    a time: the counts do not depend on what runs beside them.
    """
    from concurrent.futures import ThreadPoolExecutor

    if shutil.which("valgrind") is None:
        raise SystemExit("--instructions needs valgrind")
    trees = {"base": base_tree, "current": ROOT}
    for name, tree in trees.items():
        run_report(tree, articles, scratch / f"html-{name}", "--format", "html")
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = {
            (name, n): pool.submit(instructions, tree, scratch / f"html-{name}", n)
            for name, tree in trees.items()
            for n in (count, 0)
        }
        per_report = {
            name: (runs[name, count].result() - runs[name, 0].result()) / count for name in trees
        }
    for name in trees:
        print(f"{name:8s} {per_report[name] / 1e9:.3f} G instructions/report")
    change = 100 * (per_report["current"] / per_report["base"] - 1)
    print(f"change: {change:+.2f}% instructions per PDF report ({count} reports)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True, help="commit to compare against")
    parser.add_argument("--pairs", type=int, default=2, help="base/current runs, alternated")
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--instructions",
        type=int,
        metavar="N",
        help="compare callgrind instruction counts of N PDF reports instead of wall time",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="factcheck-compare-") as scratch:
        scratch_dir = Path(scratch)
        base_tree = scratch_dir / "base"
        subprocess.run(
            ["git", "worktree", "add", "--detach", "-q", str(base_tree), args.base],
            cwd=ROOT,
            check=True,
        )
        try:
            articles = scratch_dir / "articles"
            articles.mkdir()
            count = len(write_articles(articles, args.articles))
            if args.instructions:
                compare_instructions(base_tree, articles, scratch_dir, args.instructions)
                return
            times: dict[str, list[float]] = {"base": [], "current": []}
            order = [("base", base_tree), ("current", ROOT)]
            for pair in range(1, args.pairs + 1):
                # Alternate which tree goes first: on this machine the second batch of a
                # pair ran up to 8% slower even with both trees the same commit.
                for name, tree in order if pair % 2 else order[::-1]:
                    out = scratch_dir / f"out-{name}-{pair}"
                    per_report = run_report(tree, articles, out, "--jobs", str(args.jobs)) / count
                    times[name].append(per_report)
                    print(f"pair {pair}  {name:8s} {per_report:.3f} s/report", flush=True)
        finally:
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(base_tree)], cwd=ROOT, check=False
            )
    base, current = (statistics.mean(times[k]) for k in ("base", "current"))
    print(f"{args.base}: {base:.3f} s/report; this tree: {current:.3f} s/report ", end="")
    print(f"({100 * (current / base - 1):+.1f}%), {count} articles, --jobs {args.jobs}")


if __name__ == "__main__":
    main()
