"""Compare ``factcheck report`` batches of this tree and an earlier commit, alternately.

    .venv/bin/python benchmarks/compare_report.py --base a37e40b
    .venv/bin/python benchmarks/compare_report.py --base HEAD~3 --pairs 3 --articles 60

On a shared machine the speed of the same command drifts by up to 1.6x within minutes,
so two benchmark runs taken apart say little about a change. Here the base commit
(checked out into a temporary git worktree) and this tree render the same articles
(half PolNeAR, half PTC from ../shared/eval, as in bench_report.py) one batch after
the other, ``--pairs`` times, with ``--jobs`` workers: each pair shares the machine's
conditions of the moment. Printed: wall time per report of every run, the means, and
the change. Both trees run on this tree's virtual environment.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_report import write_articles

ROOT = Path(__file__).resolve().parent.parent


def batch_seconds(tree: Path, articles: Path, out: Path, jobs: int) -> float:
    """Wall time of one ``factcheck report`` over ``articles`` run from ``tree``."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    cmd = [sys.executable, "-m", "factcheck", "report", str(articles), "-o", str(out)]
    cmd += ["--jobs", str(jobs)]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=tree, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{tree}: factcheck report failed ({proc.returncode}):\n{proc.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True, help="commit to compare against")
    parser.add_argument("--pairs", type=int, default=2, help="base/current runs, alternated")
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=2)
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
            times: dict[str, list[float]] = {"base": [], "current": []}
            for pair in range(1, args.pairs + 1):
                for name, tree in (("base", base_tree), ("current", ROOT)):
                    out = scratch_dir / f"out-{name}-{pair}"
                    per_report = batch_seconds(tree, articles, out, args.jobs) / count
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
