"""Advantage estimators, the length reward, the trust regions and the aggregation, against hand-computed values."""

import math

import pytest
import torch

from rlve_gym.training.objectives import (
    aggregate,
    dppo_binary_tv_loss,
    dppo_binary_tv_mask,
    group_advantages,
    length_bonus,
    ppo_clip_loss,
)


def test_dr_grpo_advantage_is_reward_minus_group_mean() -> None:
    rewards = torch.tensor([1.0, 0.0, 0.0, 1.0, 0.5, 0.5, 0.5, 0.5])
    advantages = group_advantages(rewards, 4, "dr_grpo")
    assert advantages.tolist() == pytest.approx([0.5, -0.5, -0.5, 0.5, 0, 0, 0, 0])


def test_grpo_advantage_divides_by_the_unbiased_std() -> None:
    rewards = torch.tensor([1.0, 0.0, 0.0, 0.0])
    std = math.sqrt((0.75**2 + 3 * 0.25**2) / 3)  # 0.5
    expected = [0.75 / (std + 1e-4), -0.25 / (std + 1e-4), -0.25 / (std + 1e-4), -0.25 / (std + 1e-4)]
    assert group_advantages(rewards, 4, "grpo").tolist() == pytest.approx(expected)


def test_maxrl_advantage_divides_by_the_group_mean() -> None:
    rewards = torch.tensor([1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0])
    advantages = group_advantages(rewards, 4, "maxrl").tolist()
    # r̄ = 1/4: (1 − 1/4)/(1/4) = 3, (0 − 1/4)/(1/4) = −1; all-fail and all-pass groups give exactly 0
    assert advantages[:4] == pytest.approx([3, -1, -1, -1], rel=1e-5)
    assert advantages[4:] == [0.0] * 8
    with pytest.raises(ValueError, match="binary"):
        group_advantages(torch.tensor([0.5, 1.0]), 2, "maxrl")


def test_estimator_and_group_errors() -> None:
    with pytest.raises(ValueError, match="groups of 3"):
        group_advantages(torch.zeros(4), 3, "grpo")
    with pytest.raises(ValueError, match="unknown advantage estimator"):
        group_advantages(torch.zeros(4), 2, "ppo")  # type: ignore[arg-type]


def test_length_bonus_rewards_short_correct_answers_scaled_by_solve_rate() -> None:
    correct = torch.tensor([1.0, 1.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0])
    lengths = torch.tensor([10.0, 20.0, 30.0, 5.0, 10.0, 1.0, 1.0, 1.0])
    bonus = length_bonus(correct, lengths, 4, coefficient=1.0).tolist()
    # group 1: p = 3/4, mean 20, spread 20 → 0.75·(20−L)/20 ; the wrong one gets 0
    assert bonus[:4] == pytest.approx([0.375, 0.0, -0.375, 0.0])
    # group 2: one correct completion only → no length reward
    assert bonus[4:] == [0.0] * 4
    advantages = group_advantages(correct, 4, "dr_grpo", numerator_bonus_B=torch.tensor(bonus)).tolist()
    assert advantages[0] == pytest.approx(0.25 + 0.375)


def test_dppo_binary_tv_mask_masks_moves_in_the_advantage_direction() -> None:
    behaviour = torch.log(torch.tensor([[0.5, 0.5, 0.5, 0.5]]))
    current = torch.log(torch.tensor([[0.65, 0.55, 0.35, 0.45]]))
    positive = dppo_binary_tv_mask(current, behaviour, torch.tensor([[1.0]]), delta=0.1)
    negative = dppo_binary_tv_mask(current, behaviour, torch.tensor([[-1.0]]), delta=0.1)
    # A > 0: masked where π − μ > δ (first token, +0.15); A ≤ 0: masked where π − μ < −δ (third token, −0.15)
    assert positive.tolist() == [[0.0, 1.0, 1.0, 1.0]]
    assert negative.tolist() == [[1.0, 1.0, 0.0, 1.0]]
    zero = dppo_binary_tv_mask(current, behaviour, torch.tensor([[0.0]]), delta=0.1)
    assert zero.tolist() == negative.tolist()


