#!/usr/bin/env bash
# Launch-to-quit of unmn against calcurse and hledger-ui at the same volume, each under a
# pseudo-terminal, several runs each; prints the medians and the ratios.
#   bash bench/peers.sh [EVENTS]   (default 50000)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
EVENTS="${1:-50000}"
RUNS="${RUNS:-7}"

missing=()
command -v calcurse >/dev/null 2>&1 || missing+=(calcurse)
command -v hledger-ui >/dev/null 2>&1 || missing+=(hledger-ui)
if [ "${#missing[@]}" -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

swift build -c release --product unmn >/dev/null
swift build -c release --product unmn-bench >/dev/null
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# The same volume for each: EVENTS journal events; EVENTS appointments and to-dos; EVENTS transactions.
.build/release/unmn-bench --write-journal "$WORK/journal" --events "$EVENTS"
# A journal in use has a snapshot (the console writes one past 5,000 records replayed).
.build/release/unmn compact --journal "$WORK/journal"
mkdir -p "$WORK/calcurse" "$WORK/home"
python3 - "$WORK" "$EVENTS" <<'PY'
import sys, random
work, n = sys.argv[1], int(sys.argv[2])
random.seed(1)
with open(f"{work}/calcurse/apts", "w") as f:
    for i in range(n * 3 // 4):
        y, m, d = 2016 + i % 10, 1 + i % 12, 1 + i % 28
        f.write(f"{m:02d}/{d:02d}/{y} @ 10:00 -> {m:02d}/{d:02d}/{y} @ 11:30 |UNMN meeting {i}\n")
with open(f"{work}/calcurse/todo", "w") as f:
    for i in range(n // 4):
        f.write(f"[{1 + i % 9}] Action point {i}\n")
with open(f"{work}/ledger.journal", "w") as f:
    for i in range(n):
        y, m, d = 2016 + i % 10, 1 + i % 12, 1 + i % 28
        f.write(f"{y}-{m:02d}-{d:02d} Contribution {i}\n    assets:bank  {random.randint(1, 9999)} USD\n    income:donors\n\n")
PY

python3 - "$WORK" "$RUNS" <<'PY'
import fcntl, os, pty, select, statistics, struct, sys, termios, time
work, runs = sys.argv[1], int(sys.argv[2])
env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", HOME=f"{work}/home", XDG_CONFIG_HOME=f"{work}/home/config",
           LINES="40", COLUMNS="120")

def launch_to_quit(argv, ready):
    """Seconds from start until the program, shown `ready` on screen and sent q, has exited."""
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        # A real terminal size: some TUIs (hledger-ui's vty) draw nothing on a 0×0 pty.
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        os.execvpe(argv[0], argv, env)
    seen, sent = b"", False
    while True:
        r, _, _ = select.select([fd], [], [], 60)
        if not r:
            raise SystemExit(f"{argv[0]} timed out; saw {seen[-300:]!r}")
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        if not sent and ready in seen:
            os.write(fd, b"q")
            sent = True
        elif sent and b"[y/n]" in seen[-200:]:
            # calcurse asks before quitting.
            os.write(fd, b"y")
            seen = b""
    os.waitpid(pid, 0)
    return time.monotonic() - start

peers = {
    "unmn": ([os.path.abspath(".build/release/unmn"), "--journal", f"{work}/journal", "--read-only", "--as", "IOM:viewer", "--name", "bench"], b"Overview"),
    "calcurse": (["calcurse", "-D", f"{work}/calcurse"], b"Appointments"),
    "hledger-ui": (["hledger-ui", "-f", f"{work}/ledger.journal"], b"assets"),
}
medians = {}
for name, (argv, ready) in peers.items():
    times = [launch_to_quit(argv, ready) for _ in range(runs)]
    medians[name] = statistics.median(times)
    print(f"{name}: median {medians[name] * 1000:.0f} ms over {runs} runs (min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})")
for name in ("calcurse", "hledger-ui"):
    print(f"unmn_vs_{name}: {medians['unmn'] / medians[name]:.2f} (below 1 means unmn is faster)")
PY
