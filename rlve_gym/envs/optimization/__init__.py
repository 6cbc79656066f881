"""Optimisation tasks: any feasible answer earns partial credit, the optimum earns full credit."""