def test_dppo_loss_value_and_gradient() -> None:
    behaviour = torch.log(torch.tensor([[0.5, 0.2]]))
    current = torch.log(torch.tensor([[0.5, 0.4]])).requires_grad_()
    advantages = torch.tensor([[2.0]])
    loss, mask = dppo_binary_tv_loss(current, behaviour, advantages, delta=0.1, importance_cap=1.5)
    assert mask.tolist() == [[1.0, 0.0]]  # second token moved +0.2 > δ with A > 0
    # loss_t = −A · min(π/μ, C) · M · log π : first token −2·1·1·log 0.5
    assert loss.tolist()[0] == pytest.approx([-2 * math.log(0.5), 0.0])
    loss.sum().backward()
    assert current.grad.tolist()[0] == pytest.approx([-2.0, 0.0])  # weight is detached: d/dlogπ = −A·w·M


def test_dppo_importance_weight_is_truncated() -> None:
    behaviour = torch.log(torch.tensor([[0.01]]))
    current = torch.log(torch.tensor([[0.05]]))
    loss, _ = dppo_binary_tv_loss(current, behaviour, torch.tensor([[-1.0]]), delta=0.5, importance_cap=3.0)
    assert loss.item() == pytest.approx(1.0 * 3.0 * math.log(0.05))


def test_ppo_clip_matches_the_clipped_surrogate() -> None:
    old = torch.log(torch.tensor([[0.5, 0.5]]))
    new = torch.log(torch.tensor([[0.7, 0.3]]))
    loss, clipped = ppo_clip_loss(new, old, torch.tensor([[1.0]]), 0.2, 0.28)
    # ratios 1.4 and 0.6; A > 0: min(1.4, 1.28) = 1.28 ; min(0.6, 0.8) = 0.6
    assert loss.tolist()[0] == pytest.approx([-1.28, -0.6])
    assert clipped.tolist() == [[True, False]]


def test_aggregations() -> None:
    loss = torch.tensor([[1.0, 2.0, 3.0], [4.0, 0.0, 0.0]])
    mask = torch.tensor([[1.0, 1.0, 1.0], [1.0, 0.0, 0.0]])
    assert aggregate(loss, mask, "dr_grpo", max_completion_length=10).item() == pytest.approx(10 / (2 * 10))
    assert aggregate(loss, mask, "sequence_mean", max_completion_length=10).item() == pytest.approx((2 + 4) / 2)
    assert aggregate(loss, mask, "token_mean", max_completion_length=10).item() == pytest.approx(10 / 4)
    assert aggregate(loss, mask, "token_mean", max_completion_length=10, total_tokens=5).item() == pytest.approx(2)
    with pytest.raises(ValueError):
        aggregate(loss, mask, "sum", max_completion_length=10)  # type: ignore[arg-type]


def test_dr_grpo_aggregation_has_no_length_normalisation() -> None:
    # the gradient per token does not depend on how long its sequence is (unlike sequence_mean)
    short = torch.zeros(1, 10, requires_grad=True)
    long = torch.zeros(1, 10, requires_grad=True)
    mask_short = torch.tensor([[1.0] * 2 + [0.0] * 8])
    mask_long = torch.ones(1, 10)
    aggregate(short + 1, mask_short, "dr_grpo", max_completion_length=10).backward()
    aggregate(long + 1, mask_long, "dr_grpo", max_completion_length=10).backward()
    assert short.grad[0, 0] == long.grad[0, 0] == pytest.approx(0.1)


def test_truncated_completions_fail_in_the_verifier_reward() -> None:
    from rlve_gym import get_task
    from rlve_gym.batch import WorkerPool
    from rlve_gym.training.rewards import VerifierReward

    problem = get_task("Multiplication").generate(0, 0)
    right = f"<answer>{problem.reference_answer}</answer>"
    reward = VerifierReward(WorkerPool(0), "binary", truncation_length=4, eos_token_ids=[2])
    values = reward(
        prompts=["q"] * 3,
        completions=[right] * 3,
        problem=[problem.to_json()] * 3,
        completion_ids=[[5, 6, 7, 8], [5, 6, 7, 2], [5, 2]],  # cut off / finished at the limit / short
    )
    assert values == [0.0, 1.0, 1.0]
    assert reward.last_verdicts[0].format_ok is False and "cut at 4 tokens" in reward.last_verdicts[0].detail
    shaped = VerifierReward(WorkerPool(0), "shaped", truncation_length=4, eos_token_ids=[2])
    assert shaped(prompts=["q"], completions=[right], problem=[problem.to_json()], completion_ids=[[5, 6, 7, 8]]) == [
        -1.0
    ]
