"""LCM: math.lcm against scanning the multiples of a."""

from rlve_gym.core.registry import get_task

TASK = get_task("LCM")


def _lcm_by_scan(a: int, b: int) -> int:
    multiple = a
    while multiple % b:
        multiple += a
    return multiple


def test_lcm_matches_scan():
    for difficulty in (0, 1, 2, 6):
        for seed in range(8):
            p = TASK.generate(seed, difficulty).parameters
            assert TASK.solve(p) == _lcm_by_scan(p["a"], p["b"])


def test_hand_example_and_rewards():
    parameters = {"a": 4, "b": 6, "phrasing": 0}
    assert TASK.solve(parameters) == 12
    assert TASK.score(parameters, "12").reward == 1.0
    assert TASK.score(parameters, "24").reward == 0.0
