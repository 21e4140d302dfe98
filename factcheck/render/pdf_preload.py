"""Imported by the report's forkserver: loads WeasyPrint once for every PDF worker.

``factcheck report`` forks its PDF workers from a server process that imports the
modules named in ``cli_report.PRELOAD``. Importing this module imports WeasyPrint
the fast way (:func:`factcheck.render.weasyprint_import.import_weasyprint`) and the
command's own module, which every worker imports again as its main module: that is
its whole purpose, so, unlike every other module, it does work when imported.
Nothing else imports it.

The garbage collector is off meanwhile: the imports make a few hundred thousand
objects that live as long as the process, so no collection could free any, and its
passes over them took about a sixth of the import (0.05-0.08 s of every report's
wait). What they made is then frozen: the workers' collections never walk it.
"""

from __future__ import annotations

import gc

from factcheck.render.weasyprint_import import import_weasyprint

gc.disable()
try:
    import_weasyprint()
    import factcheck.cli  # noqa: F401  (each worker's main module imports it)
finally:
    gc.enable()
gc.freeze()
