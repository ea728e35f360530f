#!/usr/bin/env bash
# Instruction counts, the steady figure on a noisy shared machine: replay of a journal with no
# snapshot, the first frame from a snapshot, and a fixed walk of keys through every pane (update
# + render at 200x50), each run under valgrind's callgrind collecting only inside the measured
# function.
#   bash bench/callgrind.sh [EVENTS]   (default 20000; the journal is synthetic, built by unmn-bench)
# Prints instructions_per_record (and the same for the ten-year network's mix of records),
# first_frame_instructions, instructions_per_key and instructions_per_append (the work around
# each fdatasync, which callgrind does not count; after one uncounted append).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
# Swift seeds its hashing afresh in each process, so a dictionary's probes (and the count) moved
# by ~0.2 % from one run to the next; one fixed seed makes the same binary count the same.
export SWIFT_DETERMINISTIC_HASHING=1
EVENTS="${1:-20000}"

if ! command -v valgrind >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends valgrind >/dev/null
fi

swift build -c release --product unmn-bench >/dev/null
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# Debian's valgrind 3.19 gives up on the DWARF that clang writes for BoringSSL (linked through
# postgres-nio); the symbol table is all callgrind needs to find the measured functions.
objcopy --strip-debug .build/release/unmn-bench "$WORK/unmn-bench"
"$WORK/unmn-bench" --write-journal "$WORK/journal" --events "$EVENTS" >/dev/null

# Runs one measured part under callgrind; prints its instruction count and the count it reports.
measure() {
  local mode="$1" function="$2" journal="${3:-$WORK/journal}"
  local out="$WORK/callgrind.$mode"
  local reported
  reported="$(valgrind --tool=callgrind --callgrind-out-file="$out" --collect-atstart=no --toggle-collect="*$function*" \
    "$WORK/unmn-bench" --instructions "$mode" --journal "$journal" 2>/dev/null | awk '{print $2}')"
  # The file's "summary:" (or "totals:") line holds the instructions collected (Ir).
  local instructions
  instructions="$(awk '/^(summary|totals):/ {print $2; exit}' "$out")"
  echo "$instructions $reported"
}

read -r replay records < <(measure replay measuredReplay)
# A real network's mix of records (meetings, minutes, key actions, focal points as well as
# positions): the ten-year network at the sample's rate.
"$WORK/unmn-bench" --write-journal "$WORK/decade" --ten-years >/dev/null
read -r decade decadeRecords < <(measure replay measuredReplay "$WORK/decade")
read -r keys count < <(measure keys measuredKeys)
read -r firstFrame _ < <(measure first-frame measuredFirstFrame)
read -r appended appendCount < <(measure append measuredAppends)
echo "journal_records: $records ($EVENTS events)"
echo "instructions_per_record: $((replay / records))"
echo "ten_year_instructions_per_record: $((decade / decadeRecords)) ($decadeRecords records of the ten-year network)"
echo "first_frame_instructions: $firstFrame (from the snapshot)"
echo "instructions_per_key: $((keys / count)) over $count keys at 200x50"
echo "instructions_per_append: $((appended / appendCount)) (a focal point added, decided, encoded, written)"
