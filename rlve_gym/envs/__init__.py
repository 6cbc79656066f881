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
    "BAJBytecomputer": "algorithmic.baj_bytecomputer",
    "BannedPointSupersetPathCounting": "counting.banned_point_superset_path_counting",
    "BanyanHeart": "graph.banyan_heart",
    "Canon": "counting.canon",
    "CirculatingDecimalCounting": "counting.circulating_decimal_counting",
    "Clique_IndependentSet_Partitioning_Counting": "counting.clique_independent_set_partitioning_counting",
    "CowDanceShow": "algorithmic.cow_dance_show",
    "DynDynamite": "optimization.dyn_dynamite",
    "Expression_AddingParenthese_Counting": "counting.expression_adding_parenthese_counting",
    "FactorialTrailingZeroCount": "math.factorial_trailing_zero_count",
    "FixedModK_Selection_Counting": "counting.fixed_mod_k_selection_counting",
    "GridTriangleCounting": "counting.grid_triangle_counting",
    "HalvingChainCounting": "counting.halving_chain_counting",
    "IntegerFactorizationCounting": "counting.integer_factorization_counting",
    "LandformGenerationCounting": "counting.landform_generation_counting",
    "PalindromePartitionCounting": "counting.palindrome_partition_counting",
    "PythagoreanGraph_IndependentSetCounting": "counting.pythagorean_graph_independent_set_counting",
    "SubmatrixSumDivisibleCounting": "counting.submatrix_sum_divisible_counting",
    "SumProductDivisorNum": "math.sum_product_divisor_num",
    "SumXorDivisorNum": "math.sum_xor_divisor_num",
    "Sum_DivisorNum": "math.sum_divisor_num",
    "NextPalindromic": "algorithmic.next_palindromic",
    "SmallestBinaryMultiple": "math.smallest_binary_multiple",
    "Matrix_BinaryExponentiation": "math.matrix_binary_exponentiation",
    "PolynomialInterpolation": "math.polynomial_interpolation",
    "PreorderTraversal": "graph.preorder_traversal",
    "MinPathCover_DAG": "optimization.min_path_cover_dag",
    "TwoSAT": "puzzle.two_sat",
    "MaxXorPath": "graph.max_xor_path",
    "SubarraySumXor": "algorithmic.subarray_sum_xor",
}

VERSIONS: dict[str, int] = {}
"""Tasks whose generator/verifier semantics changed since v0 (their Gymnasium id is ``rlve/<Name>-v<version>``)."""
