"""Combinatorial counting tasks (programming-competition style)."""
