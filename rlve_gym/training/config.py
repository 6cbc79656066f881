"""`RLVEGRPOConfig`: TRL's `GRPOConfig` plus the objective and curriculum-feed knobs of `RLVEGRPOTrainer`.

Defaults follow the ZAYA1-8B RL spine: MaxRL advantages on binary rewards, Dr. GRPO constant-normaliser
aggregation, the DPPO Binary-TV trust region with δ = 0.1, dynamic sampling, and no KL term anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from trl import GRPOConfig

from rlve_gym.core.answers import ANSWER_FORMATS
from rlve_gym.core.task import REWARD_MODES

ADVANTAGE_ESTIMATORS = ("grpo", "dr_grpo", "maxrl")
LOSS_AGGREGATIONS = ("dr_grpo", "sequence_mean", "token_mean")
TRUST_REGIONS = ("ppo_clip", "dppo_binary_tv")


@dataclass
class RLVEGRPOConfig(GRPOConfig):
    """Configuration of `RLVEGRPOTrainer` (every GRPOConfig field applies, except the KL ones, which must be off)."""

    advantage_estimator: str = field(
        default="maxrl",
        metadata={"help": "grpo: (r−r̄)/σ; dr_grpo: r−r̄; maxrl: (r−r̄)/r̄ (binary rewards only)."},
    )
    loss_aggregation: str = field(
        default="dr_grpo",
        metadata={"help": "dr_grpo: token sum / (batch·max_completion_length); sequence_mean; token_mean (DAPO)."},
    )
    trust_region: str = field(
        default="dppo_binary_tv",
        metadata={"help": "ppo_clip (epsilon/epsilon_high) or dppo_binary_tv (mask by |π−μ| > dppo_delta)."},
    )
    dppo_delta: float = field(default=0.1, metadata={"help": "Binary-TV trust-region radius δ in probability."})
    importance_cap: float = field(
        default=20.0, metadata={"help": "Truncation C of the DPPO importance weight min(π/μ, C)."}
    )
    reward_mode: str = field(
        default="binary", metadata={"help": "Verifier reward: shaped ([-1, 1], RLVE) or binary (accuracy 0/1)."}
    )
    answer_format: str = field(default="answer_tag", metadata={"help": "answer_tag (<answer>…</answer>) or boxed."})
    dynamic_sampling: bool = field(
        default=True, metadata={"help": "Drop groups with zero reward variance and refill from the curriculum."}
    )
    oversampling_factor: float = field(
        default=2.0, metadata={"help": "Prompts drawn per missing group in each dynamic-sampling round (≥ 1)."}
    )
    max_sampling_rounds: int = field(
        default=3, metadata={"help": "Dynamic-sampling rounds per generation batch before zero-variance groups fill."}
    )
    length_reward_coef: float = field(
        default=0.0, metadata={"help": "Coefficient of the difficulty-scaled length reward (0 = off)."}
    )
    router_replay: bool = field(
        default=False,
        metadata={"help": "MoE (ZAYA1) only: record experts during rollouts and replay them in the training forward."},
    )
    verification_workers: int = field(
        default=1, metadata={"help": "Worker processes for generation and verification (0 = inline)."}
    )
    verification_timeout_s: float = field(
        default=10.0, metadata={"help": "Per-problem limit for generation and verification, in seconds."}
    )
    loss_type: str = field(
        default="dr_grpo", metadata={"help": "Unused by RLVEGRPOTrainer (see loss_aggregation); must stay dr_grpo."}
    )
    truncated_completions: str = field(
        default="fail",
        metadata={
            "help": "A completion cut at max_completion_length (no end-of-sequence token): fail (wrong-format "
            "verdict, reward -1 shaped / 0 binary) or verify (judge its text like any other)."
        },
    )
    scale_rewards: str = field(
        default="none", metadata={"help": "Unused by RLVEGRPOTrainer (see advantage_estimator); must stay none."}
    )

    def __post_init__(self) -> None:
        if self.beta != 0.0:
            raise ValueError(
                f"beta={self.beta}: RLVEGRPOTrainer has no KL term (neither in the reward nor in the loss); set beta=0"
            )
        if self.sync_ref_model:
            raise ValueError("sync_ref_model=True needs a reference model for a KL term, which this trainer never uses")
        choices = {
            "advantage_estimator": ADVANTAGE_ESTIMATORS,
            "loss_aggregation": LOSS_AGGREGATIONS,
            "trust_region": TRUST_REGIONS,
            "reward_mode": REWARD_MODES,
            "answer_format": ANSWER_FORMATS,
            "truncated_completions": ("fail", "verify"),
        }
        for name, allowed in choices.items():
            if getattr(self, name) not in allowed:
                raise ValueError(f"{name} must be one of {', '.join(allowed)}; got {getattr(self, name)!r}")
        if self.loss_type != "dr_grpo" or self.scale_rewards not in ("none", False):
            raise ValueError("set loss_aggregation / advantage_estimator instead of loss_type / scale_rewards")
        if self.advantage_estimator == "maxrl" and self.reward_mode != "binary":
            raise ValueError(
                "advantage_estimator='maxrl' needs reward_mode='binary' (MaxRL is defined for 0/1 rewards)"
            )
        if not self.dppo_delta > 0 or not self.importance_cap >= 1:
            raise ValueError("dppo_delta must be > 0 and importance_cap ≥ 1")
        if self.oversampling_factor < 1 or self.max_sampling_rounds < 1:
            raise ValueError("oversampling_factor must be ≥ 1 and max_sampling_rounds ≥ 1")
        if self.length_reward_coef < 0:
            raise ValueError("length_reward_coef must be ≥ 0")
        if self.router_replay and self.gradient_checkpointing:
            raise ValueError("router_replay needs gradient_checkpointing=False (checkpointing reruns the routers)")
        if self.router_replay and self.use_vllm:
            raise ValueError("router_replay records routing in the local generation path; it cannot with use_vllm")
        if self.verification_workers < 0 or self.verification_timeout_s <= 0:
            raise ValueError("verification_workers must be ≥ 0 and verification_timeout_s > 0")
        super().__post_init__()
