"""Report texts: IU X-ray reports (real, text only), a varied report grammar for label-only images (synthetic,
declared as such in the model card), and the prompt sets shipped in the package.

Kermany labels become report-like sentences; every call draws a different phrasing so the text side sees the
same finding in many words. Covid-notes images use their real clinical notes and, for labelled findings, a
synthetic sentence for the label.
"""
from __future__ import annotations

import functools
import random
import re
import tarfile
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Dict, List, Optional

# ---- label → canonical class -------------------------------------------------------------------------------
VIRAL = {"covid-19", "covid-19, ards", "sars", "mers-cov", "influenza", "varicella", "herpes", "viral"}
BACTERIAL = {"streptococcus", "klebsiella", "e.coli", "legionella", "mycoplasma bacterial pneumonia",
             "chlamydophila", "staphylococcus", "bacterial", "nocardia", "tuberculosis"}
PNEUMONIA_OTHER = {"pneumonia", "pneumocystis", "ards", "lipoid", "aspergillosis", "fungal"}
NORMAL = {"no finding", "normal"}


def covid_class(finding: str) -> Optional[str]:
    """Maps a covid-notes ``finding`` to normal / bacterial / viral / pneumonia, or None when unlabelled."""
    f = finding.strip().lower()
    if f in NORMAL:
        return "normal"
    if f in VIRAL or "covid" in f:
        return "viral"
    if f in BACTERIAL:
        return "bacterial"
    if f in PNEUMONIA_OTHER:
        return "pneumonia"
    return None


# ---- the synthetic report grammar --------------------------------------------------------------------------
def _pick(rng: random.Random, options: List[str]) -> str:
    return rng.choice(options)


_NORMAL_LUNGS = ["The lungs are clear.", "Lungs are clear bilaterally.", "Clear lungs.", "The lungs are well expanded and clear.",
                 "No focal airspace disease.", "No focal consolidation.", "No acute cardiopulmonary abnormality.",
                 "No acute cardiopulmonary process.", "Normal chest radiograph.", "No evidence of pneumonia.",
                 "Both lungs are clear without infiltrate.", "The lung fields are clear.", "No pulmonary opacity.",
                 "Unremarkable chest x-ray.", "No active lung disease.", "There is no infiltrate or consolidation."]
_NORMAL_OTHER = ["No pleural effusion or pneumothorax.", "Heart size is normal.", "The cardiomediastinal silhouette is normal.",
                 "Normal heart size and mediastinal contours.", "No pneumothorax.", "Bony structures are intact.",
                 "The costophrenic angles are sharp.", "Normal pulmonary vascularity."]
_NORMAL_IMPRESSION = ["Normal chest.", "No acute disease.", "No radiographic evidence of pneumonia.", "Normal study.",
                      "Negative chest radiograph.", "No acute findings.", "Clear lungs, no pneumonia."]

_SITES = ["right lower lobe", "left lower lobe", "right upper lobe", "left upper lobe", "right middle lobe", "lingula",
          "right lung base", "left lung base", "right perihilar region", "left perihilar region", "lung base"]
_BACT_FINDING = ["Focal consolidation in the {site}.", "Dense airspace consolidation in the {site} with air bronchograms.",
                 "Lobar consolidation involving the {site}.", "Focal airspace opacity in the {site}.",
                 "There is a focal area of consolidation.", "Segmental consolidation is present.",
                 "Dense lobar opacity with air bronchograms.", "A confluent airspace opacity is seen.",
                 "Focal airspace disease.", "Round consolidation in the {site}."]
_BACT_IMPRESSION = ["Findings consistent with bacterial pneumonia.", "Lobar pneumonia.", "Bacterial pneumonia.",
                    "Consolidation compatible with bacterial pneumonia.", "Pneumonia, likely bacterial.",
                    "Focal pneumonia.", "Airspace pneumonia."]
