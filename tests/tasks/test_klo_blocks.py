"""KloBlocks: the mean criterion against simulating every sequence of moves, and against all subarrays."""

from __future__ import annotations

import random

from rlve_gym.envs.algorithmic.klo_blocks import KloBlocks, longest_run

TASK = KloBlocks()


def longest_by_moves(values: list[int], threshold: int) -> int:
    """Explore every array reachable by the moves (the total is fixed, so the search is finite)."""
    seen, frontier = {tuple(values)}, [tuple(values)]
    best = 0
    while frontier:
        state = frontier.pop()
        run = 0
        for value in state:
            run = run + 1 if value >= threshold else 0
            best = max(best, run)
        for i, value in enumerate(state):
            if value > threshold:
                for j in (i - 1, i + 1):
                    if 0 <= j < len(state):
                        moved = list(state)
                        moved[i] -= 1
                        moved[j] += 1
                        if tuple(moved) not in seen:
                            seen.add(tuple(moved))
                            frontier.append(tuple(moved))
    return best


def longest_by_subarrays(values: list[int], threshold: int) -> int:
    n = len(values)
    return max([r - l for l in range(n) for r in range(l + 1, n + 1) if sum(values[l:r]) >= threshold * (r - l)] + [0])


def test_mean_criterion_matches_move_simulation() -> None:
    rng = random.Random(1)
    for _ in range(60):
        n = rng.randint(1, 4)
        values = [rng.randint(0, 6) for _ in range(n)]
        threshold = rng.randint(1, 6)
        assert longest_run(values, threshold) == longest_by_moves(values, threshold), (values, threshold)


def test_reference_matches_subarray_enumeration() -> None:
    for difficulty in (0, 1, 2, 6, 10):
        for seed in range(8):
            problem = TASK.generate(seed, difficulty)
            p = problem.parameters
            expected = longest_by_subarrays(p["A"], p["K"])
            assert int(problem.reference_answer) == expected and expected not in (1, p["N"])
            if p["N"] <= 4:
                assert expected == longest_by_moves(p["A"], p["K"])


def test_hand_example_and_rewards() -> None:
    parameters = {"N": 5, "A": [1, 5, 1, 1, 4], "K": 3}  # 1 5 1 has mean 7/3; 5 1 has mean 3
    assert longest_run(parameters["A"], 3) == 2
    assert TASK.score(parameters, "2").reward == 1.0
    assert TASK.score(parameters, "3").reward == 0.0
