"""Licence, data card and the MODEL_CARD.md text written into every package."""
from __future__ import annotations

import json
from typing import Dict

LICENSE = ("CC BY-NC-SA 4.0 — non-commercial, share-alike: the weights derive from CC BY-NC-SA clinical notes and "
           "images (covid-chestxray-dataset) and CC BY-NC-ND report texts (IU X-ray, used for the tokenizer and "
           "text pretraining). Not for clinical use.")

TRAINING_DATA = [
    {"name": "Kermany pediatric chest X-rays (cxr/kermany)", "license": "CC BY 4.0",
     "use": "official train split (+16 official val images) minus a hashed 10% patient_hint validation set; "
            "official test split held out", "texts": "SYNTHETIC report sentences generated from the labels "
                                                    "(normal / bacterial / viral) by a varied template grammar"},
    {"name": "covid-chestxray-dataset images + clinical notes (cxr/covid-notes)",
     "license": "CC BY-NC-SA 4.0 (notes; most images)", "use": "patient-level train split only",
     "texts": "real clinical notes; synthetic sentences for the finding label"},
    {"name": "V7 lung masks and lung boxes for those images", "license": "CC BY 4.0 / CC BY-SA",
     "use": "train split: lung segmentation and anatomy (left/right lung) supervision"},
    {"name": "IU X-ray (Open-i) radiology reports (text/iu-reports)", "license": "CC BY-NC-ND 4.0",
     "use": "text only: tokenizer training and masked-language pretraining of the text encoder (read at use time, "
            "never redistributed)"},
]


def description(kind: str) -> str:
    if kind == "tiny":
        return ("Tiny RANDOM-INITIALISED test package (a few CPU training steps): for parity and loader tests only; "
                "its predictions are meaningless.")
    if kind == "cpu":
        return "Small CPU-trained configuration of the RadLens dual-stream chest X-ray encoder (reduced quality)."
    return ("RadLens dual-stream report-aligned chest X-ray encoder (CNN + transformer image encoder, small text "
            "transformer), trained from scratch on a GPU: global, pathology-patch and anatomy-patch embeddings and a "
            "lung segmentation head.")


def _metrics_table(m: Dict) -> str:
    if not m:
        return "_No metrics recorded for this package._\n"
    k, a = m.get("kermany_test", {}), m.get("covid_notes_test", {})
    rows = []
    if k:
        pa = k["paraphrase_auc"]
        rows += [("Kermany official test, zero-shot pneumonia vs normal AUC (prompt ensemble)", f"{k['auc_pneumonia_ensemble']:.3f}", "≥ 0.93"),
                 ("  … spread over 10 single paraphrase pairs (min / median / max)",
                  f"{pa['min']:.3f} / {pa['median']:.3f} / {pa['max']:.3f}", ""),
                 ("Kermany test, bacterial vs viral AUC (zero-shot)", f"{k['auc_bacterial_vs_viral']:.3f}", "")]
    if a:
        rows += [("covid-notes test, image→text retrieval R@5", f"{a['retrieval_image_to_text']['R@5']:.3f} (n={a['retrieval_n']})", ""),
                 ("covid-notes test, lung Dice", f"{a['lung_dice']['mean']:.3f} (n={a['lung_dice']['n']})", "≥ 0.93"),
                 ("covid-notes test, pointing game left/right lung", f"{a['pointing_game_boxes']['hit_rate']:.3f} (n={a['pointing_game_boxes']['n']})", "≥ 0.90"),
                 ("covid-notes test (abnormal, with lung mask), 'pneumonia' map peak inside the lungs",
                  f"{_peak(a)} (n={a.get('pneumonia_peak_in_lungs', {}).get('n', 0)})", ""),
                 ("covid-notes test (adult, abnormal), sensitivity p(pneumonia) > 0.5",
                  f"{a['sensitivity_pneumonia_at_0.5']:.3f} (n={a['abnormal_labelled']})", "")]
    lines = ["| metric (held-out) | value | target |", "|---|---|---|"] + [f"| {r} | {v} | {t} |" for r, v, t in rows]
    return "\n".join(lines) + "\n"


