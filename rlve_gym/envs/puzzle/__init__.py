"""Logic puzzles and NP-complete constructions, verified by their rules."""
