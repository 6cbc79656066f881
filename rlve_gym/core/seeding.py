"""Random number generators derived from (task, seed, difficulty).

Generators never touch a global RNG. The derivation hashes a string key with SHA-512 (Python's `random.Random`
does this for str seeds), so it is identical across processes, machines and ``PYTHONHASHSEED`` values.
"""

from __future__ import annotations

import hashlib
import random

import numpy as np


def _key(task_name: str, seed: int, difficulty: int) -> str:
    return f"rlve_gym:{task_name}:{seed}:{difficulty}"


def task_rng(task_name: str, seed: int, difficulty: int) -> random.Random:
    """The `random.Random` a task's generator draws from."""
    return random.Random(_key(task_name, seed, difficulty))


def numpy_rng(rng: random.Random) -> np.random.Generator:
    """A numpy Generator seeded from (and advancing) a `random.Random`, for tasks that want vectorised draws."""
    return np.random.default_rng(rng.getrandbits(128))


def stable_seed(*parts: object) -> int:
    """A 63-bit integer derived from `parts` (stable across processes), e.g. to derive per-item seeds."""
    digest = hashlib.sha256(":".join(map(str, parts)).encode()).digest()
    return int.from_bytes(digest[:8], "big") >> 1
