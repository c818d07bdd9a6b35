#!/usr/bin/env bash
# The README's demo command: installs what the demo needs, builds if needed, starts pcscd and the
# simulators, and runs the terminal.
#   scripts/demo.sh [--once]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

ONCE=0
for arg in "$@"; do
  case "$arg" in
    --once) ONCE=1 ;;
    -h|--help) echo "usage: scripts/demo.sh [--once]"; exit 0 ;;
    *) die "unknown option: $arg (usage: scripts/demo.sh [--once])" ;;
  esac
done

ensure_packages "${BASE_PACKAGES[@]}" "${PCSC_PACKAGES[@]}"
ensure_jdk

TERMINAL_JAR=terminal/target/terminal.jar
SIMULATOR_JAR=simulator/target/simulator.jar
newest_source=$(find pom.xml */pom.xml */src/main -type f -newer "$SIMULATOR_JAR" 2>/dev/null | head -1 || true)
if [ ! -f "$TERMINAL_JAR" ] || [ ! -f "$SIMULATOR_JAR" ] || [ -n "$newest_source" ]; then
  say "building the jars (./mvnw package, tests skipped: scripts/test.sh runs them)"
  ./mvnw -B -ntp -q package -DskipTests
fi

DEMO_HOME="${YIBAO_DEMO_HOME:-$REPO_ROOT/target/demo}"
mkdir -p "$DEMO_HOME"
export YIBAO_HOME="$DEMO_HOME"
JAVA_OPTS=(--enable-native-access=ALL-UNNAMED -Dsun.security.smartcardio.library=/usr/lib/x86_64-linux-gnu/libpcsclite.so.1)
PIDS=()
cleanup() {
  # each job and what it started (as_root runs pcscd as a child of the job's subshell)
  for pid in "${PIDS[@]}"; do pkill -TERM -P "$pid" 2>/dev/null || true; kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

# pcscd: our own, in the foreground of a background job (a socket-activated one exits when idle).
if pgrep -x pcscd >/dev/null; then
  say "pcscd is already running (pid $(pgrep -x pcscd | head -1)); using it"
else
  say "starting pcscd -f (log: $DEMO_HOME/pcscd.log)"
  as_root pcscd -f >"$DEMO_HOME/pcscd.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 100); do [ -S /run/pcscd/pcscd.comm ] && break; sleep 0.1; done
  [ -S /run/pcscd/pcscd.comm ] || die "pcscd did not start; see $DEMO_HOME/pcscd.log"
fi

say "simulator status"
java "${JAVA_OPTS[@]}" -jar "$SIMULATOR_JAR" status

say "starting the card simulator: persona 'employee' (城镇职工, account 1500.00) on slot 0, the PSAM on slot 1"
java "${JAVA_OPTS[@]}" -jar "$SIMULATOR_JAR" card start --persona employee --fresh >"$DEMO_HOME/card-simulator.log" 2>&1 &
PIDS+=($!)

# The host simulator, and this terminal enrolled with it. The card starts fresh (--fresh), so the
# host and the journal do too (a fresh card's counters would be replays to a host that saw the last
# run); the terminal's keys are kept and certified again by the new host (enrolment is idempotent).
TERMINAL_ID=220100000001
KEY_DIR="$DEMO_HOME/terminal/host-link"
HOST_DIR="$DEMO_HOME/simulator/host"
rm -rf "$HOST_DIR" "$DEMO_HOME"/terminal/journal.db* "$DEMO_HOME"/terminal/card-lists.db*
if [ ! -f "$KEY_DIR/tls.key" ]; then
  say "enrolling terminal $TERMINAL_ID: keys and certification requests (terminal enrol)"
  java "${JAVA_OPTS[@]}" -jar "$TERMINAL_JAR" enrol --terminal-id "$TERMINAL_ID"
fi
say "the host certifies the terminal (simulator host enrol)"
java "${JAVA_OPTS[@]}" -jar "$SIMULATOR_JAR" host enrol --terminal "$TERMINAL_ID" --dir "$KEY_DIR"
say "starting the host simulator (log: $DEMO_HOME/host-simulator.log)"
rm -f "$HOST_DIR/host.port"
java "${JAVA_OPTS[@]}" -jar "$SIMULATOR_JAR" host start --port 0 >"$DEMO_HOME/host-simulator.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 300); do [ -s "$HOST_DIR/host.port" ] && break; sleep 0.1; done
[ -s "$HOST_DIR/host.port" ] || die "the host simulator did not start; see $DEMO_HOME/host-simulator.log"
HOST_PORT=$(cat "$HOST_DIR/host.port")
java "${JAVA_OPTS[@]}" -jar "$TERMINAL_JAR" enrol --host "localhost:$HOST_PORT"

say "terminal status"
java "${JAVA_OPTS[@]}" -jar "$TERMINAL_JAR" status

say "reading the card (terminal card read)"
java "${JAVA_OPTS[@]}" -jar "$TERMINAL_JAR" card read --wait 20

say "a pharmacy sale: 2 × 连花清瘟胶囊 (class B) and 1 × 维生素C片 (class C), PIN 123456, uploaded to the host"
java "${JAVA_OPTS[@]}" -jar "$TERMINAL_JAR" sale --wait 20 --pin 123456 \
  --item 6901234500048*2 --item 6901234500062

if [ "$ONCE" -eq 1 ]; then
  say "demo finished: state and logs are in $DEMO_HOME"
  exit 0
fi

say "the console's operators: cashier 1001 and supervisor 9001, demo password 123456 (terminal operator add)"
for op in "1001 演示收银员 cashier" "9001 演示主管 supervisor"; do
  set -- $op
  echo 123456 | java "${JAVA_OPTS[@]}" -jar "$TERMINAL_JAR" operator add "$1" --name "$2" --role "$3" --password-stdin \
    || true   # kept from an earlier run (the terminal's data directory is kept)
done

say "the cashier console and the HIS API on the same card (open the console URL below, log in as 1001 / 123456; Ctrl-C stops everything)"
java "${JAVA_OPTS[@]}" -jar "$TERMINAL_JAR" serve --wait 20
