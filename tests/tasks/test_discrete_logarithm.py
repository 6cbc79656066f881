"""DiscreteLogarithm: extended baby-step giant-step against a linear scan of the powers."""

from rlve_gym.core.registry import get_task
from rlve_gym.envs.math.discrete_logarithm import smallest_discrete_log

TASK = get_task("DiscreteLogarithm")


def _scan(base: int, target: int, modulus: int) -> int | None:
    value = 1 % modulus
    for y in range(2 * modulus + 2):  # pre-period + period of base^y mod Z is at most Z
        if value == target % modulus:
            return y
        value = value * base % modulus
    return None


def test_bsgs_matches_scan_for_all_small_cases():
    for modulus in range(2, 41):
        for base in range(0, modulus + 1):
            for target in range(modulus):
                assert smallest_discrete_log(base, target, modulus) == _scan(base, target, modulus), (
                    base,
                    target,
                    modulus,
                )


def test_generated_instances():
    for difficulty in (0, 1, 2, 12):
        for seed in range(8):
            p = TASK.generate(seed, difficulty).parameters
            assert TASK.solve(p) == _scan(p["X"], p["K"], p["Z"])


def test_hand_example_and_rewards():
    parameters = {"X": 2, "Z": 7, "K": 2}  # 2^1 = 2, 2^4 = 16 ≡ 2
    assert TASK.solve(parameters) == 1
    assert TASK.score(parameters, "1").reward == 1.0
    assert TASK.score(parameters, "4").reward == (1 / 4) ** 2
    assert TASK.score(parameters, "2").reward == 0.0
    assert TASK.score(parameters, "-1").reward == -1.0
    assert TASK.score(parameters, "1" + "0" * 3000).reward in (0.0, (1 / 10**3000) ** 2)
