"""Load rule files, validate them against the rule schema, and select them by id.

Rules are data: a YAML file per rule under ``rules/<area>/<ID>-<name>.yml``. Every file
is validated on load against ``schemas/rule.schema.json`` (plus the body schema of
its kind); an error names the file, the line, the key and the fix. Stages read the
validated bodies through :meth:`RuleSet.of_kind` and compile what they need.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck import resources
from factcheck.errors import RuleFileError
from factcheck.model import Severity
from factcheck.rulecache import RuleCache

if TYPE_CHECKING:
    import yaml

_BOOL_TAG = "tag:yaml.org,2002:bool"


@cache
def _rule_loader() -> type:
    """Safe loader (libyaml's C parser when PyYAML has it) with YAML 1.2 booleans.

    YAML 1.1 reads ``no``, ``on``, ``yes`` and ``off`` as booleans: a lexicon word
    list holding "no" would silently become ``False``. Only true/false are booleans here.
    Built on first use: a run whose rules come from the rule cache never imports YAML.
    """
    import yaml

    class RuleLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        pass

    RuleLoader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL_TAG]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    RuleLoader.add_implicit_resolver(
        _BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )
    return RuleLoader


MARKER_RE = re.compile(r"\[\[(.+?)\]\]", re.S)
KINDS = ("lexicon", "cues", "roles", "sides", "quantities", "boilerplate", "check")


@dataclass(frozen=True, slots=True)
class Examples:
    flag: tuple[str, ...]
    pass_: tuple[str, ...]
    todo_flag: tuple[str, ...] = ()
    todo_pass: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Rule:
    """One validated rule file."""

    id: str
    name: str
    kind: str
    severity: Severity
    summary: str
    description: str
    source: str
    link: str | None
    path: Path
    body: Mapping[str, Any]
    examples: Examples
    enabled: bool = True

    @property
    def title(self) -> str:
        return f"{self.id} {self.name}"


@dataclass(frozen=True, slots=True)
class RuleSet:
    """The active rules of one run, after directories, disables and severity overrides."""

    rules: tuple[Rule, ...]
    digest: str
    _by_id: Mapping[str, Rule] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {r.id: r for r in self.rules})

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._by_id

    def get(self, rule_id: str) -> Rule | None:
        return self._by_id.get(rule_id)

    def of_kind(self, kind: str) -> tuple[Rule, ...]:
        """Enabled rules of one kind, in id order."""
        return tuple(r for r in self.rules if r.kind == kind and r.enabled)

    def check(self, name: str) -> Rule | None:
        """The enabled ``check`` rule that runs built-in check ``name``, if any."""
        for rule in self.of_kind("check"):
            if rule.body["check"] == name:
                return rule
        return None

    def severity(self, rule_id: str) -> Severity:
        rule = self._by_id.get(rule_id)
        return rule.severity if rule else "warning"

    def configured(
        self,
        *,
        disable: Iterable[str] = (),
        enable: Iterable[str] = (),
        severities: Mapping[str, str] | None = None,
    ) -> RuleSet:
        """A copy with rules turned off or on and severities changed, by id or id prefix.

        Raises RuleFileError for an id or prefix that matches no rule, so a typo in a
        configuration never silently does nothing.
        """
        rules = list(self.rules)

        def matching(selector: str) -> list[int]:
            hits = [i for i, r in enumerate(rules) if r.id == selector or r.id.startswith(selector)]
            if not hits:
                raise RuleFileError(
                    "configuration",
                    f"no rule has the id '{selector}'",
                    hint=_did_you_mean(selector, [r.id for r in rules]),
                )
            return hits

        for selector in disable:
            for i in matching(selector):
                rules[i] = replace(rules[i], enabled=False)
        for selector in enable:
            for i in matching(selector):
                rules[i] = replace(rules[i], enabled=True)
        for selector, level in (severities or {}).items():
            if level not in ("error", "warning", "info"):
                raise RuleFileError(
                    "configuration",
                    f"severity for '{selector}' must be error, warning or info, not '{level}'",
                )
            for i in matching(selector):
                rules[i] = replace(rules[i], severity=level)  # type: ignore[arg-type]
        return RuleSet(tuple(rules), self.digest)


def load_ruleset(extra_dirs: Sequence[Path | str] = (), *, include_default: bool = True) -> RuleSet:
    """Load the default rules plus every rule file under ``extra_dirs``.

    A rule in an extra directory with the id of a default rule replaces it, so a
    newsroom can adapt a shipped rule without forking the package.
    """
    dirs: list[Path] = [resources.rules_dir()] if include_default else []
    for d in extra_dirs:
        path = Path(d)
        if not path.is_dir():
            raise RuleFileError(
                str(path),
                "rule directory not found",
                hint="pass an existing folder of .yml rule files to --rules",
            )
        dirs.append(path)
    by_id: dict[str, Rule] = {}
    digest = hashlib.sha256()
    cache = RuleCache(rule_schema())
    for directory in dirs:
        seen_here: dict[str, Path] = {}
        for file in sorted(directory.rglob("*.yml")) + sorted(directory.rglob("*.yaml")):
            if file.name.startswith("_"):
                continue
            raw = file.read_bytes()
            digest.update(file.name.encode() + b"\0" + raw)
            key = cache.key(file.name, raw)
            data = cache.get(key)
            if data is None:
                data = validated_data(file, raw.decode("utf-8", errors="replace"))
                cache.put(key, data)
            rule = _rule_from_data(file, data)
            if rule.id in seen_here:
                raise RuleFileError(
                    str(file),
                    f"duplicate rule id {rule.id}",
                    line=1,
                    key="id",
                    hint=f"already used by {seen_here[rule.id]}; ids are unique",
                )
            seen_here[rule.id] = file
            by_id[rule.id] = rule
    cache.save()
    rules = tuple(sorted(by_id.values(), key=lambda r: r.id))
    return RuleSet(rules, digest.hexdigest()[:16])


def load_rule_file(path: Path, text: str | None = None) -> Rule:
    """Parse and validate one rule file, raising RuleFileError with file, line and key."""
    return _rule_from_data(path, validated_data(path, text))


def validated_data(path: Path, text: str | None = None) -> dict[str, Any]:
    """The rule file's data, validated against the schema (errors name file, line, key)."""
    shown = _display_path(path)
    if text is None:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise RuleFileError(shown, f"cannot read rule file: {exc}") from None
    import yaml

    try:
        data = yaml.load(text, Loader=_rule_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RuleFileError(
            shown, f"not valid YAML: {problem}", line=line, hint="check indentation and quoting"
        ) from None
    if not isinstance(data, dict):
        raise RuleFileError(
            shown, "a rule file must be a mapping of keys (id, name, kind, ...)", line=1
        )
    _validate(shown, data, text)
    stem_id = path.stem.split("-", 1)[0]
    if stem_id != data["id"]:
        raise RuleFileError(
            shown,
            f"file name must start with the rule id '{data['id']}'",
            line=_line_of(_compose(text), ["id"]),
            key="id",
            hint=f"rename the file to {data['id']}-{data['name']}.yml",
        )
    if data["kind"] == "boilerplate":
        _compile_patterns(shown, text, data)
    return data


def _rule_from_data(path: Path, data: dict[str, Any]) -> Rule:
    body = {k: v for k, v in data.items() if k not in _HEADER_KEYS}
    examples = data["examples"]
    return Rule(
        id=data["id"],
        name=data["name"],
        kind=data["kind"],
        severity=data["severity"],
        summary=data["summary"],
        description=data["description"].strip(),
        source=data["source"],
        link=data.get("link"),
        path=path,
        body=body,
        examples=Examples(
            flag=tuple(examples["flag"]),
            pass_=tuple(examples["pass"]),
            todo_flag=tuple(examples.get("todo_flag", ())),
            todo_pass=tuple(examples.get("todo_pass", ())),
        ),
        enabled=data.get("enabled", True),
    )


def strip_markers(example: str) -> tuple[str, list[tuple[int, int]]]:
    """Remove ``[[...]]`` markers from an example; return the text and the marked spans."""
    spans: list[tuple[int, int]] = []
    out: list[str] = []
    pos = 0
    length = 0
    for m in MARKER_RE.finditer(example):
        before = example[pos : m.start()]
        out.append(before)
        length += len(before)
        inner = m.group(1)
        spans.append((length, length + len(inner)))
        out.append(inner)
        length += len(inner)
        pos = m.end()
    out.append(example[pos:])
    return "".join(out), spans


_HEADER_KEYS = frozenset(
    {
        "id",
        "name",
        "kind",
        "severity",
        "summary",
        "description",
        "source",
        "link",
        "enabled",
        "examples",
    }
)


@cache
def rule_schema() -> dict[str, Any]:
    """The full rule schema: the header file with every kind's body schema under ``$defs``."""
    schema = json.loads(resources.schema_path("rule.schema.json").read_text(encoding="utf-8"))
    for kind in KINDS:
        kind_file = resources.schema_path(f"kinds/{kind}.schema.json")
        schema["$defs"][kind] = json.loads(kind_file.read_text(encoding="utf-8"))
    return schema


@cache
def _validator() -> Any:
    import jsonschema  # imported on first rule load only

    return jsonschema.Draft202012Validator(rule_schema())


def _compose(text: str) -> yaml.Node | None:
    """The YAML node tree, for line numbers: built only on the error path."""
    import yaml

    return yaml.compose(text, Loader=_rule_loader())


def _validate(shown: str, data: dict[str, Any], text: str) -> None:
    errors = sorted(_validator().iter_errors(data), key=lambda e: (len(e.absolute_path), e.message))
    if not errors:
        return
    node = _compose(text)
    error = _most_useful(errors)
    path = list(error.absolute_path)
    message, key, hint = _explain(error, data)
    if key is not None and error.validator in ("unevaluatedProperties", "additionalProperties"):
        line = _line_of(node, [*path, key], key_line=True)
    else:
        line = _line_of(node, path)
    key_path = ".".join(str(p) for p in [*path, key] if p is not None) or None
    raise RuleFileError(shown, message, line=line, key=key_path, hint=hint)


def _most_useful(errors: list[Any]) -> Any:
    """Prefer errors about this file's own keys over the if/then wrappers around them."""
    flat: list[Any] = []
    stack = list(errors)
    while stack:
        err = stack.pop()
        if err.context:
            stack.extend(err.context)
        else:
            flat.append(err)
    unknown = ("unevaluatedProperties", "additionalProperties")
    flat.sort(
        key=lambda e: (e.validator not in unknown, -len(e.absolute_path), e.validator != "required")
    )
    for err in flat:
        if err.validator not in ("if", "then", "allOf", "$ref"):
            return err
    return errors[0]


def _explain(error: Any, data: dict[str, Any]) -> tuple[str, str | None, str | None]:
    """Turn a jsonschema error into (message, offending key, fix)."""
    v = error.validator
    schema = error.schema if isinstance(error.schema, dict) else {}
    if v in ("unevaluatedProperties", "additionalProperties"):
        unknown = sorted(set(error.instance) - _allowed_keys(error, data))
        key = unknown[0] if unknown else None
        allowed = sorted(_allowed_keys(error, data))
        return (
            "unknown key",
            key,
            _did_you_mean(key or "", allowed) or f"allowed keys: {', '.join(allowed)}",
        )
    if v == "required":
        missing = re.findall(r"'([^']+)' is a required property", error.message)
        key = missing[0] if missing else None
        return ("missing required key", key, _REQUIRED_HINTS.get(key or "", "add it to the file"))
    if v == "enum":
        options = ", ".join(str(o) for o in schema.get("enum", []))
        return (f"must be one of {options} (got {error.instance!r})", None, None)
    if v == "pattern":
        desc = schema.get("description", "")
        return (
            f"{error.instance!r} does not have the expected form",
            None,
            desc or f"it must match {schema.get('pattern')}",
        )
    if v == "minItems":
        return ("needs at least one item", None, _REQUIRED_HINTS.get(_last_key(error)))
    if v == "type":
        return (
            f"must be of type {schema.get('type')} (got {type(error.instance).__name__})",
            None,
            None,
        )
    return (error.message, None, None)


def _allowed_keys(error: Any, data: dict[str, Any]) -> set[str]:
    schema = error.schema if isinstance(error.schema, dict) else {}
    if error.validator == "additionalProperties":
        return set(schema.get("properties", {}))
    keys = set(rule_schema()["properties"])
    kind = data.get("kind")
    if kind in KINDS:
        keys |= set(rule_schema()["$defs"][kind].get("properties", {}))
    return keys


def _last_key(error: Any) -> str:
    path = [p for p in error.absolute_path if isinstance(p, str)]
    return path[-1] if path else ""


_REQUIRED_HINTS = {
    "examples": "add examples: {flag: [...], pass: [...]}; mark expected spans [[like this]]",
    "flag": "add at least one text that must match, with the span marked [[like this]]",
    "pass": "add at least one text that must not match",
    "source": "name the style guide, lexicon or paper this rule comes from",
    "summary": "add a one-line summary of what the rule flags",
}


def _did_you_mean(word: str, options: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None


def _line_of(node: yaml.Node | None, path: Sequence[Any], *, key_line: bool = False) -> int | None:
    """1-based line of the YAML node at ``path`` (or of its key when ``key_line``)."""
    import yaml

    current = node
    line = current.start_mark.line + 1 if current is not None else None
    for i, part in enumerate(path):
        if isinstance(current, yaml.MappingNode):
            for key_node, value_node in current.value:
                if key_node.value == part:
                    is_last = i == len(path) - 1
                    line = (key_node if (key_line and is_last) else value_node).start_mark.line + 1
                    current = value_node
                    break
            else:
                return line
        elif isinstance(current, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(current.value):
                return line
            current = current.value[part]
            line = current.start_mark.line + 1
        else:
            return line
    return line


def _compile_patterns(shown: str, text: str, body: Mapping[str, Any]) -> None:
    for i, item in enumerate(body.get("patterns", [])):
        try:
            re.compile(item["pattern"])
        except re.error as exc:
            raise RuleFileError(
                shown,
                f"bad regular expression: {exc}",
                line=_line_of(_compose(text), ["patterns", i, "pattern"]),
                key=f"patterns.{i}.pattern",
            ) from None


def _display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
