"""Every label, tab name and message of the workbook, in English and Chinese."""

from __future__ import annotations

from .labels import (
    cli,
    cli_click,
    cli_help,
    cli_said,
    errors,
    errors_amazon,
    errors_engine,
    errors_read,
    errors_run,
    errors_targets,
    minutes,
    workbook,
)


def _joined(*tables: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """One table of labels; a key defined twice is a mistake (two texts for one word)."""
    out: dict[str, tuple[str, str]] = {}
    for table in tables:
        twice = out.keys() & table.keys()
        if twice:
            raise ValueError(f"labels defined twice: {sorted(twice)}")
        out |= table
    return out


LABELS = _joined(
    workbook.LABELS,
    minutes.LABELS,
    cli.LABELS,
    cli_help.LABELS,
    cli_click.LABELS,
    cli_said.LABELS,
    errors.LABELS,
    errors_read.LABELS,
    errors_engine.LABELS,
    errors_targets.LABELS,
    errors_amazon.LABELS,
    errors_run.LABELS,
)


def t(key: str, lang: str, **fmt: object) -> str:
    en, zh = LABELS[key]
    text = zh if lang == "zh" else en
    return text.format(**fmt) if fmt else text


def shown(prefix: str, value: str, lang: str) -> str:
    """A value from a report or the engine (EXACT, GOOD ...) as the workbook's language says
    it: the label `<prefix>_<value>`, else the value as it came."""
    key = f"{prefix}_{value}"
    return t(key, lang) if key in LABELS else value


def scope_label(scope: str, lang: str) -> str:
    """What a KPI value or a finding is about (account, asin, campaign ...), as people say it."""
    key = f"scope_{scope}"
    return t(key, lang) if key in LABELS else scope


def status_label(status: str, lang: str) -> str:
    """An action's status as the sheet shows it (the stored value stays the English key); a
    status the team typed by hand, as typed."""
    key = "status_" + status.replace(" ", "_")
    return t(key, lang) if key in LABELS else status
