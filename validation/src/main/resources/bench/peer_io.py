"""Peer timings for `radlens bench io`: pydicom / nibabel on the same files as the Java side.

Usage: python3 peer_io.py WARMUP CASES.json
CASES.json: [{"workload": ..., "format": "DICOM"|"NIFTI", "files": [...], "repetitions": N}, ...]
One repetition reads every file of a case once, doing the same work as dicom-io: DICOM stored values -> rescaled
float32 (pydicom pixel_array x slope + intercept), NIfTI -> float32 voxels (nibabel get_fdata).
Prints one JSON object: {"runner": ..., "timings": {workload: [ms, ...]}, "errors": {workload: message}}.
"""
import json
import sys
import time


def read_dicom(path: str):
    import pydicom
    ds = pydicom.dcmread(path)
    slope = float(getattr(ds, "RescaleSlope", 1) or 1)
    inter = float(getattr(ds, "RescaleIntercept", 0) or 0)
    return ds.pixel_array.astype("float32") * slope + inter


def read_nifti(path: str):
    import nibabel as nib
    import numpy as np
    return nib.load(path).get_fdata(dtype=np.float32)


def timed(read, files, warmup: int, reps: int):
    for _ in range(warmup):
        for f in files:
            read(f)
    out = []
    for _ in range(reps):
        t0 = time.perf_counter()
        for f in files:
            read(f)
        out.append((time.perf_counter() - t0) * 1000.0)
    return out


def runner() -> str:
    parts = ["python3"]
    for name in ("pydicom", "nibabel", "numpy"):
        try:
            parts.append(f"{name} {__import__(name).__version__}")
        except ImportError:
            pass
    return " ".join(parts)


def main() -> None:
    warmup = int(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8") as f:
        cases = json.load(f)
    timings, errors = {}, {}
    for c in cases:
        read = read_dicom if c["format"] == "DICOM" else read_nifti
        try:
            timings[c["workload"]] = timed(read, c["files"], warmup, int(c["repetitions"]))
        except Exception as e:  # one workload's failure becomes its row's note
            errors[c["workload"]] = f"{type(e).__name__}: {e}"
    print(json.dumps({"runner": runner(), "timings": timings, "errors": errors}))


if __name__ == "__main__":
    main()
