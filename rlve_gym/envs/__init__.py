"""The built-in task catalogue: one line per task, ``"Name": "<family>.<module>"``.

A task lives in ``rlve_gym/envs/<family>/<module>.py`` as a class named exactly like the task. Modules are
imported only when a task is first used. Keep one entry per line (the file merges line by line).
"""

CATALOGUE: dict[str, str] = {
    "BezoutIdentity": "math.bezout_identity",
    "BinaryLinearEquation_SolutionCounting": "counting.binary_linear_equation_solution_counting",
    "BubbleSwapLowerBound_PermutationCounting": "counting.bubble_swap_lower_bound_permutation_counting",
    "CongruentEquation": "math.congruent_equation",
    "CountdownEqual": "puzzle.countdown",
    "CRT": "math.crt",
    "CycleCounting": "counting.cycle_counting",
    "DecreasingDigitCounting": "counting.decreasing_digit_counting",
    "Division": "math.division",
    "EightDigitPuzzle": "puzzle.eight_digit_puzzle",
    "GcdLcmCounting": "counting.gcd_lcm_counting",
    "GCDPrime_Counting": "counting.gcd_prime_counting",
    "GridColoringCounting": "counting.grid_coloring_counting",
    "HeapCounting": "counting.heap_counting",
    "Integral": "math.integral",
    "InversionPair": "algorithmic.inversion_pair",
    "InversionPairK_Counting": "counting.inversion_pair_k_counting",
    "Josephus": "algorithmic.josephus",
    "Knapsack": "optimization.knapsack",
    "MaximumDivisor": "optimization.maximum_divisor",
    "Maze": "puzzle.maze",
    "MinimumFibonacciRepresentation": "math.minimum_fibonacci_representation",
    "MinimumSpanningTreeCounting": "counting.minimum_spanning_tree_counting",
    "MinKDivisorNumber": "math.min_k_divisor_number",
    "Multiplication": "math.multiplication",
    "NoAdjacentGirlCounting": "counting.no_adjacent_girl_counting",
    "NotContainingStringCounting": "counting.not_containing_string_counting",
    "NumberPartitionCounting": "counting.number_partition_counting",
    "PalindromicSubstringNumberCounting": "counting.palindromic_substring_number_counting",
    "PolynomialRemainder": "math.polynomial_remainder",
    "SameAdjacencyCounting": "counting.same_adjacency_counting",
    "SAT": "puzzle.sat",
    "ShortestPath": "graph.shortest_path",
    "Sorting": "algorithmic.sorting",
    "SpiralMatrix": "algorithmic.spiral_matrix",
    "Sudoku": "puzzle.sudoku",
    "ThreeVertexCycleCounting": "counting.three_vertex_cycle_counting",
    "TopologicalSort": "graph.topological_sort",
    "TreeTopologicalSequenceCounting": "counting.tree_topological_sequence_counting",
    "WeightedLIS": "algorithmic.weighted_lis",
    "XorEquationCounting": "counting.xor_equation_counting",
    "ZeroPrefixSubsetCounting": "counting.zero_prefix_subset_counting",
}

VERSIONS: dict[str, int] = {}
"""Tasks whose generator/verifier semantics changed since v0 (their Gymnasium id is ``rlve/<Name>-v<version>``)."""
