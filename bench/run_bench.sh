#!/usr/bin/env bash
# The full rig's 30-minute session natively and under node (WebAssembly) in one run, against
# the twin's own session as the baseline, and the budgets of issue 12 (step 9):
#   - the full rig at least 2000x real time natively
#   - WebAssembly / native at most 1.3 (rig and twin each)
# Builds bench/rig_session_timing in build/native-release and build/wasm-release (configured
# by the presets), runs each best of N (default 3), prints both CSVs and a summary CSV, and
# exits 1 when a budget is missed or the two builds computed different results.
#   bench/run_bench.sh [REPEATS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
repeats=${1:-3}
case "$repeats" in ''|*[!0-9]*) echo "usage: bench/run_bench.sh [REPEATS]" >&2; exit 2 ;; esac
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
jobs=$(nproc 2>/dev/null || echo 2)

for preset in native-release wasm-release; do
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" --target rig_session_timing --parallel "$jobs" >/dev/null
done

native=$(build/native-release/bench/rig_session_timing "$repeats")
wasm=$(node --no-experimental-fetch build/wasm-release/bench/rig_session_timing.js "$repeats")
printf '%s\n' "$native"
printf '%s\n' "$wasm" | tail -n +2
load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo unknown)

# summary: each scene's native and wasm rate, their ratio, the budgets and the results
printf '%s\n%s\n' "$native" "$wasm" | awk -F, -v load="$load" -v cores="$jobs" '
  $1 == "scene" { next }
  { x[$1 "," $2] = $6; us[$1 "," $2] = $7; res[$1 "," $2] = $8 }
  END {
    status = 0
    print ""
    print "measure,value,budget,verdict"
    rig = x["rig_session_30_min,native"]
    printf "rig_native_x_real_time,%d,>= 2000,%s\n", rig, (rig >= 2000 ? "pass" : "FAIL")
    if (rig < 2000) status = 1
    split("rig_session_30_min twin_session_30_min", scenes, " ")
    for (k = 1; k <= 2; k++) {
      s = scenes[k]
      r = us[s ",wasm"] / us[s ",native"]
      printf "%s_wasm_over_native,%.2f,<= 1.3,%s\n", s, r, (r <= 1.3 ? "pass" : "FAIL")
      if (r > 1.3) status = 1
      same = (res[s ",wasm"] == res[s ",native"])
      printf "%s_results_agree,%s,equal,%s\n", s, (same ? "yes" : "no"), (same ? "pass" : "FAIL")
      if (!same) status = 1
    }
    printf "rig_over_twin_native,%.2f,(baseline: the twin alone),\n", us["rig_session_30_min,native"] / us["twin_session_30_min,native"]
    printf "rig_over_twin_wasm,%.2f,(baseline: the twin alone),\n", us["rig_session_30_min,wasm"] / us["twin_session_30_min,wasm"]
    printf "load_average,%s,(on %d cores),\n", load, cores
    exit status
  }'
