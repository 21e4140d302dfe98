"""Imported by the report's forkserver: loads WeasyPrint once for every PDF worker.

``factcheck report`` forks its PDF workers from a server process that imports the
modules named in ``cli_report.PRELOAD``. Importing this module imports WeasyPrint
the fast way (:func:`factcheck.render.pdf.import_weasyprint`): that is its whole
purpose, so, unlike every other module, it does work when imported. Nothing else
imports it.
"""

from __future__ import annotations

from factcheck.render.pdf import import_weasyprint

import_weasyprint()