_VIRAL_FINDING = ["Diffuse bilateral interstitial opacities.", "Bilateral perihilar peribronchial thickening.",
                  "Patchy bilateral hazy opacities.", "Bilateral reticular interstitial markings.",
                  "Diffuse interstitial infiltrates in both lungs.", "Bilateral streaky perihilar opacities.",
                  "Multifocal patchy opacities in both lungs.", "Bilateral ground-glass opacities.",
                  "Hazy bilateral airspace opacities.", "Increased interstitial markings bilaterally."]
_VIRAL_IMPRESSION = ["Findings consistent with viral pneumonia.", "Viral pneumonia.", "Atypical pneumonia, likely viral.",
                     "Pattern compatible with viral or atypical infection.", "Bilateral pneumonia, probably viral.",
                     "Viral lower respiratory tract infection."]
_PNEU_IMPRESSION = ["Pneumonia.", "Findings consistent with pneumonia.", "Airspace disease compatible with pneumonia.",
                    "Lung opacities in keeping with pneumonia.", "Infectious process."]
_COVID_IMPRESSION = ["Findings consistent with COVID-19 pneumonia.", "COVID-19 pneumonia.",
                     "Bilateral peripheral opacities typical of COVID-19.", "SARS-CoV-2 pneumonia."]
_PREFIX = ["", "", "", "Findings: ", "FINDINGS: ", "Chest x-ray: ", "Frontal chest radiograph. "]


def synthetic_report(label: str, rng: random.Random, covid: bool = False) -> str:
    """One report-like text for ``label`` in normal / bacterial / viral / pneumonia (``covid`` for COVID-19)."""
    if label == "normal":
        parts = [_pick(rng, _NORMAL_LUNGS)] + rng.sample(_NORMAL_OTHER, rng.randint(0, 2))
        rng.shuffle(parts)
        if rng.random() < 0.5:
            parts.append("Impression: " + _pick(rng, _NORMAL_IMPRESSION) if rng.random() < 0.5 else _pick(rng, _NORMAL_IMPRESSION))
    elif label == "bacterial":
        parts = [_pick(rng, _BACT_FINDING).format(site=_pick(rng, _SITES))]
        if rng.random() < 0.6:
            parts.append(_pick(rng, _BACT_IMPRESSION))
    elif label == "viral":
        parts = [_pick(rng, _VIRAL_FINDING)]
        if rng.random() < 0.6 or covid:
            parts.append(_pick(rng, _COVID_IMPRESSION if covid else _VIRAL_IMPRESSION))
    elif label == "pneumonia":
        parts = [_pick(rng, _BACT_FINDING + _VIRAL_FINDING).format(site=_pick(rng, _SITES)), _pick(rng, _PNEU_IMPRESSION)]
    else:
        raise ValueError(f"unknown label {label!r}")
    if rng.random() < 0.25:
        parts = parts[-1:]
    return (_pick(rng, _PREFIX) + " ".join(parts)).strip()


# ---- prompts shipped in the package ------------------------------------------------------------------------
NEGATIVE_NORMAL = ["The lungs are clear.", "No acute cardiopulmonary abnormality.", "Normal chest radiograph.",
                   "No focal consolidation.", "No evidence of pneumonia.", "Clear lungs without infiltrate."]
