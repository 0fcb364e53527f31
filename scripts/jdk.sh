# Sourced by scripts and CI: exports JAVA_HOME for a JDK 21 or newer (keeps a suitable JAVA_HOME or default java,
# else takes the newest JDK under /usr/lib/jvm).
java_major() {
  "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1") ? v[2] : v[1]; exit }'
}
pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
    return 0
  fi
  if command -v javac >/dev/null && [ "$(java_major "$(command -v java)")" -ge 21 ]; then
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    return 0
  fi
  local best="" best_major=0 dir major
  for dir in /usr/lib/jvm/*/; do
    dir=${dir%/}
    [ -x "$dir/bin/javac" ] || continue
    major=$(java_major "$dir/bin/java") || continue
    if [ "${major:-0}" -gt "$best_major" ]; then best=$dir; best_major=$major; fi
  done
  if [ "$best_major" -lt 21 ]; then
    echo "autowatch needs a JDK 21 or newer; none found (JAVA_HOME, PATH, /usr/lib/jvm)." >&2
    return 1
  fi
  JAVA_HOME=$best
}
pick_jdk
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
