"""Verifiers that run model output: the code sandbox (``rlve_gym.verifiers.sandbox``), and the Ray backend for
generation and verification on a cluster (``rlve_gym.verifiers.ray_backend``, needs the ``ray`` extra).

Names are imported lazily, so ``import rlve_gym`` never starts or imports the sandbox.
"""

from __future__ import annotations

import importlib
from typing import Any

_SANDBOX_EXPORTS = (
    "CallOutcome",
    "FunctionCallResults",
    "Sandbox",
    "SandboxCapabilities",
    "SandboxError",
    "SandboxLimits",
    "SandboxResult",
    "SandboxStatus",
)

_RAY_EXPORTS = ("RayVerifier",)

__all__ = [*_SANDBOX_EXPORTS, *_RAY_EXPORTS]


def __getattr__(name: str) -> Any:
    if name in _SANDBOX_EXPORTS:
        return getattr(importlib.import_module("rlve_gym.verifiers.sandbox"), name)
    if name in _RAY_EXPORTS:
        return getattr(importlib.import_module("rlve_gym.verifiers.ray_backend"), name)
    raise AttributeError(f"module 'rlve_gym.verifiers' has no attribute {name!r}")
