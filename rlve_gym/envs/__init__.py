"""The built-in task catalogue: one line per task, ``"Name": "<family>.<module>"``.

A task lives in ``rlve_gym/envs/<family>/<module>.py`` as a class named exactly like the task. Modules are
imported only when a task is first used. Keep one entry per line (the file merges line by line).
"""

CATALOGUE: dict[str, str] = {
    "BezoutIdentity": "math.bezout_identity",
    "CRT": "math.crt",
    "CountdownEqual": "puzzle.countdown",
    "Division": "math.division",
    "EightDigitPuzzle": "puzzle.eight_digit_puzzle",
    "Integral": "math.integral",
    "Josephus": "algorithmic.josephus",
    "Knapsack": "optimization.knapsack",
    "Maze": "puzzle.maze",
    "Multiplication": "math.multiplication",
    "PolynomialRemainder": "math.polynomial_remainder",
    "SAT": "puzzle.sat",
    "ShortestPath": "graph.shortest_path",
    "Sorting": "algorithmic.sorting",
    "SpiralMatrix": "algorithmic.spiral_matrix",
    "Sudoku": "puzzle.sudoku",
    "TopologicalSort": "graph.topological_sort",
    "WeightedLIS": "algorithmic.weighted_lis",
    "EuclidGame": "math.euclid_game",
    "GCDOne_Counting": "counting.gcd_one_counting",
    "HamiltonianPath": "graph.hamiltonian_path",
    "LampChanging": "algorithmic.lamp_changing",
    "LargestConvexPolygon": "optimization.largest_convex_polygon",
    "PCPPermutation": "puzzle.pcp_permutation",
    "Path_NoGoingBack_Counting": "counting.path_no_going_back_counting",
    "SubsequenceReversalLNDS": "algorithmic.subsequence_reversal_lnds",
    "UndamagedSubmatrixCounting": "counting.undamaged_submatrix_counting",
    "WYRLevelingGround": "algorithmic.wyr_leveling_ground",
    "Fibonacci": "math.fibonacci",
    "LCM": "math.lcm",
    "CatalanNumberMod": "counting.catalan_number_mod",
    "NegativeBase": "math.negative_base",
    "RootExtraction": "math.root_extraction",
    "CantorExpansion": "counting.cantor_expansion",
    "DiscreteLogarithm": "math.discrete_logarithm",
    "Differentiate": "math.differentiate",
    "GaussianElimination": "math.gaussian_elimination",
    "PolynomialFactorization": "math.polynomial_factorization",
    "PolynomialMinimum": "optimization.polynomial_minimum",
    "StirlingSecond": "counting.stirling_second",
    "SumGCD": "math.sum_gcd",
    "SumLCM": "math.sum_lcm",
    "SumMOD": "math.sum_mod",
}

VERSIONS: dict[str, int] = {}
"""Tasks whose generator/verifier semantics changed since v0 (their Gymnasium id is ``rlve/<Name>-v<version>``)."""
