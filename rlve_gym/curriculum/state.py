"""Curriculum state files: JSON with a format name, a version and a SHA-256 of the payload, written atomically.

Writing goes to a temporary file in the same folder, which is flushed and fsynced and then renamed over the target
(`os.replace`), and the folder is fsynced, so a crash leaves either the old file or the new one, never a torn one.
Reading checks the envelope and the checksum, so a truncated or corrupted file is a clear error, not a silent
restart from scratch.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

STATE_FORMAT = "rlve_gym.curriculum.state"
STATE_VERSION = 1
"""Bumped when the state layout changes; older versions are rejected with a clear error."""


class CurriculumStateError(ValueError):
    """A curriculum state file or dict cannot be used (corrupted, truncated, wrong version, wrong curriculum)."""


def _canonical(payload: Any) -> bytes:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), allow_nan=False).encode()


def write_state(path: str | Path, state: dict[str, Any]) -> None:
    """Write `state` (plain JSON data) to `path` atomically, with format, version and checksum."""
    path = Path(path)
    body = _canonical(state)
    envelope = {
        "format": STATE_FORMAT,
        "version": STATE_VERSION,
        "sha256": hashlib.sha256(body).hexdigest(),
        "state": state,
    }
    data = json.dumps(envelope, sort_keys=True, indent=1, allow_nan=False).encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    with contextlib.suppress(OSError):  # not every platform can fsync a directory
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


def read_state(path: str | Path) -> dict[str, Any]:
    """Read a file written by `write_state`; raises CurriculumStateError (saying what is wrong) or
    FileNotFoundError."""
    path = Path(path)
    raw = path.read_bytes()
    try:
        envelope = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise CurriculumStateError(
            f"{path} is not a readable curriculum state file (truncated or corrupted: {exc})"
        ) from None
    if not isinstance(envelope, dict) or envelope.get("format") != STATE_FORMAT:
        raise CurriculumStateError(f"{path} is not a curriculum state file (no {STATE_FORMAT!r} header)")
    if envelope.get("version") != STATE_VERSION:
        raise CurriculumStateError(
            f"{path} has state version {envelope.get('version')!r}; this rlve_gym reads version {STATE_VERSION}"
        )
    state = envelope.get("state")
    if not isinstance(state, dict) or not isinstance(envelope.get("sha256"), str):
        raise CurriculumStateError(f"{path} is missing its state or checksum (corrupted)")
    if hashlib.sha256(_canonical(state)).hexdigest() != envelope["sha256"]:
        raise CurriculumStateError(f"{path} failed its checksum: the file is corrupted")
    return state
