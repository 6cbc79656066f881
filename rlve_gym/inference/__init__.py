"""Test-time compute: Markovian RSA over rlve_gym tasks, with local, server and callable backends."""

from rlve_gym.inference.backends import (
    Backend,
    CallableBackend,
    CharTokenizer,
    Generation,
    HFTokenizer,
    OpenAICompletionsBackend,
    ServerError,
    Tokenizer,
    TransformersBackend,
)
from rlve_gym.inference.rsa import RoundSummary, RSAConfig, RSAResult, Trace, majority, run_markovian_rsa, tail

__all__ = [
    "Backend",
    "CallableBackend",
    "CharTokenizer",
    "Generation",
    "HFTokenizer",
    "OpenAICompletionsBackend",
    "RSAConfig",
    "RSAResult",
    "RoundSummary",
    "ServerError",
    "Tokenizer",
    "Trace",
    "TransformersBackend",
    "majority",
    "run_markovian_rsa",
    "tail",
]
