"""Regenerates the tiny random-initialised test package used by the Java parity tests:
    /usr/bin/python3 models/training/make_tiny_package.py [--data ../shared/data]
A few CPU steps of the TINY preset (so the weights are not all zero), exported with reference cases and an input
gate. Debian has no onnxruntime, so the exporter's parity check is left to the Java TinyParityTest (``--parity java``,
stated in the manifest); ./build test runs that test on the package right after."""
import argparse
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from radlens_train import export, train  # noqa: E402

REPO = HERE.parent.parent
OUT = REPO / "models/src/test/resources/packages/tiny"
REFERENCE = "cxr/kermany/images/IM-0001-0001.jpg"  # CC BY 4.0 (Kermany et al.)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared/data")
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        train.main(["--data", str(a.data), "--out", tmp, "--preset", "tiny", "--device", "cpu"])
        ref = a.data / REFERENCE
        export.main(["--checkpoint", f"{tmp}/checkpoint.pt", "--out", str(a.out), "--kind", "tiny",
                     "--name", "radlens-tiny-test", "--version", "0.0.1", "--reference", str(ref),
                     "--parity", "java", "--gate-data", str(a.data), "--gate-k", "4", "--gate-per-source", "12"])


if __name__ == "__main__":
    main()
