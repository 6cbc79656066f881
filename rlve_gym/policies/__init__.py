"""Policies: language-model policies (ZAYA1) and their kernels."""
