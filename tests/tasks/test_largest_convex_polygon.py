"""LargestConvexPolygon: the angular-sweep DP against enumeration of all subsets."""

import itertools

from rlve_gym.core.registry import get_task
from rlve_gym.envs.optimization.largest_convex_polygon import in_convex_position

TASK = get_task("LargestConvexPolygon")


def _cross(o, a, b):
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def _inside_triangle(p, a, b, c):
    signs = [_cross(a, b, p), _cross(b, c, p), _cross(c, a, p)]
    return all(s > 0 for s in signs) or all(s < 0 for s in signs)


def _convex_by_triangles(points):
    """No three collinear: convex position iff no point lies inside a triangle of three others (Carathéodory)."""
    if len(points) < 3:
        return False
    for p in points:
        others = [q for q in points if q is not p]
        if any(_inside_triangle(p, *triangle) for triangle in itertools.combinations(others, 3)):
            return False
    return True


def test_optimum_matches_subset_enumeration():
    for difficulty in (0, 1, 2, 3):
        for seed in range(5):
            problem = TASK.generate(seed, difficulty)
            points = problem.parameters["points"]
            best = max(
                size
                for size in range(3, len(points) + 1)
                for subset in itertools.combinations(points, size)
                if _convex_by_triangles(list(subset))
            )
            assert problem.parameters["best_size"] == best
            chosen = [points[int(label) - 1] for label in problem.reference_answer.split()]
            assert len(chosen) == best and _convex_by_triangles(chosen) and in_convex_position(chosen)


def test_points_are_distinct_with_no_three_collinear():
    for seed in range(3):
        points = TASK.generate(seed, 10).parameters["points"]
        assert len({tuple(p) for p in points}) == len(points)
        assert all(_cross(a, b, c) != 0 for a, b, c in itertools.combinations(points, 3))


def test_hand_example_and_rewards():
    square_and_centre = [[0, 0], [6, 1], [7, 7], [1, 6], [3, 5]]
    parameters = {"points": square_and_centre, "best_size": 4}
    assert len(TASK.solve(parameters)) == 4  # e.g. the square, or three corners with the inner point
    assert TASK.score(parameters, "4 3 2 1").reward == 1.0
    assert TASK.score(parameters, "1 2 3").reward == (3 / 4) ** 5
    assert TASK.score(parameters, "1 2 3 4 5").reward == -0.2  # the centre is inside
    assert TASK.score(parameters, "1 2").reward == -0.2
    assert TASK.score(parameters, "1 1 2").reward == -0.5
    assert TASK.score(parameters, "0 1 2").reward == -0.5
