"""Peers for DecodeBenchmark: pydicom / nibabel on the same files, same repetitions, same output format."""
import sys
import time
import os


def read_dicom(path):
    import pydicom
    ds = pydicom.dcmread(path)
    arr = ds.pixel_array
    slope = float(getattr(ds, "RescaleSlope", 1) or 1)
    inter = float(getattr(ds, "RescaleIntercept", 0) or 0)
    return arr.astype("float32") * slope + inter  # same work as ours: stored → rescaled float


def read_nifti(path):
    import nibabel as nib
    import numpy as np
    return nib.load(path).get_fdata(dtype=np.float32)


def main(mode, reps, files):
    read = read_dicom if mode == "dicom" else read_nifti
    for f in files:  # warm-up
        read(f)
    t0 = time.perf_counter()
    for _ in range(reps):
        for f in files:
            read(f)
    s = time.perf_counter() - t0
    size = sum(os.path.getsize(f) for f in files)
    print(f"python {len(files) * reps} {s:.4f} {size * reps}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3:])
