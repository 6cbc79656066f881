"""Curriculum files: the shipped ones (by name) and loading any YAML file into a validated config.

The shipped curricula live in the repository's top-level ``curricula/`` folder. A wheel carries them as
``rlve_gym/_curricula`` (pyproject's ``force-include``); a source or editable checkout reads ``<repo>/curricula``.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from rlve_gym.curriculum.config import CurriculumConfig, CurriculumConfigError, did_you_mean, validate_config

_PACKAGE_DIR = Path(__file__).resolve().parents[1]
_SUFFIXES = (".yaml", ".yml")


def shipped_dir() -> Path:
    """The folder holding the shipped curricula (installed copy first, then the source checkout's)."""
    installed = _PACKAGE_DIR / "_curricula"
    return installed if installed.is_dir() else _PACKAGE_DIR.parent / "curricula"


def shipped_curricula() -> dict[str, Path]:
    """Shipped curriculum name → file, sorted by name."""
    folder = shipped_dir()
    if not folder.is_dir():
        return {}
    files = sorted(path for path in folder.iterdir() if path.suffix in _SUFFIXES and path.is_file())
    return {path.stem: path for path in files}


def curriculum_path(path_or_name: str | Path) -> Path:
    """Resolve a curriculum file path or a shipped curriculum name (``smoke``, ``rlve-400``) to a file.

    An existing file wins over a shipped name. Raises FileNotFoundError with the nearest shipped name otherwise.
    """
    path, text = Path(path_or_name), str(path_or_name)
    if path.is_file():
        return path
    shipped = shipped_curricula()
    if text in shipped:
        return shipped[text]
    if path.suffix in _SUFFIXES or len(path.parts) > 1:
        raise FileNotFoundError(f"no curriculum file {text!r}")
    raise FileNotFoundError(
        f"no curriculum file or shipped curriculum named {text!r}{did_you_mean(text, shipped)}; "
        f"shipped: {', '.join(shipped) or 'none'}"
    )


def load_config(path_or_name: str | Path) -> CurriculumConfig:
    """Read and validate a curriculum YAML file (path or shipped name).

    Raises FileNotFoundError or CurriculumConfigError (one line, naming the file and every problem's path).
    """
    path = curriculum_path(path_or_name)
    source = str(path_or_name) if str(path_or_name) in shipped_curricula() else str(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        at = f" at line {where.line + 1}, column {where.column + 1}" if where is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise CurriculumConfigError([f"not valid YAML{at}: {problem}"], source) from None
    except UnicodeDecodeError as exc:
        raise CurriculumConfigError([f"not UTF-8 text: {exc.reason}"], source) from None
    if isinstance(data, dict) and data.get("name") is None:
        data = {**data, "name": path.stem}
    return validate_config(data, source)
