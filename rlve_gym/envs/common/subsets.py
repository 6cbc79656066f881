"""Dynamic programmes over pairs of disjoint subsets of n items, vectorised with numpy.

Exact algorithms for small NP-hard problems (spanning trees built layer by layer, partitions into parts) often
combine a value of a set S with a value of a disjoint set T and keep, for every union U = S ∪ T, the best
combination: 3^n (S, T) pairs in all. In pure Python that is seconds at n = 13; here the pairs are the cells of a
dense array with one base-3 digit per item (0: in neither, 1: in S, 2: in T), and every step is a handful of
numpy passes over it.

Layout: a subset is an int mask (item v ↔ bit v) indexing an array of length 2^n; a pair array has length 3^n and
item v's digit weighs 3^v.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from rlve_gym.core.errors import TaskError

MAX_ITEMS = 15
"""Largest n accepted: 3^15 cells take tens of MB per array and seconds per solve; beyond, `check_items` raises."""
S_SIDE: tuple[int, int, int] = (0, 1, 0)
"""`expand_to_pairs` mapping that reads a table at S (digit 1 = member)."""
T_SIDE: tuple[int, int, int] = (0, 0, 1)
"""`expand_to_pairs` mapping that reads a table at T (digit 2 = member)."""


def check_items(n: int, task: str) -> None:
    """Raise TaskError when n items are too many for an exact pair-array solve."""
    if n > MAX_ITEMS:
        raise TaskError(f"{task}: the exact solver handles at most {MAX_ITEMS} items (3^n pair cells), got {n}")


def expand_to_pairs(table: np.ndarray, n: int, side: tuple[int, int, int], items: int | None = None) -> np.ndarray:
    """The pair array whose cell (S, T) holds table[S] (side `S_SIDE`) or table[T] (side `T_SIDE`).

    With `items` = k < n only items 0..k-1 become digits: the result is indexed by (bits of items k..n-1, digits of
    items 0..k-1), i.e. shaped (2^(n-k), 3^k) when reshaped."""
    cells = np.ascontiguousarray(table).reshape(-1)
    if cells.size != 2**n:
        raise ValueError(f"expected a table of 2^{n} entries, got {cells.size}")
    for item in range(n if items is None else items):  # items below `item` are already digits
        source = cells.reshape(2 ** (n - 1 - item), 2, 3**item)
        target = np.empty((2 ** (n - 1 - item), 3, 3**item), dtype=cells.dtype)
        for digit, bit in enumerate(side):
            target[:, digit, :] = source[:, bit, :]
        cells = target
    return cells.reshape(-1)


def reduce_pairs(cells: np.ndarray, n: int, combine: Callable[..., np.ndarray]) -> np.ndarray:
    """The table over unions: entry U combines (with `combine`, e.g. np.minimum) every cell (S, T) with S ∪ T = U."""
    if cells.size != 3**n:
        raise ValueError(f"expected 3^{n} cells, got {cells.size}")
    for item in range(n - 1, -1, -1):  # items above `item` are already bits
        source = cells.reshape(2 ** (n - 1 - item), 3, 3**item)
        target = np.empty((2 ** (n - 1 - item), 2, 3**item), dtype=cells.dtype)
        target[:, 0, :] = source[:, 0, :]
        combine(source[:, 1, :], source[:, 2, :], out=target[:, 1, :])
        cells = target
    return cells.reshape(-1)


def pairs_where(cells: np.ndarray, n: int, item: int, digit: int) -> np.ndarray:
    """A view of the cells where `item` has `digit`, itself a pair array over the other n - 1 items."""
    return cells.reshape(3 ** (n - 1 - item), 3, 3**item)[:, digit, :]


def drop_item(table: np.ndarray, n: int, item: int) -> np.ndarray:
    """The entries of a subset table at sets without `item`, as a table over the other n - 1 items."""
    return table.reshape(2 ** (n - 1 - item), 2, 2**item)[:, 0, :].reshape(-1)


def subset_minimum(values: Sequence[int], empty: int, dtype: type = np.int64) -> np.ndarray:
    """The table of min(values[v] for v in S), `empty` for the empty set."""
    table = np.full(1, empty, dtype=dtype)
    for value in values:
        table = np.concatenate([table, np.minimum(table, value)])
    return table


def members(mask: int) -> list[int]:
    """The items of a subset mask, in increasing order."""
    found = []
    while mask:
        low = mask & -mask
        found.append(low.bit_length() - 1)
        mask ^= low
    return found


def submasks(mask: int, n: int) -> np.ndarray:
    """Every subset of `mask` (including the empty set and `mask` itself), as an int64 array."""
    candidates = np.arange(2**n, dtype=np.int64)
    return candidates[(candidates & ~mask) == 0]
