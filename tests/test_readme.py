"""The README's code examples run as written: the quickstart as a script, the user task as a module, and its
property-based test with pytest."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_examples_run(tmp_path: Path) -> None:
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(), flags=re.S)
    assert len(blocks) >= 3
    quickstart, user_task, user_test = blocks[0], blocks[1], blocks[2]
    (tmp_path / "quickstart.py").write_text(quickstart)
    (tmp_path / "my_tasks.py").write_text(user_task)
    (tmp_path / "test_my_tasks.py").write_text(f"from my_tasks import SumOfDigits\n{user_test}")
    for command in (["quickstart.py"], ["-m", "pytest", "-q", "-p", "no:cacheprovider", "test_my_tasks.py"]):
        result = subprocess.run(
            [sys.executable, *command], capture_output=True, text=True, cwd=tmp_path, timeout=600
        )
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
