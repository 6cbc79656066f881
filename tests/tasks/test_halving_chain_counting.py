"""HalvingChainCounting: the prefix-sum recurrence against listing every chain."""

from __future__ import annotations

import pytest

from rlve_gym.envs.counting.halving_chain_counting import HalvingChainCounting

TASK = HalvingChainCounting()


def list_chains(n: int) -> list[tuple[int, ...]]:
    chains, stack = [], [(n,)]
    while stack:
        chain = stack.pop()
        chains.append(chain)
        stack.extend((*chain, nxt) for nxt in range(1, chain[-1] // 2 + 1))
    return chains


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_match_listing(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        assert problem.reference_answer == str(len(set(list_chains(problem.parameters["N"]))))


def test_every_n_up_to_80() -> None:
    for n in range(1, 81):
        assert TASK.solve({"N": n}) == len(list_chains(n)), n


def test_hand_examples() -> None:
    # 6: (6), (6,1), (6,2), (6,3), (6,2,1), (6,3,1)
    assert TASK.solve({"N": 6}) == 6
    assert TASK.solve({"N": 1}) == 1
    assert TASK.score({"N": 6}, "3").reward == pytest.approx(0.5**10)
    assert TASK.score({"N": 6}, "0").reward == -1.0
