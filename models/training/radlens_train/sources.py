"""The adult chest X-ray sets (cxr/adult, see its PROVENANCE.md) and all training sources together.

Splits come from the manifests (``split``: NIH by patient, hashed elsewhere); Kermany and covid-notes keep the
rules in ``data``. Works on the original data folder and on the WebP copy written by stage-device-data (same
manifests, image paths relative to the folder). Test splits are only read by the final report (``report``).
"""
from __future__ import annotations

from pathlib import Path
from typing import Dict, FrozenSet, List

from . import data

NIH_FINDINGS = ["Atelectasis", "Cardiomegaly", "Consolidation", "Edema", "Effusion", "Emphysema", "Fibrosis", "Hernia",
                "Infiltration", "Mass", "Nodule", "Pleural_Thickening", "Pneumonia", "Pneumothorax"]
SOURCES = ("kermany", "covid", "nih", "tb", "rsna")
SPLITS = ("train", "val", "test")


def _check_split(split: str) -> None:
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r} (expected one of {SPLITS})")


def finding_name(nih: str) -> str:
    """NIH label → finding name used in texts and label sets (``Pleural_Thickening`` → ``pleural thickening``)."""
    return nih.replace("_", " ").lower()


def nih_findings(field: str, where: str) -> FrozenSet[str]:
    labels = [f.strip() for f in field.split("|") if f.strip()]
    if labels == ["No Finding"]:
        return frozenset({"normal"})
    unknown = [f for f in labels if f not in NIH_FINDINGS]
    if unknown or not labels:
        raise ValueError(f"{where}: unknown NIH findings {unknown or field!r}")
    return frozenset(finding_name(f) for f in labels)


def nih(root: Path, split: str) -> List[data.Item]:
    _check_split(split)
    path = root / "cxr/adult/nih/manifest.csv"
    out = []
    for r in data.read_csv(path):
        if r["split"] == split:
            f = nih_findings(r["findings"], f"{path} row {r['id']}")
            out.append(data.Item(r["id"], root / r["image"], "nih", "normal" if f == {"normal"} else "abnormal",
                                 view=r["view"], findings=f))
    return out


def tb(root: Path, split: str) -> List[data.Item]:
    """Montgomery (USA) + Shenzhen (China): normal / tuberculosis, lung masks where present."""
    _check_split(split)
    path = root / "cxr/adult/montgomery-shenzhen/manifest.csv"
    out = []
    for r in data.read_csv(path):
        if r["split"] != split:
            continue
        if r["label"] not in ("normal", "tuberculosis"):
            raise ValueError(f"{path} row {r['id']}: label {r['label']!r} is neither normal nor tuberculosis")
        out.append(data.Item(r["id"], root / r["image"], "tb", r["label"], view="PA",
                             mask=root / r["mask"] if r["mask"] else None, findings=frozenset({r["label"]}),
                             group=r["hospital"]))
    return out


def rsna(root: Path, split: str) -> List[data.Item]:
    _check_split(split)
    return [data.Item(r["id"], root / r["image"], "rsna", "normal", view="PA", findings=frozenset({"normal"}))
            for r in data.read_csv(root / "cxr/adult/rsna-normals/manifest.csv") if r["split"] == split]


def covid(root: Path, split: str) -> List[data.Item]:
    _check_split(split)
    return data.covid(root, [split])


def kermany(root: Path, split: str) -> List[data.Item]:
    _check_split(split)
    return data.kermany(root, split)


LOADERS = {"kermany": kermany, "covid": covid, "nih": nih, "tb": tb, "rsna": rsna}


def load(root: Path, split: str, sources=SOURCES) -> Dict[str, List[data.Item]]:
    """Items of ``split`` per source. Raises naming the manifest when one is missing."""
    out = {}
    for s in sources:
        try:
            out[s] = LOADERS[s](root, split)
        except FileNotFoundError as e:
            raise FileNotFoundError(f"source {s}: manifest not found under {root} ({e.filename})") from e
    return out
