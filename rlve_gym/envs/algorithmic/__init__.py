"""Classical algorithmic tasks on sequences, strings, matrices and numbers."""
