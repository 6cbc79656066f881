"""Path_NoGoingBack_Counting: the directed-edge matrix power against walk enumeration."""

from rlve_gym.core.registry import get_task
from rlve_gym.envs.counting.path_no_going_back_counting import MODULUS, count_non_backtracking_walks

TASK = get_task("Path_NoGoingBack_Counting")


def _count_by_enumeration(n: int, edges: list[list[int]], length: int) -> int:
    neighbours = [[] for _ in range(n)]
    for u, v in edges:
        neighbours[u].append(v)
        neighbours[v].append(u)
    walks = [(0, -1)]  # (current vertex, previous vertex)
    for _ in range(length):
        walks = [(w, v) for v, came_from in walks for w in neighbours[v] if w != came_from]
    return sum(v == n - 1 for v, _ in walks)


def test_matrix_power_matches_enumeration():
    for difficulty in (0, 1, 2):
        for seed in range(5):
            problem = TASK.generate(seed, difficulty)
            n, edges = problem.parameters["N"], problem.parameters["edges"]
            for length in range(1, 8):
                expected = _count_by_enumeration(n, edges, length) % MODULUS
                assert count_non_backtracking_walks(n, edges, length, MODULUS) == expected


def test_hand_examples_and_rewards():
    triangle = [[0, 1], [1, 2], [0, 2]]
    # without turning back, a walk on a triangle goes round it in one direction
    assert [_count_by_enumeration(3, triangle, t) for t in (1, 2, 3, 4)] == [1, 1, 0, 1]
    assert [count_non_backtracking_walks(3, triangle, t, MODULUS) for t in (1, 2, 3, 4)] == [1, 1, 0, 1]
    parameters = {"N": 3, "edges": triangle, "T": 4}
    assert TASK.score(parameters, "1").reward == 1.0
    assert TASK.score(parameters, "2").reward == 0.0
    assert TASK.score(parameters, "10000").reward == -0.5
    assert TASK.score(parameters, "-1").reward == -0.5
