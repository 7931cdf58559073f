# Sourced by the project's scripts: points JAVA_HOME at a JDK 21 or newer.
# Order: JAVA_HOME if it is 21+, then Temurin/other JDKs under /usr/lib/jvm (newest first),
# then the java on PATH.
# The JDK's release file names its version; reading it costs nothing, while asking java costs a JVM
# start (0.1–0.9 s on a busy machine) on every ./vaporform.
java_major() {
  local version
  version="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)"
  [[ -n "$version" ]] || version="$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p' | cut -d. -f1)"
  echo "${version:-0}"
}
pick_java_home() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" && "$(java_major "$JAVA_HOME")" -ge 21 ]]; then return; fi
  local candidate
  for candidate in $(ls -d /usr/lib/jvm/temurin-*-jdk* /usr/lib/jvm/java-*-openjdk* /usr/lib/jvm/jdk-* 2>/dev/null | sort -rV); do
    if [[ -x "$candidate/bin/javac" && "$(java_major "$candidate")" -ge 21 ]]; then export JAVA_HOME="$candidate"; return; fi
  done
  if command -v java >/dev/null; then
    local from_path; from_path="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    if [[ "$(java_major "$from_path")" -ge 21 ]]; then export JAVA_HOME="$from_path"; return; fi
  fi
  echo "Vaporform needs a JDK 21 or newer. Install one (e.g. Temurin 25) and set JAVA_HOME." >&2
  exit 1
}
pick_java_home
