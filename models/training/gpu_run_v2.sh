#!/usr/bin/env bash
# Default model v2 on the GPU machine (device tool), from the repository root, with the staged data carried in
# .device-data (../shared/tools/stage-device-data, then the out-of-scope slices: see models/training/README.md):
#   bash models/training/gpu_run_v2.sh [TRAIN_SECONDS]      (default 170: ~5 min wall in all, a rerun fits)
# Trains three configurations CONCURRENTLY on the one GPU, each capped at TRAIN_SECONDS (epochs sized to it after
# the first one): v2 (ImageNet start, all losses), scratch (same, from-scratch trunk), global_only (ImageNet start,
# global loss only). Each selects its model on val; then the v2 export (input gate calibrated on train/val,
# ONNX Runtime parity — fails closed), the final test report of each run (test read once), the model card with
# the ablation table. Returns five files in $OUT (the device tool brings back at most 8): package.tar,
# metrics-v2.json, training.json, results.md and logs.tar (every log, each run's metrics and train_log, the
# nvidia-smi samples; written even when a step fails). Reference images are
# Kermany's (CC BY 4.0) only: the package is committed, and the adult sets' images must never be.
# CPU dry run of the same script (tiny preset, no GPU, no onnxruntime; the package is then a tiny one whose parity
# the Java TinyParityTest checks):  RADLENS_DRY_RUN=1 PYTHON=/usr/bin/python3 bash models/training/gpu_run_v2.sh 20
set -euo pipefail
train_s=${1:-170}
py=${PYTHON:-python3}
if [ "${RADLENS_DRY_RUN:-0}" = 1 ]; then
  dev=cpu; preset=(--preset tiny --epochs 2); kind=(--kind tiny --parity java --gate-k 4 --gate-per-source 40); boot=50
else
  dev=cuda; preset=(--epochs 40); kind=(); boot=1000
fi
export PYTHONUNBUFFERED=1 CUBLAS_WORKSPACE_CONFIG=:4096:8 ORT_DISABLE_TELEMETRY=1
OUT=${OUT:-/tmp/radlens-out}; mkdir -p "$OUT"
W=/tmp/radlens-work; rm -rf "$W"; mkdir -p "$W"
smi=
trap '[ -n "$smi" ] && kill $smi 2>/dev/null; tar -C /tmp -cf "$OUT/logs.tar" radlens-work' EXIT
root=$(pwd); data=$root/.device-data; oos=$data/out-of-scope
[ -f "$data/cxr/adult/nih/manifest.csv" ] || { echo "no staged data in $data" >&2; exit 2; }
[ -f "$oos/manifest.csv" ] || { echo "no out-of-scope slices in $oos" >&2; exit 2; }
cd models/training
rm -rf /tmp/run-v2 /tmp/run-scratch /tmp/run-global_only /tmp/pkg   # a rerun starts fresh (test read once per run)
t_start=$(date +%s)
{ nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader || echo "no GPU ($dev)"; } | tee "$W/gpu.txt"
$py -c 'import torch, flatbuffers; print("torch", torch.__version__)' | tee -a "$W/gpu.txt"
$py -c 'import onnxruntime, tokenizers; print("ort", onnxruntime.__version__, "tokenizers", tokenizers.__version__)' \
    | tee -a "$W/gpu.txt" || echo "onnxruntime/tokenizers missing: a default package will be refused" | tee -a "$W/gpu.txt"
: > "$W/nvidia-smi-samples.csv"
if command -v nvidia-smi >/dev/null; then
  nvidia-smi --query-gpu=timestamp,utilization.gpu,memory.used --format=csv,noheader -l 5 > "$W/nvidia-smi-samples.csv" 2>/dev/null &
  smi=$!
fi

train() { # name, extra train args...
  local name=$1; shift
  $py -m radlens_train.train --data "$data" --out "/tmp/run-$name" --device "$dev" "${preset[@]}" \
      --max-seconds "$train_s" "$@" > "$W/train-$name.log" 2>&1
  cp "/tmp/run-$name/train_log.jsonl" "$W/train_log-$name.jsonl"
}
train v2 --init imagenet &
train scratch --init scratch &
train global_only --init imagenet --ablation global_only &
wait
t_train=$(date +%s)
for n in v2 scratch global_only; do tail -2 "$W/train-$n.log" | cut -c1-400; done

