"""Make the shared helpers in ``wubi_support.py`` importable by the test modules."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