def model_card(man: Dict, kind: str) -> str:
    abl_txt = _ablation(man.get("metrics", {}).get("ablation"))
    tr = man.get("metrics", {}).get("training")
    tr_txt = "\n## Training run\n\n" + "\n".join(f"- {k}: {v}" for k, v in tr.items()) + "\n" if tr else ""
    return f"""# Model card — {man['name']} {man['version']}

{man['description']}

## Intended use
Research on report-aligned chest X-ray representations: zero-shot finding scores, text-grounded heat maps and lung
outlines inside RadLens (Fiji, CLI, batch scoring). **Not a medical device; not for diagnosis or triage.**

## Licence
{man['license']}

## Training data
""" + "\n".join(f"- **{d['name']}** ({d['license']}): {d['use']}" + (f"; texts: {d['texts']}" if 'texts' in d else "")
                for d in man['training_data']) + f"""

The Kermany report texts are **synthetic**: sentences generated from the image labels by a template grammar with
many phrasings (see `models/training/radlens_train/texts.py`). No text in training describes what a radiologist
saw on those images.

## Inputs and outputs
Grey image, percentile window 0.5–99.5 % → [0, 1], letterboxed to {man['image']['size']}² px, normalised
(mean {man['image']['mean'][0]}, std {man['image']['std'][0]}). Outputs: global embedding ({man['outputs']['embedding_dim']}-d),
pathology and anatomy patch grids ({man['outputs']['patch_grid'][0]}×{man['outputs']['patch_grid'][1]}), lung logits.
Zero-shot probabilities use prompt ensembles (positive vs negative) with logit scale {man['logit_scale']}.

## Metrics
{_metrics_table(man.get('metrics', {}))}
Full figures: `metrics` in `radlens-model.json`.
{abl_txt}{tr_txt}
## Limitations
- Pneumonia vs normal was learned mostly from **pediatric** images (Kermany); adult images come from 203 figure
  crops of case reports, almost all abnormal. There is **no adult normal image** in the training data, so
  specificity on adult X-rays from other hospitals is unmeasured here and may be poor.
- "pleural effusion" and other findings outside the training labels have no supervision: their scores are
  unvalidated text similarities.
- The lung segmentation head learned from 72 adult masks only: on pediatric films (Kermany) its masks are ragged and
  unreliable; Dice is measured on adult covid-notes images only.
- Lung masks do not separate left and right; left/right anatomy comes from lung boxes and a centre-of-mass split
  of masks on frontal views. Left/right are the patient's.
- Zero-shot scores depend on wording; the spread across paraphrases is reported above. Use the shipped prompt
  ensembles or report your own prompts' spread.
- Small model (≤ 10 M parameters) trained from scratch on a few thousand images.
"""


def _peak(a: Dict) -> str:
    p = a.get("pneumonia_peak_in_lungs")
    return f"{p['peak_in_lungs']:.3f} (contrast {p['contrast']:+.2f})" if p else "not measured"


def _ablation(abl) -> str:
    if not abl:
        return ""
    rows = ["| losses | Kermany AUC | paraphrase min–max | R@5 (img→text) | lung Dice | pointing game | pneumonia peak in lungs |",
            "|---|---|---|---|---|---|---|"]
    for name, m in abl.items():
        k, a = m["kermany_test"], m["covid_notes_test"]
        rows.append(f"| {name} | {k['auc_pneumonia_ensemble']:.3f} | {k['paraphrase_auc']['min']:.3f}–"
                    f"{k['paraphrase_auc']['max']:.3f} | {a['retrieval_image_to_text']['R@5']:.3f} | "
                    f"{a['lung_dice']['mean']:.3f} | {a['pointing_game_boxes']['hit_rate']:.3f} | {_peak(a)} |")
    return ("\n## Ablation (same data, epochs and seed; evaluated on the staged GPU copy of the held-out splits)\n\n"
            + "\n".join(rows) + "\n")


def dumps(obj) -> str:
    return json.dumps(obj, indent=1)
