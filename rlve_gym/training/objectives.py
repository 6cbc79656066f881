"""The RL objective pieces, as pure tensor functions (unit-tested against hand-computed values).

Shape legend: G completions per group, N groups, B = N·G completions, T completion tokens.

- Advantages (`group_advantages`): ``grpo`` (r − r̄)/(σ + ε); ``dr_grpo`` r − r̄ (Dr. GRPO drops the std);
  ``maxrl`` (r − r̄)/(r̄ + ε) for binary rewards (MaxRL; 0 for all-fail and all-pass groups).
- Length reward (`length_bonus`): optional, difficulty-scaled, added to the advantage numerator (ZAYA1 report).
- Trust region: PPO clipping (`ppo_clip_loss`) or DPPO Binary-TV (`dppo_binary_tv_loss`): tokens where the
  policy moved past δ in probability in the direction the advantage pushes are masked; the rest get the full
  importance-weighted policy gradient with the weight truncated at C.
- Aggregation (`aggregate`): ``dr_grpo`` sums token losses and divides by a constant (B_local · L_max);
  ``sequence_mean`` (GRPO: mean over tokens, then sequences); ``token_mean`` (DAPO: over all tokens).
"""

from __future__ import annotations

from typing import Literal

import torch

AdvantageEstimator = Literal["grpo", "dr_grpo", "maxrl"]
TrustRegion = Literal["ppo_clip", "dppo_binary_tv"]
Aggregation = Literal["dr_grpo", "sequence_mean", "token_mean"]
EPSILON = 1e-6


def group_advantages(
    rewards_B: torch.Tensor,
    group_size: int,
    estimator: AdvantageEstimator,
    numerator_bonus_B: torch.Tensor | None = None,
) -> torch.Tensor:
    """Per-completion advantages from rewards of contiguous groups of `group_size`.

    `numerator_bonus_B` (e.g. `length_bonus`) is added to r − r̄ before the estimator's denominator.
    """
    if rewards_B.numel() % group_size:
        raise ValueError(f"{rewards_B.numel()} rewards do not split into groups of {group_size}")
    rewards_NG = rewards_B.reshape(-1, group_size).to(torch.float64)
    mean_N1 = rewards_NG.mean(dim=1, keepdim=True)
    centred_NG = rewards_NG - mean_N1
    if numerator_bonus_B is not None:
        centred_NG = centred_NG + numerator_bonus_B.reshape(-1, group_size).to(torch.float64)
    if estimator == "grpo":
        std_N1 = rewards_NG.std(dim=1, keepdim=True, unbiased=True) if group_size > 1 else torch.zeros_like(mean_N1)
        advantages_NG = centred_NG / (std_N1 + 1e-4)
    elif estimator == "dr_grpo":
        advantages_NG = centred_NG
    elif estimator == "maxrl":
        if not torch.all((rewards_NG == 0) | (rewards_NG == 1)):
            raise ValueError("maxrl advantages need binary rewards (0/1): use reward_mode='binary'")
        advantages_NG = centred_NG / (mean_N1 + EPSILON)
    else:
        raise ValueError(f"unknown advantage estimator {estimator!r} (grpo, dr_grpo, maxrl)")
    return advantages_NG.reshape(-1).to(rewards_B.dtype)


