"""Synthetic report-like texts for label-only adult films (NIH findings, tuberculosis, adult normals) from a varied
grammar — location words, uncertainty hedges, negations of absent findings — and the paraphrased prompt sets used
for zero-shot scoring. These texts are SYNTHETIC (the model card says so): no radiologist wrote them for the film.
"""
from __future__ import annotations

import random
from typing import Dict, FrozenSet, List, Tuple

from . import texts

SIDES = ["right", "left", "bilateral"]
ZONES = {"upper lobe": "upper lobes", "lower lobe": "lower lobes", "lung base": "lung bases", "apex": "apices",
         "mid zone": "mid zones", "perihilar region": "perihilar regions"}
HEDGES = ["", "", "", "possible ", "probable ", "likely ", "suspected ", "mild ", "subtle "]
TAILS = ["", "", "", " cannot be excluded", " is suspected", " is likely", " may be present"]

# finding → (noun phrases, finding templates with {hedge}, {where}, {f})
PHRASES: Dict[str, List[str]] = {
    "atelectasis": ["atelectasis", "subsegmental atelectasis", "volume loss with atelectasis", "plate-like atelectasis"],
    "cardiomegaly": ["cardiomegaly", "an enlarged cardiac silhouette", "enlargement of the heart"],
    "consolidation": ["consolidation", "airspace consolidation", "focal consolidation"],
    "edema": ["pulmonary edema", "interstitial edema", "vascular congestion with edema"],
    "effusion": ["pleural effusion", "a pleural effusion", "blunting of the costophrenic angle from effusion"],
    "emphysema": ["emphysema", "hyperinflated lungs with emphysema", "emphysematous changes"],
    "fibrosis": ["pulmonary fibrosis", "fibrotic change", "reticular fibrosis"],
    "hernia": ["a hiatal hernia", "hiatus hernia", "a retrocardiac hernia"],
    "infiltration": ["an infiltrate", "pulmonary infiltrates", "patchy infiltration"],
    "mass": ["a lung mass", "a pulmonary mass", "a mass lesion"],
    "nodule": ["a pulmonary nodule", "a nodular opacity", "a small nodule"],
    "pleural thickening": ["pleural thickening", "apical pleural thickening", "thickened pleura"],
    "pneumonia": ["pneumonia", "an infectious infiltrate", "airspace disease consistent with pneumonia"],
    "pneumothorax": ["a pneumothorax", "a small pneumothorax", "a pleural air collection"],
    "tuberculosis": ["pulmonary tuberculosis", "active tuberculosis", "cavitary opacity typical of tuberculosis",
                     "fibronodular opacities consistent with tuberculosis", "tuberculous infiltrate"],
}
LOCATED = {"atelectasis", "consolidation", "effusion", "infiltration", "mass", "nodule", "pleural thickening",
           "pneumonia", "pneumothorax", "tuberculosis", "fibrosis"}
NEGATIONS = {"effusion": ["No pleural effusion.", "No effusion."], "pneumothorax": ["No pneumothorax."],
             "consolidation": ["No focal consolidation."], "cardiomegaly": ["Heart size is normal.", "No cardiomegaly."],
             "edema": ["No pulmonary edema."], "mass": ["No lung mass."], "nodule": ["No pulmonary nodule."],
             "tuberculosis": ["No evidence of active tuberculosis."], "pneumonia": ["No pneumonia."]}
TEMPLATES = ["There is {hedge}{f}{where}.", "{Hedge}{f}{where}.",
             "{F}{where}{tail}.", "The radiograph shows {hedge}{f}{where}.", "Evidence of {hedge}{f}{where}."]


def _where(finding: str, rng: random.Random) -> str:
    if finding not in LOCATED or rng.random() < 0.3:
        return ""
    side, zone = rng.choice(SIDES), rng.choice(sorted(ZONES))
    return f" in the {'bilateral ' + ZONES[zone] if side == 'bilateral' else side + ' ' + zone}"


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def finding_sentence(finding: str, rng: random.Random) -> str:
    f = rng.choice(PHRASES[finding])
    hedge, tail = rng.choice(HEDGES), rng.choice(TAILS)
    if hedge:
        f = f.split(" ", 1)[1] if f.split(" ", 1)[0] in ("a", "an") else f
    t = rng.choice(TEMPLATES)
    return _cap(t.format(hedge=hedge, Hedge=_cap(hedge), f=f, F=_cap(f), where=_where(finding, rng), tail=tail))


def findings_report(findings: FrozenSet[str], rng: random.Random) -> str:
    """A report for a finding set; ``{"normal"}`` gives a normal report. Absent findings may be negated, present
    ones never are."""
    if findings == frozenset({"normal"}):
        return texts.synthetic_report("normal", rng)
    unknown = sorted(f for f in findings if f not in PHRASES)
    if unknown:
        raise ValueError(f"no report grammar for findings {unknown}")
    parts = [finding_sentence(f, rng) for f in rng.sample(sorted(findings), len(findings))]
    absent = [f for f in NEGATIONS if f not in findings]
    for f in rng.sample(absent, rng.randint(0, 2)):
        parts.append(rng.choice(NEGATIONS[f]))
    if "tuberculosis" in findings and rng.random() < 0.5:
        parts.append(rng.choice(["Impression: pulmonary tuberculosis.", "Correlate with sputum testing.",
                                 "Findings suggestive of active TB."]))
    return (rng.choice(texts._PREFIX) + " ".join(parts)).strip()


# ---- zero-shot prompt sets: each set is one phrasing; the ensemble pools all sets -------------------------------
POSITIVE_FORMS = ["{F}.", "Findings consistent with {f}.", "There is {f}.", "Chest radiograph showing {f}.",
                  "Radiographic evidence of {f}.", "{F} is present."]
NEGATIVE_FORMS = ["No {f}.", "No evidence of {f}.", "There is no {f}.", "Normal chest radiograph.",
                  "The lungs are clear.", "No acute cardiopulmonary abnormality."]
TARGET_PHRASE = {f: PHRASES[f][0] for f in PHRASES}
ABNORMAL = "abnormal"  # NIH "any finding"
PROMPT_NAMES = {ABNORMAL: "any finding", **{f: f for f in PHRASES}}


def prompt_sets(target: str) -> List[Tuple[List[str], List[str]]]:
    """Six paraphrased (positive, negative) prompt pairs for ``target`` (a finding, or ``abnormal``)."""
    if target == ABNORMAL:
        pos = ["Abnormal chest radiograph.", "There are acute cardiopulmonary findings.", "The chest x-ray is abnormal.",
               "Abnormal lungs.", "Findings of lung disease.", "Abnormal chest x-ray with findings."]
        neg = ["Normal chest radiograph.", "No acute cardiopulmonary abnormality.", "The chest x-ray is normal.",
               "The lungs are clear.", "No finding.", "Normal chest x-ray without findings."]
        return [([p], [n]) for p, n in zip(pos, neg)]
    f = TARGET_PHRASE[target]
    return [([p.format(f=f, F=_cap(f))], [n.format(f=f, F=_cap(f))]) for p, n in zip(POSITIVE_FORMS, NEGATIVE_FORMS)]


def ensemble(target: str) -> Dict[str, List[str]]:
    sets = prompt_sets(target)
    return {"positive": [p for s in sets for p in s[0]], "negative": list(dict.fromkeys(n for s in sets for n in s[1]))}
