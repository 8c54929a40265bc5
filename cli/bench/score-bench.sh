#!/usr/bin/env bash
# Benchmark of `radlens score`: images/hour from a folder and through DICOMweb against a throw-away local Orthanc,
# with the per-image split between transfer, decode, inference and write (from results.jsonl timings_ms).
#   cli/bench/score-bench.sh [N_IMAGES] [WORKERS]      (from the repository root; needs ./bootstrap --test-tools)
set -euo pipefail
n=${1:-200}; workers=${2:-2}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/radlens-bench.XXXXXX)
trap 'curl -s -X POST "http://127.0.0.1:$http/tools/shutdown" >/dev/null 2>&1 || true; sleep 1; kill "$opid" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/in"
/usr/bin/python3 - "$root/samples/covid-notes-329_637.dcm" "$work/in" "$n" <<'PY'
import sys, pydicom
from pydicom.uid import generate_uid
src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
for i in range(n):
    d = pydicom.dcmread(src)
    d.StudyInstanceUID = generate_uid(entropy_srcs=['bench-study', str(i)])
    d.SeriesInstanceUID = generate_uid(entropy_srcs=['bench-series', str(i)])
    d.SOPInstanceUID = d.file_meta.MediaStorageSOPInstanceUID = generate_uid(entropy_srcs=['bench-sop', str(i)])
    d.save_as('%s/img%05d.dcm' % (out, i))
PY
summary() { # $1 = label, $2 = out dir, $3 = wall seconds
  /usr/bin/python3 - "$1" "$2" "$3" "$n" <<'PY'
import json, sys
label, out, wall, n = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
rows = [json.loads(l) for l in open(out + '/results.jsonl')]
ok = [r for r in rows if not r['error']]
stages = ['transfer', 'decode', 'inference', 'write']
mean = {s: sum(r.get('timings_ms', {}).get(s, 0) for r in ok) / max(1, len(ok)) for s in stages}
print('| %s | %d | %d | %.1f | %.0f | %s |' % (label, len(ok), len(rows) - len(ok), wall, len(ok) / wall * 3600,
      ' | '.join('%.1f' % mean[s] for s in stages)))
PY
}
echo "| mode | scored | failed | wall s | images/hour | transfer ms | decode ms | inference ms | write ms |"
echo "|---|---|---|---|---|---|---|---|---|"
t0=$(date +%s.%N)
"$root/radlens" score "$work/in" --out "$work/folder" --workers "$workers" --segment --write-dicom 2>/dev/null || true
t1=$(date +%s.%N)
summary "folder (--segment --write-dicom)" "$work/folder" "$(/usr/bin/python3 -c "print($t1 - $t0)")"
http=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
dicom=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$work/orthanc"
cat > "$work/orthanc.json" <<JSON
{"StorageDirectory": "$work/orthanc", "IndexDirectory": "$work/orthanc", "HttpPort": $http, "DicomPort": $dicom,
 "Plugins": ["/usr/share/orthanc/plugins/libOrthancDicomWeb.so"], "RemoteAccessAllowed": false,
 "AuthenticationEnabled": false, "DicomWeb": {"Enable": true, "Root": "/dicom-web/"}}
JSON
Orthanc --logfile="$work/orthanc.log" "$work/orthanc.json" & opid=$!
until curl -sf "http://127.0.0.1:$http/system" >/dev/null; do sleep 0.2; done
for f in "$work"/in/*.dcm; do curl -sf -X POST --data-binary @"$f" "http://127.0.0.1:$http/instances" >/dev/null; done
t0=$(date +%s.%N)
"$root/radlens" score --dicomweb "http://127.0.0.1:$http/dicom-web/" --modality DX --out "$work/web" \
  --workers "$workers" --segment 2>/dev/null || true
t1=$(date +%s.%N)
summary "DICOMweb (QIDO+WADO+STOW SR/SEG)" "$work/web" "$(/usr/bin/python3 -c "print($t1 - $t0)")"
