"""Prefix-list colourings of a graph: the total number of distinct colours over all proper colourings."""

from __future__ import annotations

import functools
import random
from typing import Any

import numpy as np

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import random_simple_graph_edges
from rlve_gym.envs.common.ladders import stepped

_BETA = 10.0
_EDGE_DENSITIES = (0.02, 0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95)
# residues stay below 2^28, so a sum of up to 128 products of two residues fits in an int64
_PRIME_LIMIT = 1 << 28


@functools.lru_cache(maxsize=16)
def _primes_below(limit: int, count: int) -> tuple[int, ...]:
    """The `count` largest primes below `limit` (trial division; they are dense near 2^28)."""
    found: list[int] = []
    candidate = limit - 1
    while len(found) < count:
        if candidate % 2 and all(candidate % d for d in range(3, int(candidate**0.5) + 1, 2)):
            found.append(candidate)
        candidate -= 1
    return tuple(found)


def _series_log(series: np.ndarray, modulus: np.ndarray, inverses: list[np.ndarray]) -> np.ndarray:
    """log of power series with constant term 1 (axis 0 = coefficient), from k·f_k = Σ_j j·L_j·f_(k−j)."""
    degree = series.shape[0] - 1
    log = np.zeros_like(series)
    weighted = np.zeros_like(series)
    for k in range(1, degree + 1):
        carried = np.einsum("ijk,ijk->jk", weighted[1:k], series[k - 1 : 0 : -1]) % modulus
        log[k] = (series[k] - carried * inverses[k]) % modulus
        weighted[k] = k * log[k] % modulus
    return log


def _series_exp(series: np.ndarray, modulus: np.ndarray, inverses: list[np.ndarray]) -> np.ndarray:
    """exp of power series with constant term 0, from k·E_k = Σ_j j·s_j·E_(k−j)."""
    degree = series.shape[0] - 1
    weighted = np.arange(degree + 1)[:, None, None] * series % modulus
    exp = np.zeros_like(series)
    exp[0] = 1
    for k in range(1, degree + 1):
        exp[k] = np.einsum("ijk,ijk->jk", weighted[1 : k + 1], exp[k - 1 :: -1]) % modulus * inverses[k] % modulus
    return exp


def _series_inverse(series: np.ndarray, modulus: np.ndarray) -> np.ndarray:
    """1/f of power series with constant term 1."""
    degree = series.shape[0] - 1
    inverse = np.zeros_like(series)
    inverse[0] = 1
    for k in range(1, degree + 1):
        inverse[k] = -np.einsum("ijk,ijk->jk", series[1 : k + 1], inverse[k - 1 :: -1]) % modulus
    return inverse


def _crt(residues: list[int], moduli: tuple[int, ...]) -> int:
    value, product = 0, 1
    for residue, modulus in zip(residues, moduli):
        value += product * ((residue - value) * pow(product, -1, modulus) % modulus)
        product *= modulus
    return value


