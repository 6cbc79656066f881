"""Code tasks: programs are executed in the sandbox (`rlve_gym.verifiers.sandbox`)."""
