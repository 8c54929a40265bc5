"""Out-of-scope images for the input gate: slices that are not frontal chest radiographs — CT / MR / NM / US DICOM
slices (dicom/, modality from dicom/expected.json), NIfTI volume slices (nifti/, label maps skipped) and the
covid-notes laterals (view "L"). Runs on the CPU machine (Debian pydicom and nibabel; the GPU box has neither):

    /usr/bin/python3 -m radlens_train.outofscope --data ../shared/data --out .device-data/out-of-scope

writes WebP slices (percentile-windowed, long side ≤ 256 px) and ``manifest.csv`` (id, image, kind, source) that
``gate`` reads there or in the staged copy. Laterals are read from the cxr manifest at use time, not copied.
"""
from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

import numpy as np
from PIL import Image

from . import data, preprocess

MODALITIES = ("CT", "MR", "NM", "US")
NIFTI_SLICES = (0.3, 0.5, 0.7)


def _to_webp(img: np.ndarray, path: Path, long_side: int = 256) -> None:
    unit = preprocess.percentile_window(img.astype(np.float32))
    im = Image.fromarray(np.clip(np.rint(unit * 255), 0, 255).astype(np.uint8))
    k = long_side / max(im.size)
    if k < 1:
        im = im.resize((max(1, round(im.width * k)), max(1, round(im.height * k))), Image.BILINEAR)
    path.parent.mkdir(parents=True, exist_ok=True)
    im.save(path, "WEBP", quality=80)


def dicom_slices(root: Path) -> Iterator[Tuple[str, str, np.ndarray]]:
    import pydicom
    expected = json.loads((root / "dicom/expected.json").read_text())
    for f in expected["files"]:
        if f.get("modality") not in MODALITIES or "pixel" not in f or f.get("decode_error"):
            continue
        try:
            arr = pydicom.dcmread(root / f["path"], force=True).pixel_array
        except Exception as e:  # noqa: BLE001 — a file pydicom cannot decode is skipped, named
            print(f"skipped {f['path']}: {e}")
            continue
        if arr.ndim == 4 or (arr.ndim == 3 and f.get("samples_per_pixel", 1) > 1):
            arr = arr[..., 0] if arr.shape[-1] in (3, 4) else arr[0]
        if arr.ndim == 3:
            arr = arr[arr.shape[0] // 2]
        if arr.ndim == 2 and min(arr.shape) >= 16 and arr.max() > arr.min():
            yield f["modality"], f["path"], arr


def nifti_slices(root: Path) -> Iterator[Tuple[str, str, np.ndarray]]:
    import nibabel
    expected = json.loads((root / "nifti/expected.json").read_text())
    for f in expected["files"]:
        shape = f.get("shape") or []
        if f.get("header_only") or "unique_values" in f or len(shape) < 3 or min(shape[:3]) < 8:
            continue
        vol = np.asarray(nibabel.load(str(root / f["path"])).dataobj, dtype=np.float32)
        vol = vol[..., 0] if vol.ndim == 4 else vol
        for q in NIFTI_SLICES:
            sl = vol[:, :, int(q * (vol.shape[2] - 1))].T
            if sl.max() > sl.min():
                yield "NIFTI", f"{f['path']}#z{q}", sl


def laterals(root: Path) -> List[data.Item]:
    return [it for it in data.covid(root, ["train", "val", "test"]) if it.view.strip().upper() == "L"]


def stage(root: Path, out: Path) -> Dict[str, int]:
    rows, counts = [], {}
    for kind, src, arr in list(dicom_slices(root)) + list(nifti_slices(root)):
        i = len(rows)
        name = f"images/{kind.lower()}-{i:04d}.webp"
        _to_webp(arr, out / name)
        rows.append({"id": f"{kind.lower()}-{i:04d}", "image": name, "kind": kind, "source": src})
        counts[kind] = counts.get(kind, 0) + 1
    with open(out / "manifest.csv", "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["id", "image", "kind", "source"])
        w.writeheader()
        w.writerows(rows)
    return counts


def load(folder: Path) -> List[Tuple[str, Path]]:
    """(kind, image path) of every staged out-of-scope slice."""
    man = folder / "manifest.csv"
    if not man.exists():
        raise FileNotFoundError(f"{man}: no out-of-scope slices staged (run python3 -m radlens_train.outofscope)")
    return [(r["kind"], folder / r["image"]) for r in data.read_csv(man)]


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args(argv)
    print(json.dumps(stage(a.data, a.out)))


if __name__ == "__main__":
    main()
