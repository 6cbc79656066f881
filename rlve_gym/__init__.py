"""rlve_gym: verifiable-reward environments for RL on language models."""