def length_bonus(correct_B: torch.Tensor, lengths_B: torch.Tensor, group_size: int, coefficient: float) -> torch.Tensor:
    """Group-relative length reward for correct completions, scaled by the group's solve rate.

    Within a group with at least two correct completions and solve rate p, a correct completion of length L gets
    ``coefficient · p · (L̄ − L) / (L_max − L_min)`` over the correct ones (shorter than average → positive);
    incorrect completions and groups with fewer than two correct get 0. Easy problems (high p) push hardest for
    brevity, as in ZAYA1's difficulty-scaled length reward.
    """
    correct_NG = correct_B.reshape(-1, group_size).to(torch.float64)
    lengths_NG = lengths_B.reshape(-1, group_size).to(torch.float64)
    count_N1 = correct_NG.sum(dim=1, keepdim=True)
    solve_rate_N1 = count_N1 / group_size
    mean_length_N1 = (lengths_NG * correct_NG).sum(dim=1, keepdim=True) / count_N1.clamp(min=1)
    big = torch.finfo(torch.float64).max
    longest_N1 = torch.where(correct_NG > 0, lengths_NG, -big).max(dim=1, keepdim=True).values
    shortest_N1 = torch.where(correct_NG > 0, lengths_NG, big).min(dim=1, keepdim=True).values
    spread_N1 = (longest_N1 - shortest_N1).clamp(min=1.0)
    bonus_NG = coefficient * solve_rate_N1 * (mean_length_N1 - lengths_NG) / spread_N1
    bonus_NG = torch.where((correct_NG > 0) & (count_N1 >= 2), bonus_NG, torch.zeros_like(bonus_NG))
    return bonus_NG.reshape(-1).to(torch.float32)


def ppo_clip_loss(
    logps_BT: torch.Tensor,
    old_logps_BT: torch.Tensor,
    advantages_B1: torch.Tensor,
    epsilon_low: float,
    epsilon_high: float,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Per-token clipped-surrogate loss and the mask of clipped tokens."""
    ratio_BT = torch.exp(logps_BT - old_logps_BT)
    clipped_BT = torch.clamp(ratio_BT, 1 - epsilon_low, 1 + epsilon_high)
    loss_BT = -torch.min(ratio_BT * advantages_B1, clipped_BT * advantages_B1)
    is_clipped_BT = ((ratio_BT < 1 - epsilon_low) & (advantages_B1 < 0)) | (
        (ratio_BT > 1 + epsilon_high) & (advantages_B1 > 0)
    )
    return loss_BT, is_clipped_BT


def dppo_binary_tv_mask(
    logps_BT: torch.Tensor, behaviour_logps_BT: torch.Tensor, advantages_B1: torch.Tensor, delta: float
) -> torch.Tensor:
    """1 where a token stays in the Binary-TV trust region, 0 where it is masked.

    Masked: A > 0 and π − μ > δ (pushed up past δ), or A ≤ 0 and π − μ < −δ (pushed down past δ), with π, μ the
    current and behaviour probabilities of the sampled token.
    """
    moved_BT = torch.exp(logps_BT) - torch.exp(behaviour_logps_BT)
    outside_BT = torch.where(advantages_B1 > 0, moved_BT > delta, moved_BT < -delta)
    return (~outside_BT).to(logps_BT.dtype).detach()


def dppo_binary_tv_loss(
    logps_BT: torch.Tensor,
    behaviour_logps_BT: torch.Tensor,
    advantages_B1: torch.Tensor,
    delta: float,
    importance_cap: float,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Per-token DPPO loss ``−A · sg(min(π/μ, C)) · M · log π`` and the trust-region mask M."""
    mask_BT = dppo_binary_tv_mask(logps_BT, behaviour_logps_BT, advantages_B1, delta)
    weight_BT = torch.exp(logps_BT - behaviour_logps_BT).clamp(max=importance_cap).detach()
    return -advantages_B1 * weight_BT * mask_BT * logps_BT, mask_BT


def aggregate(
    loss_BT: torch.Tensor,
    mask_BT: torch.Tensor,
    mode: Aggregation,
    *,
    max_completion_length: int,
    total_tokens: float | None = None,
) -> torch.Tensor:
    """Reduce per-token losses to a scalar (see the module docstring). `total_tokens` normalises ``token_mean``
    (defaults to this batch's token count)."""
    masked_BT = loss_BT * mask_BT
    if mode == "dr_grpo":
        return masked_BT.sum() / (loss_BT.size(0) * max_completion_length)
    if mode == "sequence_mean":
        return (masked_BT.sum(dim=1) / mask_BT.sum(dim=1).clamp(min=1.0)).mean()
    if mode == "token_mean":
        denominator = total_tokens if total_tokens is not None else mask_BT.sum().clamp(min=1.0)
        return masked_BT.sum() / denominator
    raise ValueError(f"unknown aggregation {mode!r} (dr_grpo, sequence_mean, token_mean)")
