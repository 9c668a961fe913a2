"""``copydesk import-vale``: a ``.vale.ini`` read into the equivalent
``.copydesk.yaml``.

What maps: ``StylesPath`` → ``rule-dirs``; ``BasedOnStyles`` → ``packs``
(Vale's own ``Vale`` style aside: copydesk has no spelling check);
``Vocab`` → ``vocab`` (``config/vocabularies/NAME`` under the styles
path, or Vale 2's ``Vocab/NAME``); ``Style.Rule = YES`` for a style not
based on → that style in ``packs`` and only that rule of it in ``select``
(how Vale's own fixtures isolate a rule); ``Style.Rule = NO`` → ``ignore``;
``Style.Rule = warning`` → ``severity``; ``MinAlertLevel`` → ``fail-on``; a
section for some files only → a ``per-path`` entry. Anything else is named
in a comment at the top of the output, never dropped silently.
"""

from __future__ import annotations

import configparser
import re
from pathlib import Path

from lint.alert import SEVERITIES
from lint.errors import ConfigError

_LEVELS = {"suggestion": "suggestion", "warning": "warning", "error": "error"}
_ALL_FILES = re.compile(r"^\*(?:\.(?:md|markdown|txt|\{[\w,]+\}))?$")


def _expand(glob: str) -> list[str]:
    """Vale's ``*.{md,txt}`` as globs copydesk reads: ``*.md``, ``*.txt``."""
    m = re.search(r"\{([^{}]*)\}", glob)
    if not m:
        return [glob]
    return [out for part in m.group(1).split(",") for out in _expand(glob[: m.start()] + part + glob[m.end() :])]


def _list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def _yaml_list(items: list[str]) -> str:
    import json

    return "[" + ", ".join(json.dumps(item) if not re.fullmatch(r"[\w./*-]+", item) else item for item in items) + "]"


def convert(ini_text: str, ini_path: Path) -> str:
    """The ``.copydesk.yaml`` text equivalent to a ``.vale.ini``, written
    to sit beside it."""
    parser = configparser.ConfigParser(interpolation=None, strict=False, delimiters=("=",), comment_prefixes=("#", ";"))
    parser.optionxform = str  # Vale's keys and rule names keep their case
    try:
        parser.read_string("[*vale-global*]\n" + ini_text, source=str(ini_path))
    except configparser.Error as error:
        raise ConfigError(f"cannot read .vale.ini: {error}", str(ini_path)) from None
    unsupported: list[str] = []
    top = parser["*vale-global*"]
    styles_path = top.get("StylesPath", "").strip()
    out_packs: list[str] = []
    out_select: list[str] = []
    ignore: list[str] = []
    severity: dict[str, str] = {}
    per_path: list[tuple[list[str], list[str], list[str], dict[str, str]]] = []
    for key, value in top.items():
        if key not in ("StylesPath", "MinAlertLevel", "Vocab"):
            unsupported.append(f"{key} = {value}")
    for section in parser.sections():
        if section == "*vale-global*":
            continue
        packs, enabled, ignored, levels = [], [], [], {}
        for key, value in parser[section].items():
            value = value.strip()
            if key == "BasedOnStyles":
                packs = [style for style in _list(value) if style != "Vale"]
                if "Vale" in _list(value):
                    unsupported.append(f"[{section}] BasedOnStyles: Vale (spelling and Vale.Terms have no copydesk equivalent)")
            elif "." in key and value.upper() in ("NO", "YES"):
                (ignored if value.upper() == "NO" else enabled).append(key)
            elif "." in key and value.lower() in _LEVELS:
                levels[key] = _LEVELS[value.lower()]
            else:
                unsupported.append(f"[{section}] {key} = {value}")
        # A rule turned on by name from a style the section is not based on:
        # load its style, and select the based-on styles plus that rule.
        extra_rules = [rule for rule in enabled if rule.split(".")[0] not in packs]
        select = packs + extra_rules if extra_rules else []
        packs = packs + list(dict.fromkeys(rule.split(".")[0] for rule in extra_rules))
        if _ALL_FILES.match(section) and not per_path and not out_packs:
            out_packs, out_select, ignore, severity = packs, select, ignored, levels
        else:
            per_path.append((_expand(section), select or packs, ignored, levels))
    lines = [f"# Converted from {ini_path.name} by copydesk import-vale."]
    if unsupported:
        lines.append("# Not converted (no copydesk equivalent):")
        lines += [f"#   {item}" for item in unsupported]
    lines.append("")
    if styles_path:
        lines.append(f"rule-dirs: [{styles_path}]")
    lines.append(f"packs: {_yaml_list(out_packs)}")
    level = top.get("MinAlertLevel", "").strip().lower()
    if level in SEVERITIES:
        lines.append(f"fail-on: {level}            # Vale's MinAlertLevel")
    vocab = _list(top.get("Vocab", ""))
    if vocab:
        folders = []
        for name in vocab:
            base = Path(styles_path or ".")
            modern, older = base / "config" / "vocabularies" / name, base / "Vocab" / name
            folders.append((older if (ini_path.parent / older).is_dir() and not (ini_path.parent / modern).is_dir() else modern).as_posix())
        lines.append(f"vocab: {_yaml_list(folders)}")
    if out_select:
        lines.append(f"select: {_yaml_list(out_select)}")
    if ignore:
        lines.append(f"ignore: {_yaml_list(ignore)}")
    if severity:
        lines.append("severity:")
        lines += [f"  {rule}: {level}" for rule, level in severity.items()]
    if per_path:
        lines.append("per-path:")
        for globs, packs, ignored, levels in per_path:
            lines.append(f"  - paths: {_yaml_list(globs)}")
            if packs:
                lines.append(f"    select: {_yaml_list(packs)}")
            if ignored:
                lines.append(f"    ignore: {_yaml_list(ignored)}")
            if levels:
                lines.append("    severity:")
                lines += [f"      {rule}: {level}" for rule, level in levels.items()]
    return "\n".join(lines) + "\n"
