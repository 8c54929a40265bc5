#!/usr/bin/env bash
# Decode benchmark: RadLens (Java) vs pydicom / nibabel (Debian python3), same files, same repetitions, one run.
# Usage (from the repository root): dicom-io/bench/run-benchmark.sh [RADLENS_DATA]
set -euo pipefail
DATA=${1:-${RADLENS_DATA:-$(pwd)/../shared/data}}
WORK=$(mktemp -d /tmp/radlens-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mvn -B -q -o -pl volume3d,dicom-io test-compile
mvn -B -q -o -pl dicom-io dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="volume3d/target/classes:dicom-io/target/classes:dicom-io/target/test-classes:$(cat "$WORK/cp.txt")"
J="java -Xmx2g -XX:+UseParallelGC -cp $CP org.radlens.dicomio.DecodeBenchmark"
PY="/usr/bin/python3 dicom-io/bench/bench.py"
$J prepare "$WORK" "$DATA/dicom/ct-series/example_ct_dicom"
mkdir -p "$WORK/cxr"
for i in 0 1 2 3 4 5 6 7 8 9; do # dcmtk: JPEG baseline -> explicit VR little endian
  dcmdjpeg "$DATA/dicom/cxr/1.2.276.0.7230010.3.1.4.8323329.6904.1517875201.850819.dcm" "$WORK/cxr/cxr$i.dcm"
done
gunzip -c "$DATA/nifti/totalsegmentator/example_ct.nii.gz" > "$WORK/example_ct.nii"
row() { # label mode reps files...
  local label=$1 mode=$2 reps=$3; shift 3
  for peer in "$J" "$PY"; do
    read -r who n s bytes < <($peer "$mode" "$reps" "$@" | tail -1)
    awk -v l="$label" -v w="$who" -v n="$n" -v s="$s" -v b="$bytes" \
      'BEGIN { printf "| %s | %s | %d | %.1f | %.1f |\n", l, w, n, n / s, b / s / 1e6 }'
  done
}
echo "| input | reader | files read | files/s | MB/s (file bytes) |"
echo "|---|---|---|---|---|"
row "CXR 1024x1024 8-bit, uncompressed" dicom 5 "$WORK"/cxr/*.dcm
row "CT slice 512x512 16-bit, uncompressed" dicom 5 "$WORK"/ct/*.dcm
row "CT slice 512x512, JPEG 2000 lossless" dicom 3 "$DATA"/dicom/ct-series/example_ct_dicom/CT.*
row "NIfTI .nii (example_ct)" nifti 20 "$WORK/example_ct.nii"
row "NIfTI .nii.gz (example_ct)" nifti 20 "$DATA/nifti/totalsegmentator/example_ct.nii.gz"
$J synth "$WORK/big.nii"
$J heap "$WORK/big.nii"
