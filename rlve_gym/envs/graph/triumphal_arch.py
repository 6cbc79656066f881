"""The triumphal-arch game on a tree: the least number of vertices Alice must blacken per turn to trap Bob."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_exact
from rlve_gym.envs.common.ladders import stepped
from rlve_gym.envs.common.trees import random_tree, rooted


def alice_wins(parent: list[int], order: list[int], per_turn: int) -> bool:
    """Whether blackening `per_turn` vertices a turn suffices (Bob starts at the root).

    need(u) = children(u) − per_turn + Σ positive need(child): the blackenings a walk into u's subtree still
    demands beyond what can be done on the turns spent walking there; Alice wins iff need(root) ≤ 0.
    """
    children = [0] * len(parent)
    for v in order[1:]:
        children[parent[v]] += 1
    need = [children[u] - per_turn for u in range(len(parent))]
    for v in reversed(order[1:]):
        if need[v] > 0:
            need[parent[v]] += need[v]
    return need[order[0]] <= 0


class TriumphalArch(Task):
    """Bob stands on vertex 0 of a tree, which is black; every other vertex is white. Each turn Alice blackens
    any K vertices, then Bob may step to an adjacent vertex. Bob wins if he ever stands on a white vertex; Alice
    wins once every vertex is black. Give the least K with which Alice wins against any play by Bob.

    Solved by binary search on K with a bottom-up need count (POI 2014 "Triumphal Arch"); K lies between the
    number of children of the root and the largest number of children of any vertex.
    Difficulty: N ← N + 1 from 3; a random tree on 0..N−1.
    Reward: -1 unparsable; 1 for the right K, else 0.
    Answer: one integer, the least K.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"N": n, "edges": random_tree(rng, n)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        edges = "\n".join(f"({u}, {v})" for u, v in parameters["edges"])
        return (
            f"A tree has {n} vertices, numbered 0 to {n - 1}, and these edges:\n{edges}\n"
            "Alice and Bob play a game on it. Bob starts on vertex 0, which is black; every other vertex starts "
            "white, and black vertices stay black. Each turn, Alice first colours any K vertices black, then Bob may "
            "move to a vertex adjacent to his current one. If Bob ever stands on a white vertex, he wins; if all "
            "vertices become black, Alice wins.\n"
            "With both playing optimally, what is the smallest K for which Alice is sure to win? Your answer should "
            "be a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The least winning K."""
        n = parameters["N"]
        parent, order = rooted(n, parameters["edges"])
        children = [0] * n
        for v in order[1:]:
            children[parent[v]] += 1
        low, high = children[0], max(children)  # Alice loses below the root's children and wins at the maximum
        while low < high:
            middle = (low + high) // 2
            if alice_wins(parent, order, middle):
                high = middle
            else:
                low = middle + 1
        return low

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_exact(answer, self.solve(parameters))
