"""A workspace: one folder per shop and marketplace: the store, the inbox and the workbook."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from . import marketplaces
from .errors import WorkspaceError, msg

CONFIG = "fupan.toml"


@dataclass(frozen=True)
class Workspace:
    root: Path
    marketplace: str = marketplaces.DEFAULT
    language: str = "en"

    @property
    def store_path(self) -> Path:
        return self.root / "history.duckdb"

    @property
    def reports(self) -> Path:
        """The inbox: drop downloaded reports here."""
        return self.root / "reports"

    @property
    def workbook(self) -> Path:
        return self.root / "review.xlsx"

    @classmethod
    def load(cls, root: str | Path) -> Workspace:
        root = Path(root)
        config = root / CONFIG
        if not config.is_file():
            raise WorkspaceError(msg("err:not_a_workspace", root=root, config=CONFIG))
        try:
            data = tomllib.loads(config.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise WorkspaceError(msg("err:workspace_toml", config=config, exc=exc)) from None
        market = marketplaces.get(str(data.get("marketplace", marketplaces.DEFAULT))).code
        lang = str(data.get("language", "en"))
        if lang not in ("en", "zh"):
            raise WorkspaceError(msg("err:workspace_language", config=config, lang=lang))
        return cls(root, market, lang)

    @classmethod
    def find(cls, start: str | Path | None = None) -> Workspace:
        """The workspace containing `start` (default: the current folder), walking upwards."""
        here = Path(start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / CONFIG).is_file():
                return cls.load(folder)
        raise WorkspaceError(msg("err:no_workspace", here=here))


def init(
    root: str | Path, *, marketplace: str = marketplaces.DEFAULT, language: str = "en"
) -> Workspace:
    """Create a workspace folder (or keep an existing one as it is)."""
    root = Path(root)
    if (root / CONFIG).is_file():
        return Workspace.load(root)
    if language not in ("en", "zh"):
        raise WorkspaceError(msg("err:language", lang=language))
    code = marketplaces.get(marketplace).code
    root.mkdir(parents=True, exist_ok=True)
    (root / "reports").mkdir(exist_ok=True)
    (root / CONFIG).write_text(
        f'# fupan workspace settings\nmarketplace = "{code}"\nlanguage = "{language}"\n',
        encoding="utf-8",
    )
    return Workspace(root, code, language)
