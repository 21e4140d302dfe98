"""CI checks on editorial drafts: configuration, suppressions, baselines, changed lines.

``factcheck check`` (in :mod:`factcheck.cli_check`) is a thin layer over
:func:`factcheck.ci.run.run_check`, which expands paths, analyses every draft,
filters the findings and returns a :class:`factcheck.ci.results.CheckResult` that
the renderers in :mod:`factcheck.render.ci_formats` turn into text, JSON, SARIF,
GitHub annotations, GitLab Code Quality or JUnit XML.
"""