$py -m radlens_train.export --checkpoint /tmp/run-v2/checkpoint.pt --out /tmp/pkg --device "$dev" "${kind[@]}" \
    --gate-data "$data" --out-of-scope "$oos" --name radlens-cxr-dualstream --version 2.0.0 \
    --reference "$data/cxr/kermany/images/IM-0001-0001.webp" "$data/cxr/kermany/images/person1_virus_6.webp" \
    2>&1 | grep -v -i warn | tail -3 | tee "$W/export.log"
[ -f /tmp/pkg/radlens-model.json ] || { echo "export refused: no package" >&2; exit 1; }
t_export=$(date +%s)
report() {
  $py -m radlens_train.report --data "$data" --checkpoint "/tmp/run-$1/checkpoint.pt" --device "$dev" \
      --bootstrap "$boot" --out "$W/metrics-$1.json" "${@:2}" > "$W/report-$1.log" 2>&1
}
report v2 --package /tmp/pkg &
report scratch &
report global_only &
wait
$py - "$W" "$train_s" "$t_start" "$t_train" "$t_export" <<'PY'
import json, sys, glob, statistics
out, train_s, t0, t1, t2 = sys.argv[1], float(sys.argv[2]), *map(int, sys.argv[3:])
util = [float(l.split(",")[1]) for l in open(f"{out}/nvidia-smi-samples.csv") if l.count(",") >= 2 and l.split(",")[1].strip().replace(".", "").isdigit()]
runs = {}
import os
for n in ("v2", "scratch", "global_only"):
    if not os.path.exists(f"{out}/train_log-{n}.jsonl"):
        runs[n] = "failed: see logs.tar"
        continue
    log = [json.loads(l) for l in open(f"{out}/train_log-{n}.jsonl")]
    ep = [r for r in log if r["event"] == "epoch"]
    runs[n] = {"epochs": len(ep), "images_per_s_last_epoch": ep[-1]["images_per_s"] if ep else None,
               "selected_epoch": max((r for r in ep if "val" in r), key=lambda r: r["val"]["score"])["epoch"] if ep else None}
training = {"command": f"bash models/training/gpu_run_v2.sh {int(train_s)} (three trainings concurrently on one GPU)",
            "hardware": open(f"{out}/gpu.txt").read().strip().replace("\n", "; "),
            "seconds": {"train_wall": t1 - t0, "export": t2 - t1},
            "gpu_util_percent": {"mean": round(statistics.mean(util), 1) if util else None, "max": max(util) if util else None,
                                 "samples": len(util)}, "runs": runs,
            "determinism": "seed 0, cudnn.benchmark off, deterministic algorithms where available (warn_only)"}
json.dump(training, open(f"{out}/training.json", "w"), indent=1)
print(json.dumps(training))
PY
abl=()   # an ablation that failed is left out of the table (its log says why), the v2 package still ships
[ -f "$W/metrics-v2.json" ] && abl+=("v2 (ImageNet start, all losses)=$W/metrics-v2.json")
[ -f "$W/metrics-scratch.json" ] && abl+=("from scratch=$W/metrics-scratch.json")
[ -f "$W/metrics-global_only.json" ] && abl+=("ImageNet start, global loss only=$W/metrics-global_only.json")
$py -m radlens_train.finalize --package /tmp/pkg "${kind[@]:0:2}" --metrics "$W/metrics-v2.json" \
    --training "$W/training.json" --ablation "${abl[@]}"
tar -C /tmp -cf "$OUT/package.tar" pkg
cp "$W/metrics-v2.json" "$W/training.json" "$OUT/"
$py -c 'import json, sys; from radlens_train import results; print(results.markdown(json.load(open(sys.argv[1]))))' \
    "$W/metrics-v2.json" | tee "$OUT/results.md"
echo "total wall: $(( $(date +%s) - t_start )) s"
ls -la "$OUT"