FINDING_PROMPTS: Dict[str, Dict[str, List[str]]] = {
    "pneumonia": {"positive": ["Findings consistent with pneumonia.", "Airspace opacity compatible with pneumonia.",
                               "Pneumonia.", "Focal consolidation consistent with pneumonia.",
                               "Bilateral opacities in keeping with pneumonia.", "Lung infiltrate due to pneumonia."],
                  "negative": NEGATIVE_NORMAL},
    "bacterial pneumonia": {"positive": ["Lobar consolidation consistent with bacterial pneumonia.", "Bacterial pneumonia.",
                                         "Dense focal airspace consolidation.", "Lobar pneumonia."],
                            "negative": ["Diffuse interstitial opacities consistent with viral pneumonia."] + NEGATIVE_NORMAL[:3]},
    "viral pneumonia": {"positive": ["Bilateral interstitial opacities consistent with viral pneumonia.", "Viral pneumonia.",
                                     "Diffuse perihilar peribronchial thickening.", "Atypical pneumonia, likely viral."],
                        "negative": ["Lobar consolidation consistent with bacterial pneumonia."] + NEGATIVE_NORMAL[:3]},
    "COVID-19 pneumonia": {"positive": ["Findings consistent with COVID-19 pneumonia.", "COVID-19 pneumonia.",
                                        "Bilateral peripheral ground-glass opacities typical of COVID-19."],
                           "negative": NEGATIVE_NORMAL},
    "consolidation": {"positive": ["Focal consolidation.", "Dense airspace consolidation with air bronchograms.",
                                   "Lobar consolidation."],
                      "negative": ["No focal consolidation.", "The lungs are clear."]},
    "opacity": {"positive": ["Lung opacity.", "Patchy airspace opacities.", "Hazy opacities in both lungs."],
                "negative": ["No pulmonary opacity.", "The lungs are clear."]},
    "pleural effusion": {"positive": ["Pleural effusion.", "Blunting of the costophrenic angle from pleural effusion."],
                         "negative": ["No pleural effusion.", "The costophrenic angles are sharp."]},
    "normal": {"positive": NEGATIVE_NORMAL,
               "negative": ["Findings consistent with pneumonia.", "Airspace opacity.", "Abnormal chest radiograph."]},
}
ANATOMY_PROMPTS: Dict[str, List[str]] = {
    "right lung": ["right lung", "the right lung", "right hemithorax", "right lung field"],
    "left lung": ["left lung", "the left lung", "left hemithorax", "left lung field"],
    "lungs": ["lungs", "both lungs", "the lungs", "lung fields"],
    "outside lungs": ["outside the lungs", "soft tissue and bones", "mediastinum and background"],
}
# Single prompt pairs used to report the spread of zero-shot AUC across phrasings.
PARAPHRASE_PAIRS = [
    ("Pneumonia.", "Normal chest radiograph."),
    ("Findings consistent with pneumonia.", "No evidence of pneumonia."),
    ("Focal consolidation.", "No focal consolidation."),
    ("Airspace opacity compatible with pneumonia.", "The lungs are clear."),
    ("Bilateral opacities in keeping with pneumonia.", "Clear lungs without infiltrate."),
    ("Lung infiltrate due to pneumonia.", "No acute cardiopulmonary abnormality."),
    ("There is pneumonia.", "There is no pneumonia."),
    ("Abnormal chest x-ray with lung opacities.", "Normal chest x-ray."),
    ("Infection of the lung.", "Healthy lungs."),
    ("Patchy airspace disease.", "No airspace disease."),
]


# ---- real texts ---------------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=2)
def iu_reports(archive: Path) -> List[str]:
    """FINDINGS + IMPRESSION of every IU report (read from the unmodified archive at use time; ``XXXX`` is the
    source's de-identification mask and is dropped)."""
    texts: List[str] = []
    with tarfile.open(archive, "r:gz") as tar:
        for m in tar.getmembers():
            if not m.name.endswith(".xml"):
                continue
            root = ET.fromstring(tar.extractfile(m).read())
            parts = [(a.text or "").strip() for a in root.iter("AbstractText")
                     if a.get("Label") in ("FINDINGS", "IMPRESSION") and a.text]
            text = re.sub(r"\s+", " ", re.sub(r"X{2,}", "", " ".join(parts))).strip()
            if text:
                texts.append(text)
    return texts


def note_chunks(note: str, rng: random.Random, max_words: int = 40) -> str:
    """A random window of whole sentences from a clinical note, at most about ``max_words`` words."""
    sents = [s.strip() for s in re.split(r"(?<=[.;])\s+", note) if s.strip()]
    if not sents:
        return note
    start = rng.randrange(len(sents))
    out, n = [], 0
    for s in sents[start:] + sents[:start]:
        w = len(s.split())
        if out and n + w > max_words:
            break
        out.append(s)
        n += w
    return " ".join(out)
