#!/usr/bin/env bash
# Fuzzes Surgewatch's input readers with afl-fuzz and SharpFuzz: bash eng/fuzz.sh TARGET|all SECONDS
#
# Builds tests/Surgewatch.Fuzzing, instruments Surgewatch.Ingestion.dll and Surgewatch.Core.dll with the sharpfuzz
# tool (.config/dotnet-tools.json), then runs afl-fuzz on each target in turn for SECONDS, seeded with
# tests/fuzz/corpus/TARGET and tests/fuzz/regressions/TARGET. A crash (an exception other than
# InputRejectedException) or a hang (over FUZZ_TIMEOUT_MS) is a defect: its input is copied to
# tests/fuzz/regressions/TARGET, its exception is printed, and the script exits 1. Per target it prints
# executions per second, corpus size, crashes and hangs, and writes them to artifacts/fuzz/results.tsv.
# The long run: nice -n 10 bash eng/fuzz.sh all 600. Needs afl-fuzz (Debian: afl++; eng/install-deps.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."

targets_all=(longcsv widecsv ndjson zones gzip privacy sensors edges)
if [ $# -ne 2 ] || ! [[ "$2" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: bash eng/fuzz.sh TARGET|all SECONDS   (TARGET one of: ${targets_all[*]})" >&2
  exit 2
fi
if [ "$1" = "all" ]; then
  targets=("${targets_all[@]}")
elif [[ " ${targets_all[*]} " == *" $1 "* ]]; then
  targets=("$1")
else
  echo "unknown target '$1'; one of: ${targets_all[*]} or all" >&2
  exit 2
fi
duration=$2
timeout_ms=${FUZZ_TIMEOUT_MS:-10000}

if ! command -v afl-fuzz >/dev/null 2>&1; then
  echo "afl-fuzz is not installed (Debian: apt-get install afl++, or bash eng/install-deps.sh)." >&2
  exit 3
fi

work=artifacts/fuzz
plain=$work/plain          # the host as built: replays findings to print their exceptions
instrumented=$work/bin     # the same, with the readers instrumented for afl-fuzz (runs only under afl-fuzz)
rm -rf "$work"
mkdir -p "$work"

echo "Building the fuzz host..."
dotnet tool restore >/dev/null
dotnet publish tests/Surgewatch.Fuzzing/Surgewatch.Fuzzing.csproj -c Release -nologo -clp:ErrorsOnly -o "$plain" >/dev/null
cp -r "$plain" "$instrumented"
for assembly in Surgewatch.Ingestion Surgewatch.Core; do
  dotnet tool run sharpfuzz "$instrumented/$assembly.dll"
done

dict_for() {
  case "$1" in
    ndjson|zones) echo tests/fuzz/dict/json.dict ;;
    privacy) echo tests/fuzz/dict/privacy.dict ;;
    *) echo tests/fuzz/dict/csv.dict ;;
  esac
}

stat_of() { sed -n "s/^$1 *: *\([0-9.]*\).*/\1/p" "$2"; }

# Copies afl's findings of one kind (crash or hang) into the regressions, named by content so that a rerun adds no
# duplicates; prints how many afl saved.
keep_findings() {
  local target=$1 kind=$2 found=$3 n=0
  for input in "$found"/id:*; do
    [ -e "$input" ] || continue
    n=$((n + 1))
    mkdir -p "tests/fuzz/regressions/$target"
    local kept="tests/fuzz/regressions/$target/$kind-$(sha1sum "$input" | cut -c1-12)"
    cp "$input" "$kept" && chmod 644 "$kept"
  done
  echo $n
}

export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_SKIP_BIN_CHECK=1
# The machine is shared: no pinning to a core that another fuzzer may already hold.
export AFL_NO_AFFINITY=1
# A seed kept from an old crash that crashes again is reported by the regression test, not a reason to stop.
export AFL_SKIP_CRASHES=1

dotnet_path=$(command -v dotnet)
results=$work/results.tsv
printf 'target\texecs_per_sec\tcorpus\tcrashes\thangs\tseconds\tstatus\n' > "$results"
defects=0
for target in "${targets[@]}"; do
  seeds=$work/seeds/$target
  findings=$work/findings/$target
  mkdir -p "$seeds" "$(dirname "$findings")"
  cp tests/fuzz/corpus/"$target"/* "$seeds"/
  if [ -d "tests/fuzz/regressions/$target" ]; then cp tests/fuzz/regressions/"$target"/* "$seeds"/ 2>/dev/null || true; fi

  echo "Fuzzing $target for $duration s (log: $work/$target.log)..."
  status=ok
  # -V ends the campaign after $duration s; timeout is only a backstop should afl-fuzz itself stall.
  if ! timeout $((duration + 300)) afl-fuzz -V "$duration" -i "$seeds" -o "$findings" -t "$timeout_ms" -m none \
      -x "$(dict_for "$target")" -- "$dotnet_path" "$instrumented/Surgewatch.Fuzzing.dll" "$target" > "$work/$target.log" 2>&1; then
    status=failed
  fi

  stats=$findings/default/fuzzer_stats
  if [ ! -f "$stats" ]; then
    echo "  afl-fuzz did not start; the end of its log:" >&2
    tail -n 15 "$work/$target.log" >&2
    printf '%s\t0\t0\t0\t0\t0\tfailed\n' "$target" >> "$results"
    defects=$((defects + 1))
    continue
  fi

  execs=$(stat_of execs_done "$stats"); run_time=$(stat_of run_time "$stats"); corpus=$(stat_of corpus_count "$stats")
  per_sec=$(( run_time > 0 ? execs / run_time : execs ))
  crashes=$(keep_findings "$target" crash "$findings/default/crashes")
  hangs=$(keep_findings "$target" hang "$findings/default/hangs")
  if [ "$crashes" -gt 0 ] || [ "$hangs" -gt 0 ]; then
    status=failed
    echo "  findings kept in tests/fuzz/regressions/$target; the crashes replayed:"
    "$dotnet_path" "$plain/Surgewatch.Fuzzing.dll" "$target" "$findings"/default/crashes/id:* 2>&1 | head -n 60 || true
  fi
  [ "$status" = ok ] || defects=$((defects + 1))
  echo "  $target: $per_sec execs/s, corpus $corpus files, $crashes crashes, $hangs hangs, ${run_time}s ($status)"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$per_sec" "$corpus" "$crashes" "$hangs" "$run_time" "$status" >> "$results"
done

echo "Results: $results"
[ $defects -eq 0 ]
