"""A tiny ZAYA1 configuration: the ZAYA1-8B architecture at a size a 2-core CPU can train in minutes.

`tiny_config()` keeps every structural feature of ZAYA1-8B and shrinks only the widths:

| field                       | tiny | ZAYA1-8B | why                                                          |
|-----------------------------|------|----------|--------------------------------------------------------------|
| hidden_size                 | 128  | 2048     |                                                              |
| num_hidden_layers           | 2    | 40       | two layers so the router's depth averaging (EDA) is exercised |
| num_attention_heads         | 8    | 8        | same head layout: 2x query compression                        |
| num_key_value_heads         | 2    | 2        | same: 8x K/V compression against multi-head attention         |
| head_dim                    | 8    | 128      | hidden_size / 16, as in ZAYA1-8B                              |
| num_experts                 | 4    | 16       | top-1 routing plus the skip slot, as in ZAYA1-8B              |
| moe_intermediate_size       | 128  | 2048     | = hidden_size, as in ZAYA1-8B                                 |
| router_hidden_size          | 32   | 256      | router latent, hidden_size / 4                                |
| rope theta (both types)     | 1e4  | 5e6      | short demo contexts; 5e6 serves 131K-token contexts           |
| max_position_embeddings     | 2048 | 131072   |                                                               |
| vocab_size                  | 1024 | 262272   | `build_tokenizer`'s default size; `load_policy` sets the exact size |

CCA (depthwise + grouped causal convolutions of kernel 2, q/k-mean skip, value shift), the MLP router with
balancing biases, top-1 experts and the learned residual scaling all come unchanged from transformers' `Zaya*`
modules; nothing here re-implements the model.
"""

from __future__ import annotations

import dataclasses
import difflib
from typing import Any

from transformers import ZayaConfig

from rlve_gym.policies.zaya.tokenizer import BOS_TOKEN_ID, DEFAULT_VOCAB_SIZE, EOS_TOKEN_ID, PAD_TOKEN_ID

TINY_ROPE_THETA = 10_000.0

TINY_DEFAULTS: dict[str, Any] = {
    "vocab_size": DEFAULT_VOCAB_SIZE,
    "hidden_size": 128,
    "num_hidden_layers": 2,
    "num_attention_heads": 8,
    "num_key_value_heads": 2,
    "head_dim": 8,
    "num_experts": 4,
    "num_experts_per_tok": 1,
    "moe_intermediate_size": 128,
    "router_hidden_size": 32,
    "max_position_embeddings": 2048,
    "rope_parameters": {
        "hybrid": {"rope_type": "default", "rope_theta": TINY_ROPE_THETA, "partial_rotary_factor": 0.5},
        "hybrid_sliding": {"rope_type": "default", "rope_theta": TINY_ROPE_THETA, "partial_rotary_factor": 0.5},
    },
    "pad_token_id": PAD_TOKEN_ID,
    "bos_token_id": BOS_TOKEN_ID,
    "eos_token_id": EOS_TOKEN_ID,
    "tie_word_embeddings": True,
    "initializer_range": 0.02,
}
"""Defaults of `tiny_config` (see the module docstring for the reasoning)."""


def config_field_names() -> frozenset[str]:
    """Every key `ZayaConfig` accepts as a field (its own and `PreTrainedConfig`'s)."""
    return frozenset(field.name for field in dataclasses.fields(ZayaConfig))


def check_config_keys(overrides: dict[str, Any]) -> None:
    """Raise `TypeError` naming the first unknown key (and the nearest valid one); `ZayaConfig` itself would
    silently store a misspelt key as a new attribute."""
    valid = config_field_names()
    for key in overrides:
        if key not in valid:
            nearest = difflib.get_close_matches(key, sorted(valid), n=1)
            hint = f"; did you mean {nearest[0]!r}?" if nearest else ""
            raise TypeError(f"unknown ZayaConfig option {key!r}{hint}")


def tiny_config(**overrides: Any) -> ZayaConfig:
    """A small `ZayaConfig` with ZAYA1-8B's structure (defaults in `TINY_DEFAULTS`); keyword overrides replace
    defaults and unknown keys raise `TypeError`."""
    check_config_keys(overrides)
    values = {**TINY_DEFAULTS, **overrides}
    if "rope_parameters" not in overrides:
        values["rope_parameters"] = {kind: dict(params) for kind, params in TINY_DEFAULTS["rope_parameters"].items()}
    return ZayaConfig(**values)
