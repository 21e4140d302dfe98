"""Shared by the benchmark scripts: peer tools, whole-process timing and peak memory.

Peers are installed on first use, never into the project's environment:
proselint 0.16.0 into its own virtual environment benchmarks/.work/peers-venv, and
write-good 1.0.8 with npm into benchmarks/.work/node_modules.

Each measurement runs one command as a child process with output to /dev/null and
records its wall time and peak memory: the peak resident set of the largest single
process (``os.wait4``'s ``ru_maxrss``) and, for tools that start worker processes,
the peak of the whole process tree's summed RSS, sampled from /proc every 10 ms.
Tools are interleaved round by round so that machine noise hits all of them alike;
medians are reported.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / ".work"
PEERS_VENV = WORK / "peers-venv"
PROSELINT_VERSION = "0.16.0"
WRITE_GOOD_VERSION = "1.0.8"


def factcheck_command() -> list[str]:
    """The factcheck console script of the environment running the benchmark."""
    script = Path(sys.executable).parent / "factcheck"
    return [str(script)] if script.exists() else [sys.executable, "-m", "factcheck"]


def ensure_proselint() -> list[str]:
    exe = PEERS_VENV / "bin" / "proselint"
    if not exe.exists():
        print(f"installing proselint=={PROSELINT_VERSION} into {PEERS_VENV}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(PEERS_VENV)], check=True)
        subprocess.run(
            [
                str(PEERS_VENV / "bin" / "python"),
                "-m",
                "pip",
                "install",
                "--quiet",
                f"proselint=={PROSELINT_VERSION}",
            ],
            check=True,
        )
    return [str(exe)]


def ensure_write_good() -> list[str]:
    script = WORK / "node_modules" / "write-good" / "bin" / "write-good.js"
    if not script.exists():
        npm = shutil.which("npm")
        if npm is None:
            sys.exit("write-good needs node and npm")
        print(f"installing write-good@{WRITE_GOOD_VERSION} into {WORK}", file=sys.stderr)
        WORK.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                npm,
                "install",
                "--silent",
                "--no-save",
                "--prefix",
                str(WORK),
                f"write-good@{WRITE_GOOD_VERSION}",
            ],
            check=True,
        )
    node = shutil.which("node") or "node"
    return [node, str(script)]


def tool_versions(proselint: Sequence[str], write_good: Sequence[str] | None) -> dict[str, str]:
    def out(cmd: Sequence[str]) -> str:
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        return (proc.stdout or proc.stderr).strip().splitlines()[0] if proc.returncode == 0 else "?"

    versions = {
        "factcheck": out([*factcheck_command(), "--version"]),
        "proselint": out([*proselint, "version"]),
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.system()}",
    }
    if write_good is not None:
        versions["write-good"] = out([*write_good, "--version"])
        versions["node"] = out([write_good[0], "--version"])
    return versions


@dataclass
class Sample:
    wall: float
    max_rss_mb: float  # largest single process
    tree_rss_mb: float  # largest sum over the process tree (sampled)
    returncode: int
    cpu: float = 0.0  # user + system seconds of the process and its waited-for children


def _tree_rss_kb(pid: int) -> int:
    total = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status", encoding="ascii", errors="replace") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children", encoding="ascii") as handle:
                    stack.extend(int(c) for c in handle.read().split())
        except (OSError, ValueError):
            continue
    return total


def measure(argv: Sequence[str], cwd: Path = ROOT) -> Sample:
    """Run ``argv`` once, output discarded; wall time and peak memory."""
    peak = [0]
    done = threading.Event()
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def sample() -> None:
        while not done.wait(0.01):
            peak[0] = max(peak[0], _tree_rss_kb(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    if Path("/proc").is_dir():
        sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    proc.returncode = os.waitstatus_to_exitcode(status)
    max_rss = usage.ru_maxrss / 1024
    cpu = usage.ru_utime + usage.ru_stime
    return Sample(wall, max_rss, max(max_rss, peak[0] / 1024), proc.returncode, cpu)


@dataclass
class Series:
    name: str
    argv: list[str]
    ok_codes: tuple[int, ...] = (0,)
    samples: list[Sample] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(s.wall for s in self.samples)

    @property
    def cpu_median(self) -> float:
        return statistics.median(s.cpu for s in self.samples)

    @property
    def peak_mb(self) -> float:
        return max(s.tree_rss_mb for s in self.samples)

    @property
    def max_process_mb(self) -> float:
        return max(s.max_rss_mb for s in self.samples)


def run_rounds(series: Sequence[Series], rounds: int, cwd: Path = ROOT) -> None:
    """Interleave: each round runs every series once, in order."""
    for i in range(rounds):
        for s in series:
            sample = measure(s.argv, cwd)
            if sample.returncode not in s.ok_codes:
                proc = subprocess.run(s.argv, cwd=cwd, capture_output=True, text=True, check=False)
                sys.exit(
                    f"{s.name} failed with exit {sample.returncode}: "
                    f"{(proc.stderr or proc.stdout).strip()[:500]}"
                )
            s.samples.append(sample)
            print(
                f"  round {i + 1}/{rounds} {s.name}: {sample.wall:.2f} s, "
                f"{sample.tree_rss_mb:.0f} MB",
                file=sys.stderr,
            )


def table(series: Sequence[Series], reference: str) -> str:
    """A Markdown table: median wall, min, CPU, peak memory, ratios to ``reference``.

    CPU seconds (user + system, children included) are reported beside wall time:
    on a shared machine they are the figure that other load disturbs least.
    """
    ref = next(s for s in series if s.name == reference)
    lines = [
        "| command | median wall (s) | min wall (s) | median CPU (s) | peak RSS, tree (MB) "
        f"| largest process (MB) | wall vs {reference} | CPU vs {reference} |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s in series:
        lines.append(
            f"| `{s.name}` | {s.median:.2f} | {min(x.wall for x in s.samples):.2f} "
            f"| {s.cpu_median:.2f} | {s.peak_mb:.0f} | {s.max_process_mb:.0f} "
            f"| {s.median / ref.median:.2f}x | {s.cpu_median / ref.cpu_median:.2f}x |"
        )
    return "\n".join(lines)


def write_results(name: str, payload: dict) -> Path:
    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / f"results-{name}.json"
    path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return path


def series_json(series: Sequence[Series]) -> list[dict]:
    return [
        {
            "name": s.name,
            "argv": s.argv,
            "median_s": s.median,
            "median_cpu_s": s.cpu_median,
            "peak_tree_rss_mb": s.peak_mb,
            "peak_process_rss_mb": s.max_process_mb,
            "samples": [asdict(x) for x in s.samples],
        }
        for s in series
    ]


def median_startup(argv: Sequence[str], n: int = 10) -> tuple[float, list[float], float]:
    """Median whole-process wall time of ``argv`` over ``n`` runs (after one warm-up).

    Returns the median wall time, the samples, and the median CPU time.
    """
    measure(argv)
    samples = [measure(argv) for _ in range(n)]
    times = [x.wall for x in samples]
    return statistics.median(times), times, statistics.median(x.cpu for x in samples)


def load_note() -> str:
    """The machine's load average: benchmarks on a busy machine say so."""
    try:
        one, five, _ = os.getloadavg()
    except OSError:
        return ""
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} CPUs"
