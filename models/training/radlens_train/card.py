"""Licence, data card and the MODEL_CARD.md text written into every package."""
from __future__ import annotations

import json
from typing import Dict

from . import results

LICENSE = ("CC BY-NC-SA 4.0 — non-commercial, share-alike, research use only: the weights derive from CC BY-NC-SA "
           "clinical notes and images (covid-chestxray-dataset), CC BY-NC-ND report texts (IU X-ray, used for the "
           "tokenizer and text pretraining), the NLM Montgomery/Shenzhen tuberculosis sets (research use with "
           "citation; Shenzhen masks CC BY-NC-SA 4.0), NIH ChestX-ray14 and RSNA challenge normals (research use). "
           "The ImageNet start is Apache-2.0 (TF MobileNetV2). Not for clinical use.")

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
    {"name": "NIH ChestX-ray14 subset (cxr/adult/nih): 1,592 adult films, 14-finding labels", "license":
     "NIH: use without restriction, acknowledge the NIH Clinical Center", "use": "patient-level train split; val for "
     "model selection; test for the final report only", "texts": "SYNTHETIC report sentences generated from the "
     "finding labels (negations, uncertainty, location words); 'No Finding' as adult normal"},
    {"name": "Montgomery (USA) + Shenzhen (China) tuberculosis sets (cxr/adult/montgomery-shenzhen)", "license":
     "NLM: research use with citation (Jaeger et al. 2014), not redistributed; Shenzhen masks CC BY-NC-SA 4.0",
     "use": "train split: tuberculosis/normal texts and lung-mask segmentation; val selection; test report only",
     "texts": "SYNTHETIC tuberculosis / normal reports"},
    {"name": "RSNA challenge adult normals (cxr/adult/rsna-normals)", "license": "RSNA challenge terms (research use)",
     "use": "train split as adult normals", "texts": "SYNTHETIC normal reports"},
    {"name": "ImageNet MobileNetV2 (weights/mobilenet-v2-imagenet, TFLite int8, dequantised)", "license": "Apache-2.0",
     "use": "initialisation of the image trunk (ImageNet start)"},
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
    return ("RadLens dual-stream report-aligned chest X-ray encoder v2 (MobileNetV2 trunk from ImageNet + transformer "
            "image encoder, small text transformer), trained on a GPU on pediatric and adult chest X-rays: global, "
            "pathology-patch and anatomy-patch embeddings, a lung segmentation head and an input gate.")


def _metrics_table(m: Dict) -> str:
    if m.get("schema") == "radlens-metrics/2":
        return results.markdown(m)
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

The Kermany, NIH, Montgomery/Shenzhen and RSNA report texts are **synthetic**: sentences generated from the image
labels by a template grammar with many phrasings, negations, uncertainty and location words
(`models/training/radlens_train/texts.py`, `reports.py`). No text in training describes what a radiologist saw on
those images; only the covid-notes clinical notes and the IU reports are real text.

## Input gate
{_gate(man)}

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
- Zero-shot finding scores were learned from **synthetic** texts built from image labels (NIH labels are
  text-mined and noisy, ≈ 10–20 % label error); findings without training labels (e.g. "opacity") are unvalidated
  text similarities. Montgomery has few test films (17): its per-hospital AUC has a wide interval.
- Pediatric pneumonia (Kermany) and adult findings share one space; the sampler balances the sources, but the adult
  sets are small (≈ 1,300 NIH, 700 tuberculosis-set, 2,400 RSNA-normal training films).
- The lung segmentation head learned from covid-notes and Montgomery/Shenzhen masks (adults); pediatric masks are
  unvalidated. Lung masks do not separate left and right: left/right anatomy comes from lung boxes and a
  centre-of-mass split on frontal views. Left/right are the patient's.
- The input gate only knows what frontal chest films look like in the embedding space; it is no substitute for
  DICOM Modality/ViewPosition checks, and unusual but valid films (devices, children, rotated films) may be flagged.
- Zero-shot scores depend on wording; the spread across paraphrased prompt sets is reported above.
- Small model (≤ 10 M parameters). Research only: not a medical device, not for diagnosis or triage.
"""


def _gate(man: Dict) -> str:
    if "input_gate" not in man:
        return "This package has no input gate."
    return (f"`{man['input_gate']}`: an image whose embedding's best cosine to the prototypes of training frontal films "
            "is below the calibrated threshold is flagged as out of scope (not a frontal chest radiograph). "
            "Calibration and measured flag rates are in that file.")


def _peak(a: Dict) -> str:
    p = a.get("pneumonia_peak_in_lungs")
    return f"{p['peak_in_lungs']:.3f} (contrast {p['contrast']:+.2f})" if p else "not measured"


def _ablation(abl) -> str:
    if not abl:
        return ""
    if all(m.get("schema") == "radlens-metrics/2" for m in abl.values()):
        return ("\n## Ablation (same data, seed and time budget; held-out test splits)\n\n"
                + results.ablation_markdown(abl))
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
