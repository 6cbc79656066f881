"""KosDicing: the verifier on hand-made answers, and the planted winners."""

from __future__ import annotations

import itertools

from rlve_gym.envs.graph.kos_dicing import KosDicing

TASK = KosDicing()


def test_planted_winners_and_every_achievable_maximum() -> None:
    for difficulty in (0, 1):
        for seed in range(4):
            problem = TASK.generate(seed, difficulty)
            p = problem.parameters
            assert TASK.score(p, problem.reference_answer).reward == 1.0
            if len(p["rounds"]) > 10:
                continue
            # the verifier agrees with a direct count for every possible choice of winners
            for winners in itertools.product(*p["rounds"]):
                wins = [winners.count(player) for player in range(p["N"])]
                expected = 1.0 if max(wins) == p["K"] else 0.0
                assert TASK.score(p, " ".join(map(str, winners))).reward == expected


def test_hand_example_and_invalid_answers() -> None:
    parameters = {"N": 3, "rounds": [[0, 1], [1, 2], [2, 0]], "K": 1}
    assert TASK.score(parameters, "0 1 2").reward == 1.0
    assert TASK.score(parameters, "1 1 2").reward == 0.0  # player 1 wins twice
    assert TASK.score(parameters, "0 0 2").reward == -0.5  # player 0 is not in round 2
    assert TASK.score(parameters, "0 1").reward == -0.5
