"""CatalanNumberMod: the Catalan formula against enumerating permutations."""

import itertools

from rlve_gym.core.registry import get_task

TASK = get_task("CatalanNumberMod")


def _count_by_enumeration(n: int) -> int:
    count = 0
    for a in itertools.permutations(range(1, 2 * n + 1)):
        odd, even = a[0::2], a[1::2]
        if all(x < y for x, y in itertools.pairwise(odd)) and all(x < y for x, y in itertools.pairwise(even)):
            count += all(x < y for x, y in zip(odd, even))
    return count


def test_formula_matches_enumeration():
    for n in (2, 3, 4):
        assert TASK.solve({"N": n, "MOD": 10**9}) == _count_by_enumeration(n)


def _count_by_odd_position_sets(n: int) -> int:
    """Given which values sit at odd positions, both rows are forced (sorted); count the sets that work."""
    return sum(
        all(o < e for o, e in zip(odd, sorted(set(range(1, 2 * n + 1)) - set(odd))))
        for odd in itertools.combinations(range(1, 2 * n + 1), n)
    )


def test_generated_instances():
    counts = {n: _count_by_odd_position_sets(n) for n in range(2, 8)}
    assert [counts[n] for n in (2, 3, 4)] == [_count_by_enumeration(n) for n in (2, 3, 4)]
    for difficulty in (0, 1, 2):
        for seed in range(8):
            problem = TASK.generate(seed, difficulty)
            n, modulus = problem.parameters["N"], problem.parameters["MOD"]
            assert int(problem.reference_answer) == counts[n] % modulus


def test_hand_example_and_rewards():
    parameters = {"N": 3, "MOD": 4}
    assert TASK.solve(parameters) == 1  # 5 mod 4
    assert TASK.score(parameters, "1").reward == 1.0
    assert TASK.score(parameters, "5").reward == -0.5
    assert TASK.score(parameters, "2").reward == 0.0