def colour_value_total(n: int, edges: list[list[int]], limits: list[int]) -> tuple[int, int]:
    """(Σ over proper colourings of the number of distinct colours, number of proper colourings), where vertex u
    takes a colour in [0, limits[u]].

    A colouring is a tuple of disjoint independent sets I_c (the vertices of colour c) covering V, with I_c inside
    U_c = {u : limits[u] ≥ c}. Inclusion–exclusion over the covered set S and a size variable z give
    #colourings = Σ_S (−1)^(n−|S|) [z^n] P_S with P_S = Π_c g(S ∩ U_c) and g(T) = Σ_(independent X ⊆ T) z^|X|
    (tuples of total size n covering V are exactly the partitions); marking every non-empty colour class
    (g → 1 + y(g − 1), d/dy at y = 1) gives the colour total as Σ_S (−1)^(n−|S|) [z^n] P_S · Σ_c (1 − 1/g(S ∩ U_c)).
    With vertices sorted by limit the U_c are suffixes, so the products are exp(Σ_c log g) gathered along strided
    slices. Everything runs modulo a few primes (numpy, O(n²·2^n)) and is recombined by the Chinese remainder
    theorem.
    """
    if n == 0:
        return 0, 1
    order = sorted(range(n), key=lambda u: limits[u])
    position = {u: i for i, u in enumerate(order)}
    sorted_limits = [limits[u] for u in order]
    neighbours = [0] * n
    for u, v in edges:
        neighbours[position[u]] |= 1 << position[v]
        neighbours[position[v]] |= 1 << position[u]
    size = 1 << n
    # independent[k, T]: independent subsets of T with k vertices (exact: at most 2^n)
    independent = np.zeros((n + 1, size), dtype=np.int64)
    independent[0, 0] = 1
    for bit in range(n):
        lower = np.arange(1 << bit)
        independent[:, (1 << bit) + lower] = independent[:, lower]
        independent[1:, (1 << bit) + lower] += independent[:-1, lower & ~neighbours[bit]]

    # results lie in [0, bound]: in sorted order a vertex has at most limit + 1 − (a clique among its earlier
    # neighbours, whose colours are distinct and within its range) choices, and a colouring uses at most n colours
    bound = min(n, sorted_limits[-1] + 1)
    for index in range(n):
        clique = 0
        for earlier in range(index):
            if neighbours[index] >> earlier & 1 and neighbours[earlier] & clique == clique:
                clique |= 1 << earlier
        bound *= max(1, sorted_limits[index] + 1 - clique.bit_count())
    primes = _primes_below(_PRIME_LIMIT, 1 + bound.bit_length() // 27)
    modulus = np.array(primes, dtype=np.int64)[:, None]
    inverses = [np.zeros_like(modulus)] + [
        np.array([[pow(k, -1, p)] for p in primes], dtype=np.int64) for k in range(1, n + 1)
    ]
    series = independent[:, None, :] % modulus
    log_g = _series_log(series, modulus, inverses)
    inverse_g = _series_inverse(series, modulus)

    # colours c with U_c = the suffix from sorted position t: limit[t−1] < c ≤ limit[t]
    multiplicity = [sorted_limits[0] + 1] + [sorted_limits[t] - sorted_limits[t - 1] for t in range(1, n)]
    inverse_g[0] = 0  # Σ_c (1 − 1/g_c) has no constant term
    shape = (n + 1, len(primes))
    log_product = np.zeros((*shape, 1), dtype=np.int64)
    marked = np.zeros((*shape, 1), dtype=np.int64)
    for t in range(n - 1, -1, -1):
        # index T of the suffix from t has position t as bit 0, and T ∩ (suffix from t + 1) is T >> 1
        half = log_product.shape[2]
        log_product = np.broadcast_to(log_product[..., None], (*shape, half, 2))
        marked = np.broadcast_to(marked[..., None], (*shape, half, 2))
        if multiplicity[t]:
            log_product = log_product + multiplicity[t] * log_g[:, :, :: 1 << t].reshape(*shape, half, 2)
            marked = marked - multiplicity[t] * inverse_g[:, :, :: 1 << t].reshape(*shape, half, 2)
        log_product = log_product.reshape(*shape, 2 * half)
        marked = marked.reshape(*shape, 2 * half)
    product = _series_exp(log_product % modulus, modulus, inverses)
    marked = marked % modulus

    sign = 1 - 2 * ((n - np.bitwise_count(np.arange(size)).astype(np.int64)) & 1)
    colourings = (product[n] * sign).sum(axis=1) % modulus[:, 0]
    coefficient = np.einsum("ijk,ijk->jk", product, marked[::-1]) % modulus
    totals = (coefficient * sign).sum(axis=1) % modulus[:, 0]
    return _crt(totals.tolist(), primes), _crt(colourings.tolist(), primes)


class ColoringCounting(Task):
    """Vertex u of an undirected graph takes a colour in [0, R[u]], adjacent vertices differ; sum the number of
    distinct colours used over all such colourings.

    Difficulty: N = d + 4 vertices; the edge density q is drawn from {0.02, 0.05, 0.15, …, 0.95} (values giving
    at least one edge) and ⌊q·N(N−1)/2⌋ distinct edges are chosen uniformly; R[u] is uniform in
    [deg u, 2·deg u], so a colouring always exists.
    Reward: -1 unparsable or not positive; otherwise (min/max)^10 of the answer and the true total.
    Answer: one positive integer.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        pairs = n * (n - 1) // 2
        density = rng.choice([q for q in _EDGE_DENSITIES if int(q * pairs) > 0])
        edges = random_simple_graph_edges(rng, n, int(density * pairs))
        degree = [0] * n
        for u, v in edges:
            degree[u] += 1
            degree[v] += 1
        parameters: dict[str, Any] = {"N": n, "edges": edges, "R": [rng.randint(d, 2 * d) for d in degree]}
        # exponential work: keep the total with the instance so that verification does not redo it
        parameters["total"] = self.solve(parameters)
        return Instance(parameters, str(parameters["total"]))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        edges = "\n".join(f"({u}, {v})" for u, v in parameters["edges"])
        limits = "\n".join(f"R[{u}]={r}" for u, r in enumerate(parameters["R"]))
        return (
            f"An undirected graph has {n} vertices, numbered 0 to {n - 1}, and these edges:\n{edges}\n"
            f"Each vertex u has a colour limit R[u]:\n{limits}\n"
            "A valid colouring gives every vertex u an integer colour C[u] with 0 ≤ C[u] ≤ R[u], such that the two "
            "ends of every edge get different colours. The value of a colouring is the number of distinct colours "
            "among C[0], …, C[" + str(n - 1) + "].\n"
            "What is the sum of the values of all valid colourings?\n"
            "Answer with a single positive integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The sum of the values of all valid colourings."""
        return colour_value_total(parameters["N"], parameters["edges"], parameters["R"])[0]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value <= 0:
            return rewards.unparsable("the total must be a positive integer")
        return rewards.exact_or_closeness(value, parameters["total"], _BETA)
