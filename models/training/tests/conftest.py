import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


@pytest.fixture(scope="session")
def data_root() -> Path:
    root = Path(os.environ.get("RADLENS_DATA", Path(__file__).resolve().parents[3] / "../shared/data")).resolve()
    if not (root / "cxr/kermany/manifest.csv").exists():
        pytest.skip(f"RADLENS_DATA not found at {root}: data-dependent training tests skipped")
    return root
