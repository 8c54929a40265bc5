#!/usr/bin/env bash
# Runs on the GPU machine (device tool), from the repository root, with the staged data carried in .device-data:
#   bash models/training/gpu_run.sh smoke          tests + 3 epochs + eval + export (timing check)
#   bash models/training/gpu_run.sh full EPOCHS    default model + ablations in parallel, eval, export
# Writes logs, metrics and the package (tarred, < 16 MiB per file) under $OUT.
set -euo pipefail
mode=${1:-smoke}; epochs=${2:-120}
export PYTHONUNBUFFERED=1
OUT=${OUT:-/tmp/radlens-out}; mkdir -p "$OUT"
data=$(pwd)/.device-data
cd models/training
nvidia-smi --query-gpu=name,memory.total,utilization.gpu --format=csv,noheader || true
python3 -c 'import torch, onnxruntime, tokenizers; print("torch", torch.__version__, "ort", onnxruntime.__version__, "tokenizers", tokenizers.__version__)'
run() { # name ablation epochs
  python3 -m radlens_train.train --data "$data" --out "/tmp/run-$1" --ablation "$2" --epochs "$3" \
      --max-seconds "${MAX_TRAIN_S:-1e9}" > "$OUT/train-$1.log" 2>&1
  [ "$1" = full ] && tar -C "/tmp/run-$1" -cf "$OUT/checkpoint.tar" checkpoint.pt tokenizer.json
  python3 -m radlens_train.evaluate --data "$data" --checkpoint "/tmp/run-$1/checkpoint.pt" --device cuda \
      --out "/tmp/run-$1/metrics.json" > "$OUT/eval-$1.log" 2>&1
  cp "/tmp/run-$1/train_log.jsonl" "$OUT/train_log-$1.jsonl"; cp "/tmp/run-$1/metrics.json" "$OUT/metrics-$1.json"
}
case "$mode" in
  smoke)
    python3 -m pytest -q tests 2>&1 | tail -3
    run smoke full 3
    tail -4 "$OUT/train-smoke.log"
    pkgrun=smoke ;;
  single)
    run full full "$epochs"
    pkgrun=full ;;
  full)
    run full full "$epochs" &
    run global_only global_only "$epochs" &
    run global_local global_local "$epochs" &
    wait
    for n in full global_only global_local; do tail -2 "$OUT/train-$n.log"; done
    pkgrun=full ;;
esac
python3 -m radlens_train.export --checkpoint "/tmp/run-$pkgrun/checkpoint.pt" --out /tmp/pkg \
    --metrics "/tmp/run-$pkgrun/metrics.json" --reference "$data/cxr/kermany/images/IM-0001-0001.jpg" \
    "$data/cxr/kermany/images/person1_virus_6.jpg" 2>&1 | grep -v -i warn | tail -3 || true
tar -C /tmp -cf "$OUT/package.tar" pkg
python3 - "$OUT" <<'PY'
import json, sys, glob
for f in sorted(glob.glob(sys.argv[1] + "/metrics-*.json")):
    m = json.load(open(f)); k = m["kermany_test"]; a = m["covid_notes_test"]
    print(f.split("metrics-")[1][:-5], "kermanyAUC=%.4f paraphrase[min/med/max]=%.3f/%.3f/%.3f bact/vir=%.3f R@5=%.3f dice=%.3f point=%.3f adultSens=%.3f" % (
        k["auc_pneumonia_ensemble"], k["paraphrase_auc"]["min"], k["paraphrase_auc"]["median"], k["paraphrase_auc"]["max"],
        k["auc_bacterial_vs_viral"], a["retrieval_image_to_text"]["R@5"], a["lung_dice"]["mean"],
        a["pointing_game_boxes"]["hit_rate"], a["sensitivity_pneumonia_at_0.5"]), "pneumoniaPeakInLungs=%s" % a.get("pneumonia_peak_in_lungs"))
PY
ls -la "$OUT"
