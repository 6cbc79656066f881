"""The built-in task catalogue: one line per task, ``"Name": "<family>.<module>"``.

A task lives in ``rlve_gym/envs/<family>/<module>.py`` as a class named exactly like the task. Modules are
imported only when a task is first used. Keep one entry per line (the file merges line by line).
"""

CATALOGUE: dict[str, str] = {
    "BezoutIdentity": "math.bezout_identity",
    "CRT": "math.crt",
    "CongruentEquation": "math.congruent_equation",
    "CountdownEqual": "puzzle.countdown",
    "CycleCounting": "counting.cycle_counting",
    "Division": "math.division",
    "EightDigitPuzzle": "puzzle.eight_digit_puzzle",
    "GCDPrime_Counting": "counting.gcd_prime_counting",
    "GcdLcmCounting": "counting.gcd_lcm_counting",
    "HeapCounting": "counting.heap_counting",
    "Integral": "math.integral",
    "InversionPairK_Counting": "counting.inversion_pair_k_counting",
    "InversionPair": "algorithmic.inversion_pair",
    "Josephus": "algorithmic.josephus",
    "Knapsack": "optimization.knapsack",
    "MaximumDivisor": "optimization.maximum_divisor",
    "Maze": "puzzle.maze",
    "MinKDivisorNumber": "math.min_k_divisor_number",
    "MinimumFibonacciRepresentation": "math.minimum_fibonacci_representation",
    "Multiplication": "math.multiplication",
    "NumberPartitionCounting": "counting.number_partition_counting",
    "PolynomialRemainder": "math.polynomial_remainder",
    "SAT": "puzzle.sat",
    "ShortestPath": "graph.shortest_path",
    "Sorting": "algorithmic.sorting",
    "SpiralMatrix": "algorithmic.spiral_matrix",
    "Sudoku": "puzzle.sudoku",
    "TopologicalSort": "graph.topological_sort",
    "WeightedLIS": "algorithmic.weighted_lis",
}

VERSIONS: dict[str, int] = {}
"""Tasks whose generator/verifier semantics changed since v0 (their Gymnasium id is ``rlve/<Name>-v<version>``)."""
