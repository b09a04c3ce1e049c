#!/usr/bin/env bash
# Starts the gateway on its embedded defaults: H2 in ./data, the Piggy Bank simulator inside the
# process, port 8080. Builds the jar first when it is missing or older than the sources.
# Any PAYGATE_* environment variable overrides a default (see README.md); arguments go to the
# server (for example --config paygate.properties).
set -euo pipefail
cd "$(dirname "$0")"
jar=gateway-server/target/gateway-server.jar
if [[ ! -f "$jar" ]] || [[ -n "$(find pom.xml */pom.xml */*/pom.xml */src */*/src -newer "$jar" -type f -print -quit 2>/dev/null)" ]]; then
  echo "Building the gateway (first run, or the sources changed)..." >&2
  mvn -q -B -DskipTests install
fi
exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
