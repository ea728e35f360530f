#!/usr/bin/env bash
# A replay's speed against another revision's, in alternating runs (A B A B …) so that this
# machine's minute-to-minute speed falls on both alike: `unmn-bench --replay-only` on one
# synthetic journal, by REV's build (A, built in a temporary worktree) and the working tree's (B).
#   bash bench/replay-ab.sh REV [PAIRS] [EVENTS]   (defaults: 10 pairs, 50000 events)
# Prints, for each side, the median and best records a second and the median and least CPU time
# a record (each run's least of its five replays), then the pairwise ratio B/A of the rates:
# its median, its range, and how many pairs B won. A difference under about 10 % needs a median
# over ten pairs or more here, or instruction counts (bench/callgrind.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
if [ $# -lt 1 ]; then
  echo "usage: bash bench/replay-ab.sh REV [PAIRS] [EVENTS]" >&2
  exit 64
fi
REV="$(git rev-parse --verify "$1^{commit}")"
PAIRS="${2:-10}"
EVENTS="${3:-50000}"

WORK="$(mktemp -d)"
cleanup() {
  git worktree remove --force "$WORK/tree" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
git worktree add --detach "$WORK/tree" "$REV" >/dev/null 2>&1
# Quiet unless a build fails.
build() { "$@" >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }; }
# REV's build keeps a scratch directory of its own under .build, so a second comparison builds
# only what changed.
build swift build -c release --product unmn-bench --package-path "$WORK/tree" --scratch-path .build/replay-ab
cp .build/replay-ab/release/unmn-bench "$WORK/a"
build swift build -c release --product unmn-bench
cp .build/release/unmn-bench "$WORK/b"
# Written by the older side: a newer unmn reads every journal an older one wrote.
"$WORK/a" --write-journal "$WORK/journal" --events "$EVENTS" >/dev/null

for _ in $(seq "$PAIRS"); do
  for side in a b; do
    out="$("$WORK/$side" --replay-only --journal "$WORK/journal")"
    rate="$(echo "$out" | awk '/^replay_records_per_s:/ {print $2}')"
    cpu="$(echo "$out" | sed -n 's/^replay_cpu_us_per_record: .*least of 5: \([0-9.]*\)).*/\1/p')"
    echo "$side $rate ${cpu:-nan}"
  done
done >"$WORK/runs"

median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }
for side in a b; do
  label="A ($(git rev-parse --short "$REV"))"
  [ "$side" = b ] && label="B (working tree)"
  rates="$(awk -v s="$side" '$1 == s {print $2}' "$WORK/runs")"
  cpus="$(awk -v s="$side" '$1 == s {print $3}' "$WORK/runs")"
  printf '%s: records/s median %.0f best %.0f; CPU us a record median %.2f least %.2f\n' "$label" \
    "$(echo "$rates" | median)" "$(echo "$rates" | sort -g | tail -1)" "$(echo "$cpus" | median)" \
    "$(echo "$cpus" | sort -g | head -1)"
done
ratios="$(awk '$1 == "a" {a = $2} $1 == "b" {printf "%.4f\n", $2 / a}' "$WORK/runs")"
printf 'B/A rate, %s pairs: median %.3f, from %.3f to %.3f, B faster in %s\n' "$PAIRS" "$(echo "$ratios" | median)" \
  "$(echo "$ratios" | sort -g | head -1)" "$(echo "$ratios" | sort -g | tail -1)" "$(echo "$ratios" | awk '$1 > 1' | wc -l)"
