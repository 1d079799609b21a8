# Sourced by bin/govroam and bin/run-tests: finds a JDK 21 or newer and exports JAVA_HOME for it.
# Order: $JAVA_HOME, the java on PATH, then the newest JDK under /usr/lib/jvm.

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1
}

find_java_home() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  local best="" best_major=0 home major
  for home in /usr/lib/jvm/*; do candidates+=("$home"); done
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    major=$(java_major "$home/bin/java")
    major=${major%%.*}
    [ -n "$major" ] || continue
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$home"; best_major=$major
    fi
    # an explicit JAVA_HOME that is new enough wins
    if [ "$home" = "${JAVA_HOME:-}" ] && [ "$major" -ge 21 ]; then best="$home"; break; fi
  done
  if [ -z "$best" ]; then
    echo "govroam needs a JDK 21 or newer (found none in JAVA_HOME, on PATH or under /usr/lib/jvm)." >&2
    echo "Install one, e.g. Temurin 21 or OpenJDK 21, then run this again (or set JAVA_HOME)." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}
