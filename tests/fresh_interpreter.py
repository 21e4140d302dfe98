"""Running code in a fresh Python interpreter, for tests of what happens once per process.

Imports, import-time patches and the garbage collector's state are per process: a
test of them cannot run inside pytest's own, which has imported everything already.
"""

from __future__ import annotations

import subprocess
import sys


def run_python(code: str) -> str:
    """Run ``code`` in a fresh interpreter (imports and GC state of its own); its stdout."""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout
