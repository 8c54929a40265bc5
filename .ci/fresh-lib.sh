# Functions of .ci/fresh-machine (sourced): the bare root, its mounts, running inside it, the checks, the cleanup.
# shellcheck shell=bash

WORK="${FRESH_WORK:-/var/tmp/radlens-fresh}"
ROOT="$WORK/root"
CACHE="${FRESH_CACHE:-/var/cache/radlens-fresh-root}"
DEMO_TIMEOUT="${FRESH_DEMO_TIMEOUT:-1200}"
TEST_TIMEOUT="${FRESH_TEST_TIMEOUT:-1800}"
SUITE=bookworm
LAST_RC=0
LAST_TIMEOUT=0

die() { echo "fresh-machine: $1" >&2; exit "${2:-1}"; }

# fail_with MESSAGE LOG: the message, the last lines of the log, exit 1
fail_with() {
  echo "fresh-machine: FAILED: $1" >&2
  echo "---- last 60 lines of $2" >&2
  tail -60 "$2" | sed 's/\x1b\[[0-9;]*m//g' >&2
  echo "---- (full log: $2)" >&2
  exit 1
}

# phase NAME COMMAND...: runs COMMAND in this shell, prints and records its duration, returns its status
phase() {
  local name=$1 start rc
  shift
  echo "== $name"
  start=$(date +%s)
  "$@"
  rc=$?
  printf '%-16s %5d s%s\n' "$name" "$(( $(date +%s) - start ))" "$([ "$rc" = 0 ] || echo "  (failed, status $rc)")" \
    | tee -a "$LOGS/timings.txt"
  return "$rc"
}

status_text() {
  if [ "$LAST_RC" = 124 ] || [ "$LAST_RC" = 137 ]; then echo "timed out after $LAST_TIMEOUT s"
  else echo "exit status $LAST_RC"; fi
}

# host_mirror debian|debian-security: the host's Debian mirror of that archive (FRESH_MIRROR, FRESH_SECURITY_MIRROR)
host_mirror() {
  local m
  m=$(grep -hoE "^(URIs:|deb) +https?://[^ ]+/$1/?( |\$)" /etc/apt/sources.list /etc/apt/sources.list.d/* 2>/dev/null \
      | head -1 | awk '{print $2}')
  if [ "$1" = debian ]; then echo "${FRESH_MIRROR:-${m:-http://deb.debian.org/debian}}"
  else echo "${FRESH_SECURITY_MIRROR:-${m:-http://deb.debian.org/debian-security}}"; fi
}

# the bare root, from this week's cached tarball or made now (and cached)
unpack_root() {
  local mirror=$1 tarball
  tarball="$CACHE/$SUITE-minbase-git-$(date +%G-W%V).tar.gz"
  mkdir -p "$CACHE" "$WORK"
  if [ ! -s "$tarball" ]; then
    command -v debootstrap >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap || return 1; }
    echo "debootstrap $SUITE from $mirror"
    rm -rf --one-file-system "$ROOT.new"
    timeout 900 debootstrap --variant=minbase --include=ca-certificates,git "$SUITE" "$ROOT.new" "$mirror" || return 1
    rm -f "$CACHE/$SUITE"-minbase-git-*.tar.gz   # last week's
    tar -C "$ROOT.new" -czf "$tarball.tmp" . && mv "$tarball.tmp" "$tarball" || return 1
    rm -rf --one-file-system "$ROOT.new"
  fi
  echo "bare root from $tarball"
  mkdir -p "$ROOT" && tar -C "$ROOT" -xzf "$tarball"
}

# what a fresh install has and a chroot lacks: apt sources with updates and security, DNS, /etc/hosts; the host's
# extra CA certificates; no daemon started by a package's postinst (policy-rc.d: they would bind the host's ports);
# dpkg without fsync (as in Debian's container images)
configure_root() {
  local mirror=$1
  printf 'deb %s %s main\ndeb %s %s-updates main\ndeb %s %s-security main\n' \
    "$mirror" "$SUITE" "$mirror" "$SUITE" "$(host_mirror debian-security)" "$SUITE" >"$ROOT/etc/apt/sources.list"
  cp -L /etc/resolv.conf "$ROOT/etc/resolv.conf"
  printf '127.0.0.1\tlocalhost\n127.0.1.1\t%s\n::1\tlocalhost ip6-localhost ip6-loopback\n' "$(hostname)" \
    >"$ROOT/etc/hosts"
  printf '#!/bin/sh\nexit 101\n' >"$ROOT/usr/sbin/policy-rc.d" && chmod 755 "$ROOT/usr/sbin/policy-rc.d"
  echo force-unsafe-io >"$ROOT/etc/dpkg/dpkg.cfg.d/radlens-fresh-unsafe-io"   # no fsync per file: a throw-away root
  if compgen -G '/usr/local/share/ca-certificates/*' >/dev/null; then
    cp -r /usr/local/share/ca-certificates/. "$ROOT/usr/local/share/ca-certificates/"
  fi
  chroot "$ROOT" /usr/sbin/update-ca-certificates
}

bind() {  # bind SOURCE TARGET [mount options...]
  local src=$1 dst=$2
  shift 2
  mkdir -p "$dst" && mount "$@" "$src" "$dst"
}

mount_root() {
  bind proc "$ROOT/proc" -t proc &&
  bind sysfs "$ROOT/sys" -t sysfs &&
  bind /dev "$ROOT/dev" --bind &&
  bind /dev/pts "$ROOT/dev/pts" --bind &&
  bind /dev/shm "$ROOT/dev/shm" --bind &&
  mkdir -p "$CACHE/apt-archives/partial" &&
  bind "$CACHE/apt-archives" "$ROOT/var/cache/apt/archives" --bind
}

make_root() {  # make_root LOG
  local mirror
  mirror=$(host_mirror debian)
  {
    release_root   # what an earlier run that was killed left behind (its processes, its mounts)
    leftover_mounts | grep -q . && { echo "mounts left under $ROOT by an earlier run:"; leftover_mounts; return 1; }
    rm -rf --one-file-system "$ROOT" &&
    unpack_root "$mirror" && configure_root "$mirror" && mount_root
  } >>"$1" 2>&1
}

clone_repo() {  # clone_repo COMMIT LOG
  { git clone -q --no-hardlinks "$repo" "$ROOT/root/radlens" &&
    git -C "$ROOT/root/radlens" checkout -q --detach "$1" &&
    git -C "$ROOT/root/radlens" remote remove origin &&
    [ ! -e "$ROOT/root/.m2" ] && [ ! -e "$ROOT/root/shared" ]; } >>"$2" 2>&1
}

# limit_for SECONDS: SECONDS, or less when FRESH_DEADLINE (epoch seconds: .ci/run's budget) comes sooner
limit_for() {
  local limit=$1 left
  if [ -n "${FRESH_DEADLINE:-}" ]; then
    left=$(( FRESH_DEADLINE - $(date +%s) - 30 ))   # 30 s for the cleanup
    [ "$left" -ge "$limit" ] || limit=$left
  fi
  echo "$limit"
}

# in_root TIMEOUT LOG COMMAND...: COMMAND in /root/radlens inside the root, as root, with a clean environment
in_root() {
  local limit log=$2
  limit=$(limit_for "$1")
  shift 2
  LAST_TIMEOUT=$limit
  if [ "$limit" -le 0 ]; then
    echo "fresh-machine: no time left in the CI budget for: $*" >>"$log"; LAST_RC=124; return 124
  fi
  timeout --kill-after=30 "$limit" chroot "$ROOT" /usr/bin/env -i HOME=/root USER=root LOGNAME=root SHELL=/bin/bash \
    LANG=C.UTF-8 TERM=dumb PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    /bin/bash -c 'cd /root/radlens && exec "$@"' in-root "$@" </dev/null 2>&1 | tee -a "$log" | marks >>"$LOGS/marks.txt"
  LAST_RC=${PIPESTATUS[0]}
  return "$LAST_RC"
}

# marks: the lines that start a step (bootstrap's installs, Maven's modules, the training checks, the summaries),
# with the time, for the phases within a phase (marks.txt)
marks() {
  local line
  while IFS= read -r line; do
    case "$line" in
      "bootstrap: "*|"radlens: "*|"[INFO] Building RadLens"*|"== "*|"Tests: "*|"wrote "*|"Java parity"*|\
      "[INFO] BUILD "*|"[ERROR] "*"Tests run"*)
        printf '%s %s\n' "$(date +%T)" "${line:0:150}" ;;
    esac
  done
}

# check_demo REPO: out/demo/summary.json has both steps, each sample read and analysed, the overlays exist, and the
# DICOM and the JPEG of the same pixels scored alike
check_demo() {
  python3 - "$1" <<'EOF'
import json, pathlib, sys
repo = pathlib.Path(sys.argv[1]); out = repo / "out/demo"
problems = []
summary = json.loads((out / "summary.json").read_text())
steps = {s["step"]: s for s in summary["steps"]}
for name in ("read-samples", "classify-ground-segment"):
    if name not in steps:
        problems.append(f"step {name} missing (steps: {list(steps)})")
exts = (".png", ".jpg", ".jpeg", ".dcm", ".nii", ".nii.gz")
samples = sorted(p.name for p in (repo / "samples").iterdir() if p.name.lower().endswith(exts))
read = sorted(i["file"] for i in steps.get("read-samples", {}).get("images", []))
if read != samples:
    problems.append(f"read-samples read {read}, samples/ has {samples}")
analysed = {i["file"]: i for i in steps.get("classify-ground-segment", {}).get("images", [])}
if sorted(analysed) != samples:
    problems.append(f"classify-ground-segment analysed {sorted(analysed)}, samples/ has {samples}")
for f, r in analysed.items():
    p = r.get("findings", {})
    if not p or not all(0.0 <= v <= 1.0 for v in p.values()):
        problems.append(f"{f}: findings {p}")
    g = r.get("grounding", {})
    for q in ("pneumonia", "right lung"):
        if q not in g or not (out / g[q]["overlay"]).is_file():
            problems.append(f"{f}: no grounding overlay for '{q}' ({g.get(q)})")
    if not r.get("lung_pixels", 0) > 0:
        problems.append(f"{f}: empty lung mask")
pairs = [(d, d[:-4] + ".jpg") for d in analysed if d.endswith(".dcm") and d[:-4] + ".jpg" in analysed]
for d, j in pairs:
    a, b = analysed[d]["findings"], analysed[j]["findings"]
    diff = max(abs(a[k] - b.get(k, -1)) for k in a)
    if diff > 0.02:
        problems.append(f"{d} and {j} (same pixels) differ by {diff:.3f} in probability")
if problems:
    print("summary.json check failed:\n  " + "\n  ".join(problems))
    sys.exit(1)
print(f"summary.json: {len(steps)} steps, {len(samples)} samples read and analysed, overlays present, "
      f"{len(pairs)} DICOM/JPEG pair(s) agree")
EOF
}

# check_skips REPO LOG: a test (Surefire reports, pytest -rs lines in LOG) skipped in the root for any reason but the
# missing ../shared data means bootstrap left out something the tests need (a tool, a Python module): listed, and a
# failure. FRESH_ALLOWED_SKIPS (a Python regular expression) replaces the accepted reasons: the data, and Hugging Face
# tokenizers (a cross-check that Debian 12 does not package).
ALLOWED_SKIPS="RADLENS_DATA|radlens\.data|shared data|\.\./shared|import 'tokenizers'"
check_skips() {  # check_skips REPO LOG
  python3 - "$1" "${FRESH_ALLOWED_SKIPS:-$ALLOWED_SKIPS}" "$2" <<'EOF'
import collections, glob, re, sys, xml.etree.ElementTree as ET
allowed = re.compile(sys.argv[2])
reasons = collections.Counter(); bad = []
for f in glob.glob(sys.argv[1] + "/*/target/surefire-reports/TEST-*.xml"):
    for case in ET.parse(f).getroot().iter("testcase"):
        for sk in case.findall("skipped"):
            msg = (sk.get("message") or sk.text or "(no reason given)").strip().splitlines()[0]
            msg = re.sub(r"^\S*TestAbortedException: (Assumption failed: )?", "", msg)
            reasons[msg] += 1
            if not allowed.search(msg):
                bad.append(f"{case.get('classname')}.{case.get('name')}: {msg}")
for line in open(sys.argv[3], errors="replace"):   # pytest -rs: "SKIPPED [2] tests/x.py:12: reason"
    m = re.match(r"SKIPPED \[(\d+)\] (\S+): (.*)", line.strip())
    if m:
        reasons["pytest: " + m.group(3)] += int(m.group(1))
        if not allowed.search(m.group(3)):
            bad.append(f"{m.group(2)}: {m.group(3)}")
for msg, n in reasons.most_common():
    print(f"skipped {n:3d}: {msg[:160]}")
if bad:
    print("tests skipped for a reason other than the missing ../shared data (bootstrap must provide what they need):")
    print("  " + "\n  ".join(bad))
    sys.exit(1)
EOF
}

# the Surefire reports of the root's modules, for a look after a failure
keep_reports() {
  local d
  for d in "$ROOT"/root/radlens/*/target/surefire-reports; do
    [ -d "$d" ] && mkdir -p "$LOGS/surefire-reports" && cp -r "$d" "$LOGS/surefire-reports/$(basename "$(dirname "$(dirname "$d")")")"
  done
}

failed_tests() {
  echo "fresh-machine: failing tests / modules:" >&2
  grep -E '<<< (FAILURE|ERROR)!|^\[ERROR\] (Tests run:.*Fail|  [A-Za-z].*:[0-9]+ )|BUILD FAILURE|Reactor Summary|FAILURE \[|SKIPPED$' "$1" \
    | sed 's/\x1b\[[0-9;]*m//g' | head -40 >&2
}

leftover_mounts() {
  awk -v r="$ROOT" '$2 == r || index($2, r "/") == 1 {print $2}' /proc/self/mounts
}

# processes whose root is the fresh root (servers a test left behind): ended by pid
kill_root_processes() {
  local p pids=()
  for p in /proc/[0-9]*; do
    [ "$(readlink "$p/root" 2>/dev/null)" = "$ROOT" ] && pids+=("${p#/proc/}")
  done
  [ ${#pids[@]} -eq 0 ] && return 0
  echo "fresh-machine: ending ${#pids[@]} process(es) left in the root: ${pids[*]}" >&2
  kill "${pids[@]}" 2>/dev/null; sleep 2; kill -9 "${pids[@]}" 2>/dev/null
  return 0
}

# ends the processes left in the root and unmounts everything under it (deepest first)
release_root() {
  local m
  kill_root_processes
  for m in $(leftover_mounts | sort -r); do umount "$m" 2>/dev/null || umount -l "$m"; done
}

cleanup() {
  local rc=$?
  trap - INT TERM HUP
  kill_root_processes
  [ -x "$ROOT/usr/bin/apt-get" ] && mountpoint -q "$ROOT/var/cache/apt/archives" \
    && timeout 60 chroot "$ROOT" apt-get autoclean -qq >/dev/null 2>&1   # the .deb cache keeps current versions only
  release_root
  if leftover_mounts | grep -q .; then
    echo "fresh-machine: mounts remain under $ROOT; not deleting it" >&2
  elif [ "${FRESH_KEEP:-0}" = 1 ]; then
    echo "fresh-machine: root kept at $ROOT (FRESH_KEEP=1)"
  else
    local t=$SECONDS
    rm -rf --one-file-system "$ROOT" && echo "fresh-machine: root removed ($(( SECONDS - t )) s)"
  fi
  exit "$rc"
}
