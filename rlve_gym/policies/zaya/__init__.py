"""The ZAYA1 policy: transformers' `ZayaForCausalLM` with a tiny offline config and tokenizer, one-call loading
with optional Triton kernels, router replay for RL, and expert-load bias balancing.

    from rlve_gym.policies.zaya import load_policy
    policy = load_policy("tiny")                 # or a local ZAYA1-8B directory
    policy.model.generate(**policy.tokenizer(["2+3="], return_tensors="pt"), max_new_tokens=8)
"""

from rlve_gym.policies.zaya.balancer import BalancerConfig, BiasBalancer
from rlve_gym.policies.zaya.config import TINY_DEFAULTS, tiny_config
from rlve_gym.policies.zaya.loading import LoadedPolicy, load_policy, resolve_kernels, save_policy
from rlve_gym.policies.zaya.router_replay import (
    NOT_RECORDED,
    RoutingRecord,
    RoutingRecorder,
    RoutingReplayer,
    recording,
    replaying,
)
from rlve_gym.policies.zaya.tokenizer import CHAT_TEMPLATE, REASONING_TOKENS, build_tokenizer, builtin_corpus

__all__ = [
    "CHAT_TEMPLATE",
    "NOT_RECORDED",
    "REASONING_TOKENS",
    "TINY_DEFAULTS",
    "BalancerConfig",
    "BiasBalancer",
    "LoadedPolicy",
    "RoutingRecord",
    "RoutingRecorder",
    "RoutingReplayer",
    "build_tokenizer",
    "builtin_corpus",
    "load_policy",
    "recording",
    "replaying",
    "resolve_kernels",
    "save_policy",
    "tiny_config",
]
