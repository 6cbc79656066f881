"""PCPPermutation (constructive): the planted permutation works, invalid answers are rejected."""

from rlve_gym.core.registry import get_task

TASK = get_task("PCPPermutation")


def test_planted_permutation_spells_the_same_string():
    for difficulty in (0, 1, 2, 6):
        for seed in range(6):
            problem = TASK.generate(seed, difficulty)
            order = list(map(int, problem.reference_answer.split()))
            first, second = problem.parameters["A"], problem.parameters["B"]
            assert sorted(order) == list(range(len(first))) and all(first) and all(second)
            assert "".join(first[i] for i in order) == "".join(second[i] for i in order)


def test_hand_example_and_rewards():
    parameters = {"A": ["ab", "b"], "B": ["a", "bb"]}
    assert TASK.score(parameters, "0 1").reward == 1.0
    assert TASK.score(parameters, "1 0").reward == (1 / 3) ** 10  # "bab" vs "bba"
    assert TASK.score(parameters, "0 0").reward == -0.5
    assert TASK.score(parameters, "0 1 2").reward == -0.5
    assert TASK.score(parameters, "1").reward == -0.5
