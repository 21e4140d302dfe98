"""Benchmark ``factcheck report``: one report whole-process, 100 reports with --jobs, memory.

    .venv/bin/python benchmarks/bench_report.py              # all measurements
    .venv/bin/python benchmarks/bench_report.py --runs 5 --articles 100 --jobs 2

1. Whole-process time of ``factcheck report examples/channel-migrants.txt`` (the
   design example, PDF), median of ``--runs`` runs; the same with ``--format html``
   shows what the PDF costs on top.
2. One command over ``--articles`` news articles (half PolNeAR, half PTC, from
   ../shared/eval, written out as .txt into a temporary folder) with ``--jobs N``:
   wall time per report.
3. Peak memory: every process of that command is watched through /proc (VmHWM, the
   kernel's own peak resident set size), so the command itself, the forkserver and
   each PDF worker are reported separately; RUSAGE_CHILDREN's maxrss (the largest
   process of the tree) is printed as a cross-check.

Targets (issue 4): one report < 1.5 s whole process; 100 reports < 0.3 s each on
two cores; peak memory per worker < 250 MB.
"""

from __future__ import annotations

import argparse
import ctypes.util
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "channel-migrants.txt"
EVAL = ROOT.parent / "shared" / "eval"


def factcheck_command() -> list[str]:
    script = Path(sys.executable).with_name("factcheck")
    return [str(script)] if script.exists() else [sys.executable, "-m", "factcheck"]


def write_articles(folder: Path, count: int) -> list[Path]:
    """The first ``count`` articles: half PolNeAR, half PTC, in file order, as .txt."""
    paths = []
    per_source = {"polnear": count - count // 2, "ptc_semeval2020": count // 2}
    for source, wanted in per_source.items():
        with (EVAL / f"{source}.jsonl").open(encoding="utf-8") as handle:
            for i, line in enumerate(handle):
                if i >= wanted:
                    break
                record = json.loads(line)
                path = folder / f"{source}-{i:03d}.txt"
                path.write_text(record["text"], encoding="utf-8")
                paths.append(path)
    return paths


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr}")
    return elapsed


class TreeWatcher:
    """Samples VmHWM (peak RSS) of every process under ``root_pid`` until stopped."""

    def __init__(self, root_pid: int, interval: float = 0.05) -> None:
        self.root = root_pid
        self.interval = interval
        self.peak_kb: dict[int, int] = {}
        self.parent: dict[int, int] = {}
        self.name: dict[int, str] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> TreeWatcher:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._sample()
            time.sleep(self.interval)

    def _sample(self) -> None:
        """Walk the tree through /proc/PID/task/*/children: cheap, so it steals no CPU."""
        todo = [self.root]
        while todo:
            pid = todo.pop()
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        kb = int(line.split()[1])
                        self.peak_kb[pid] = max(self.peak_kb.get(pid, 0), kb)
                if pid not in self.name:
                    cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
                    self.name[pid] = cmd.decode(errors="replace")[:70]
                for task in os.listdir(f"/proc/{pid}/task"):
                    kids = Path(f"/proc/{pid}/task/{task}/children").read_text().split()
                    for child in map(int, kids):
                        self.parent[child] = pid
                        todo.append(child)
            except OSError:
                continue

    def roles(self) -> dict[str, list[int]]:
        """Peak KB of the command, its direct children (forkserver) and the rest (workers)."""
        out: dict[str, list[int]] = {"command": [], "forkserver": [], "workers": []}
        for pid, kb in self.peak_kb.items():
            if pid == self.root:
                out["command"].append(kb)
            elif self.parent.get(pid) == self.root:
                out["forkserver"].append(kb)
            else:
                out["workers"].append(kb)
        return out


def bench_single(runs: int, work: Path) -> dict[str, float]:
    cmd = factcheck_command()
    out = work / "single"
    results = {}
    for fmt in ("pdf", "html"):
        times = [
            timed([*cmd, "report", str(EXAMPLE), "-o", str(out), "--format", fmt])
            for _ in range(runs)
        ]
        results[f"single_{fmt}_median_s"] = statistics.median(times)
        results[f"single_{fmt}_min_s"] = min(times)
    return results


def bench_batch(count: int, jobs: int, work: Path, verbose: bool = False) -> dict[str, float]:
    articles = work / "articles"
    articles.mkdir()
    n = len(write_articles(articles, count))
    out = work / "batch"
    cmd = [*factcheck_command(), "report", str(articles), "-o", str(out), "--jobs", str(jobs)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with TreeWatcher(proc.pid) as watcher:
        stdout, stderr = proc.communicate()
    elapsed = time.perf_counter() - start
    written = len(list(out.glob("*.pdf")))
    if proc.returncode not in (0, 1) or written == 0:
        raise SystemExit(f"batch failed ({proc.returncode}):\n{stderr}")
    roles = watcher.roles()
    if verbose:
        for pid in sorted(watcher.peak_kb):
            print(
                f"  pid {pid} parent {watcher.parent.get(pid, '-')} "
                f"peak {watcher.peak_kb[pid] / 1024:.0f} MB  {watcher.name.get(pid, '')}",
                file=sys.stderr,
            )
    return {
        "articles": n,
        "pdfs_written": written,
        "failed": n - written,
        "jobs": jobs,
        "batch_wall_s": elapsed,
        "per_report_s": elapsed / n,
        "peak_command_mb": max(roles["command"], default=0) / 1024,
        "peak_forkserver_mb": max(roles["forkserver"], default=0) / 1024,
        "peak_worker_mb": max(roles["workers"], default=0) / 1024,
        "workers_seen": len(roles["workers"]),
        "rusage_children_maxrss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "stdout_lines": len(stdout.splitlines()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--skip-single", action="store_true")
    parser.add_argument("--skip-batch", action="store_true")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--verbose", action="store_true", help="list every process seen")
    args = parser.parse_args()

    results: dict[str, object] = {
        "cpus": os.cpu_count(),
        "harfbuzz_subset": bool(ctypes.util.find_library("harfbuzz-subset")),
    }
    work = Path(tempfile.mkdtemp(prefix="bench-report-"))
    try:
        if not args.skip_single:
            results.update(bench_single(args.runs, work))
        if not args.skip_batch:
            if not EVAL.is_dir():
                raise SystemExit(f"{EVAL} is missing: the batch benchmark reads ../shared/eval")
            results.update(bench_batch(args.articles, args.jobs, work, args.verbose))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for key, value in results.items():
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        print(f"{key:28s} {shown}")
    print(
        "targets: single_pdf_median_s < 1.5; per_report_s < 0.3 with --jobs 2; peak_worker_mb < 250"
    )


if __name__ == "__main__":
    main()
