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
# Class-data sharing: the first start records the classes it loads into an archive beside the jar
# (written when that gateway stops), and later starts map it instead of loading and verifying every
# class again, about a third faster (BENCHMARKS.md, "Start-up and memory"). A rebuilt jar gets a
# fresh archive. PAYGATE_CDS=off turns it off.
jsa=${jar%.jar}.jsa
cds=()
if [[ "${PAYGATE_CDS:-on}" != off ]]; then
  [[ -f "$jsa" && "$jsa" -ot "$jar" ]] && rm -f "$jsa"
  if [[ -f "$jsa" ]]; then
    cds=(-XX:SharedArchiveFile="$jsa")
  else
    cds=(-XX:ArchiveClassesAtExit="$jsa")
  fi
  cds+=(-Xlog:cds=off,cds+dynamic=off)
fi
exec java ${cds[@]+"${cds[@]}"} ${JAVA_OPTS:-} -jar "$jar" "$@"
