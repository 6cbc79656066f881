"""``python -m rlve_gym.cli``."""

import sys

from rlve_gym.cli import main

sys.exit(main())
