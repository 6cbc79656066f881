"""Policies for rlve_gym's trainer. This subpackage (unlike the core `rlve_gym`) needs torch and transformers.

`rlve_gym.policies.zaya`: the ZAYA1 policy (transformers' `ZayaForCausalLM`) with a tiny offline config and
tokenizer, router replay and bias balancing. `load_policy` and `LoadedPolicy` are re-exported here.
"""

from __future__ import annotations

from typing import Any

__all__ = ["LoadedPolicy", "load_policy"]


def __getattr__(name: str) -> Any:
    # Lazy so that importing a sibling subpackage (e.g. the kernels) does not pull in transformers' ZAYA model.
    if name in __all__:
        from rlve_gym.policies import zaya

        return getattr(zaya, name)
    raise AttributeError(f"module 'rlve_gym.policies' has no attribute {name!r}")
