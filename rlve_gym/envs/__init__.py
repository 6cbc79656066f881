"""The built-in task catalogue: one line per task, ``"Name": "<family>.<module>"``.

A task lives in ``rlve_gym/envs/<family>/<module>.py`` as a class named exactly like the task. Modules are
imported only when a task is first used. Keep one entry per line (the file merges line by line).
"""

CATALOGUE: dict[str, str] = {
    "BezoutIdentity": "math.bezout_identity",
    "CRT": "math.crt",
    "ConvexHull": "algorithmic.convex_hull",
    "CountdownClose": "puzzle.countdown_close",
    "CountdownEqual": "puzzle.countdown",
    "Division": "math.division",
    "DoubleStackSorting": "algorithmic.double_stack_sorting",
    "EightDigitPuzzle": "puzzle.eight_digit_puzzle",
    "EvenDegreeGraphPartitioning": "graph.even_degree_graph_partitioning",
    "FutoshikiPuzzle": "puzzle.futoshiki_puzzle",
    "GraMinimaGame": "algorithmic.gra_minima_game",
    "ImpParty": "graph.imp_party",
    "Integral": "math.integral",
    "Josephus": "algorithmic.josephus",
    "JugPuzzle": "puzzle.jug_puzzle",
    "Knapsack": "optimization.knapsack",
    "LandAcquisition": "optimization.land_acquisition",
    "MakingGrade": "optimization.making_grade",
    "MatrixPermutation_BothDiagonalOne": "puzzle.matrix_permutation_both_diagonal_one",
    "MaxXorSet": "optimization.max_xor_set",
    "Maximum_IndependentSet_Tree": "graph.maximum_independent_set_tree",
    "Maze": "puzzle.maze",
    "MinimumSpanningTree": "graph.minimum_spanning_tree",
    "Minimum_DominatingInterval": "optimization.minimum_dominating_interval",
    "MostComponentTreeRemovingTwoPaths": "graph.most_component_tree_removing_two_paths",
    "Multiplication": "math.multiplication",
    "PipelineArrangement": "optimization.pipeline_arrangement",
    "PolynomialRemainder": "math.polynomial_remainder",
    "PrefixConcatenation": "math.prefix_concatenation",
    "SAT": "puzzle.sat",
    "SetSplitting": "puzzle.set_splitting",
    "ShortestPath": "graph.shortest_path",
    "SkyscraperPuzzle": "puzzle.skyscraper_puzzle",
    "Sorting": "algorithmic.sorting",
    "SpiralMatrix": "algorithmic.spiral_matrix",
    "StoneIntervalsGame": "algorithmic.stone_intervals_game",
    "SubgraphIsomorphism": "graph.subgraph_isomorphism",
    "SubsetSumSequence": "math.subset_sum_sequence",
    "Sudoku": "puzzle.sudoku",
    "TopologicalSort": "graph.topological_sort",
    "TopologicalSort_MinimalLexicographicalOrder": "graph.topological_sort_minimal_lexicographical_order",
    "WeightedLIS": "algorithmic.weighted_lis",
}

VERSIONS: dict[str, int] = {}
"""Tasks whose generator/verifier semantics changed since v0 (their Gymnasium id is ``rlve/<Name>-v<version>``)."""
