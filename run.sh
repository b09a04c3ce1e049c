#!/usr/bin/env bash
# Starts the gateway for a demonstration: H2 in ./data, port 8080, and the Piggy Bank simulator
# inside the process, asked for here (PAYGATE_ACQUIRER_PIGGYBANK_SIMULATOR=true) because the
# gateway never starts one by itself. With PAYGATE_ACQUIRER_PIGGYBANK_BASEURL set, payments go to
# that bank and no simulator runs. Builds the jar first when it is missing or older than the sources.
# Any PAYGATE_* environment variable overrides a default (see README.md); arguments go to the
# server (for example --config paygate.properties).
set -euo pipefail
cd "$(dirname "$0")"
jar=gateway-server/target/gateway-server.jar
if [[ ! -f "$jar" ]] || [[ -n "$(find pom.xml */pom.xml */*/pom.xml */src */*/src -newer "$jar" -type f -print -quit 2>/dev/null)" ]]; then
  echo "Building the gateway (first run, or the sources changed)..." >&2
  mvn -q -B -DskipTests install
fi
if [[ -z "${PAYGATE_ACQUIRER_PIGGYBANK_BASEURL:-}" ]]; then
  export PAYGATE_ACQUIRER_PIGGYBANK_SIMULATOR=${PAYGATE_ACQUIRER_PIGGYBANK_SIMULATOR:-true}
fi
# Class-data sharing: a start records the classes it loads into an archive (written when that
# gateway stops), and later starts map it instead of loading and verifying every class again, about
# a third faster (BENCHMARKS.md, "Start-up and memory"). The archive is recorded under a temporary
# name and kept only when that gateway started and stopped cleanly (SIGTERM or Ctrl-C): a start
# that failed records only the few classes it got to, and such an archive made every later start
# slower than none. A rebuilt jar gets a fresh archive. PAYGATE_CDS=off turns it off.
jsa=${jar%.jar}.jsa
recording=
cds=()
if [[ "${PAYGATE_CDS:-on}" != off ]]; then
  [[ -f "$jsa" && "$jsa" -ot "$jar" ]] && rm -f "$jsa"
  if [[ -f "$jsa" ]]; then
    cds=(-XX:SharedArchiveFile="$jsa")
  else
    recording=$jsa.recording.$$
    cds=(-XX:ArchiveClassesAtExit="$recording")
  fi
  cds+=(-Xlog:cds=off,cds+dynamic=off)
fi
if [[ -z "$recording" ]]; then
  exec java ${cds[@]+"${cds[@]}"} ${JAVA_OPTS:-} -jar "$jar" "$@"
fi
# Recording: run the gateway as a child, pass SIGTERM and Ctrl-C on to it, and judge its exit.
# The trap is set first and names $! (set the moment the child is forked), so that no signal can
# come between the two and leave the gateway running on its own.
trap 'kill -TERM $! 2>/dev/null || exit 143' TERM INT HUP
java ${cds[@]+"${cds[@]}"} ${JAVA_OPTS:-} -jar "$jar" "$@" &
pid=$!
status=0
wait "$pid" || status=$?
while kill -0 "$pid" 2>/dev/null; do
  status=0
  wait "$pid" || status=$?
done
trap - TERM INT HUP
# 143 and 130: stopped by SIGTERM or Ctrl-C after a clean start; 2 (a bad setting) or 1: failed.
if [[ $status -eq 0 || $status -eq 143 || $status -eq 130 ]] && [[ -s "$recording" ]]; then
  mv -f "$recording" "$jsa"
else
  rm -f "$recording"
  [[ $status -eq 0 || $status -eq 143 || $status -eq 130 ]] \
    || echo "run.sh: the gateway exited with status $status; no class-data archive kept" >&2
fi
exit "$status"
