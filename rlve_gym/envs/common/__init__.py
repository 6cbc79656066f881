"""Helpers shared by task modules: difficulty ladders, graph builders and solvers, number theory, formatting."""
