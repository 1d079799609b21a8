# Sourced by the bench/ scenario scripts: paths, fixtures on loopback, process bookkeeping, the A/B loop.
# Every process a script starts is recorded in STARTED_PIDS and stopped by its PID on exit; nothing else is touched.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
JAVA="${BENCH_JAVA:-}"
if [ -z "$JAVA" ]; then
  for j in /usr/lib/jvm/temurin-25-jdk-amd64/bin/java /usr/lib/jvm/temurin-21-jdk-amd64/bin/java; do
    [ -x "$j" ] && { JAVA="$j"; break; }
  done
fi
if [ -z "$JAVA" ]; then   # any JDK 21+ (JAVA_HOME, PATH, /usr/lib/jvm): bin/java-env.sh's search
  . "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/bin/java-env.sh"
  find_java_home >/dev/null 2>&1 && JAVA="$JAVA_HOME/bin/java"
fi
[ -n "$JAVA" ] || { echo "bench: set BENCH_JAVA to a java 21+" >&2; exit 1; }
BENCH_JAR="$ROOT/bench/target/govroam-bench.jar"
SERVER_JAR="$ROOT/radius-server/target/govroam-server.jar"
SECRET="bench-secret-0123456789"
SERVICE_PASSWORD="bench-service-password"
BASE_DN="dc=bench,dc=example"
REALM="bench.example"

# Smoke mode (BENCH_SMOKE=1): a few hundred requests per run, to prove the scripts work end to end.
if [ "${BENCH_SMOKE:-0}" = 1 ]; then
  COUNT="${BENCH_COUNT:-400}"; WARMUP="${BENCH_WARMUP:-200}"; RUNS="${BENCH_RUNS:-1}"
  OUTSTANDING_LIST="${BENCH_OUTSTANDING:-16 64}"
else
  COUNT="${BENCH_COUNT:-100000}"; WARMUP="${BENCH_WARMUP:-60000}"; RUNS="${BENCH_RUNS:-3}"
  OUTSTANDING_LIST="${BENCH_OUTSTANDING:-16 64 256}"
fi
# Where the results go. Smoke runs never write to bench/results/ (the real measurements) unless told to.
if [ "${BENCH_SMOKE:-0}" = 1 ]; then RESULTS_DIR="${BENCH_RESULTS_DIR:-$ROOT/bench/target/smoke-results}"
else RESULTS_DIR="${BENCH_RESULTS_DIR:-$BENCH_DIR/results}"; fi
mkdir -p "$RESULTS_DIR"
DURATION="${BENCH_DURATION:-60s}"   # every load run ends after this, whatever its count
SERVER_HEAP="${BENCH_SERVER_HEAP:-512m}"

# BENCH_PIN=1: the server under test on a CPU of its own (BENCH_SERVER_CPUS, default the last one), slapd, the
# generator and the home server on the others (BENCH_OTHER_CPUS): a RADIUS server on a small VM with its clients and
# directory elsewhere, as in a deployment. Unset (the default), every process shares every core.
ON_SERVER=(); ON_REST=()
if [ "${BENCH_PIN:-0}" = 1 ]; then
  command -v taskset >/dev/null 2>&1 || { echo "bench: BENCH_PIN=1 needs taskset (util-linux)" >&2; exit 1; }
  [ "$(nproc)" -ge 2 ] || { echo "bench: BENCH_PIN=1 needs at least 2 CPUs" >&2; exit 1; }
  SERVER_CPUS="${BENCH_SERVER_CPUS:-$(( $(nproc) - 1 ))}"
  pin_rest=0; [ "$(nproc)" -gt 2 ] && pin_rest="0-$(( $(nproc) - 2 ))"
  OTHER_CPUS="${BENCH_OTHER_CPUS:-$pin_rest}"
  ON_SERVER=(taskset -c "$SERVER_CPUS"); ON_REST=(taskset -c "$OTHER_CPUS")
fi

# BENCH_AUTH_LOG=1 (the default): every server writes one line per decision, as a federation's operators keep them
# (govroam's govroam.auth line, its default; FreeRADIUS's log { auth = yes }; radsecproxy's LogLevel 3). 0: none does
# (govroam's govroam.auth logger at WARN). Either way the three are configured alike.
AUTH_LOG="${BENCH_AUTH_LOG:-1}"
case $AUTH_LOG in 0|1) ;; *) echo "bench: BENCH_AUTH_LOG is 0 or 1, not '$AUTH_LOG'" >&2; exit 1 ;; esac

# Where each server writes its line per decision ("NAME KIND FILE"), counted in the results header.
DECISION_LOGS=()
decision_log() { DECISION_LOGS+=("$1 $2 $3"); }

# decision_lines: "NAME N, NAME N, ...": the lines each server wrote per decision, over the whole script.
decision_lines() {
  local entry name kind file pattern n out=()
  sleep 0.5   # govroam's standard output is written out every 200 ms
  for entry in "${DECISION_LOGS[@]}"; do
    read -r name kind file <<< "$entry"
    case $kind in
      govroam) pattern=' auth - result=' ;;        # the govroam.auth logger's line
      freeradius) pattern=' : Auth: ' ;;           # log { auth = yes }: Login OK / Login incorrect
      radsecproxy) pattern=' for user ' ;;         # LogLevel 3: "Access-Accept for user ... from ... to ..."
    esac
    n=$(grep -c -- "$pattern" "$file" 2>/dev/null || true)
    out+=("$name ${n:-0}")
  done
  local IFS=,
  echo "${out[*]}" | sed 's/,/, /g'
}

STARTED_PIDS=()
WORK="$(mktemp -d /tmp/govroam-bench.XXXXXX)"
KEEP_WORK="${BENCH_KEEP_WORK:-0}"

cleanup() {
  local pid
  for pid in "${STARTED_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${STARTED_PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  [ "$KEEP_WORK" = 1 ] && echo "bench: work dir kept: $WORK" >&2 || rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "bench: $*" >&2; }

build() {
  local why
  why=$(stale_jars)
  if [ -n "$why" ]; then
    log "building ($why; mvn -o package -DskipTests)"
    local mvn=mvn; command -v mvn >/dev/null 2>&1 || mvn="$ROOT/mvnw"
    (cd "$ROOT" && "$mvn" -B -o -q package -DskipTests) >&2
  fi
}

# Why the jars must be built, or nothing when they are newer than every source file and pom.xml: a result file names
# the commit it was measured at, so it must not come from jars of an older tree.
stale_jars() {
  local jar modules newer
  for jar in "$SERVER_JAR" "$BENCH_JAR"; do
    [ -f "$jar" ] || { echo "no ${jar#"$ROOT"/}"; return; }
    if [ "$jar" = "$SERVER_JAR" ]; then modules=("$ROOT/ldap-bridge" "$ROOT/radius-server"); else modules=("$ROOT/bench"); fi
    newer=$(find "$ROOT/pom.xml" "${modules[@]}" -name target -prune -o \
      -type f \( -path '*/src/main/*' -o -name pom.xml \) -newer "$jar" -print -quit)
    [ -z "$newer" ] || { echo "${newer#"$ROOT"/} is newer than ${jar#"$ROOT"/}"; return; }
  done
}

# A free loopback port P (TCP and UDP, and UDP P+1 for accounting, free at the time of asking), drawn at random
# below the kernel's ephemeral range so that no outgoing socket takes it meanwhile. Needs only ss (iproute2).
free_port() {
  local p lo
  lo=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  [ "$lo" -gt 12000 ] || lo=32768
  for _ in $(seq 1 200); do
    p=$((10000 + (RANDOM * 32768 + RANDOM) % (lo - 10002)))
    if ! ss -Htuan 2>/dev/null | awk '{print $5}' | grep -Eq ":($p|$((p + 1)))\$"; then
      echo "$p"; return 0
    fi
  done
  log "no free port found"; exit 1
}

# wait_port tcp|udp PORT PID LOGFILE: until something listens, or the process died, or 30 s.
wait_port() {
  local proto=$1 port=$2 pid=$3 logfile=$4 flag
  [ "$proto" = udp ] && flag=-uln || flag=-tln
  for _ in $(seq 1 300); do
    if ss -H $flag "sport = :$port" 2>/dev/null | grep -q .; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then
      log "process $pid died before listening on $proto/$port; its log:"; tail -n 30 "$logfile" >&2; exit 1
    fi
    sleep 0.1
  done
  log "nothing on $proto/$port after 30 s; log:"; tail -n 30 "$logfile" >&2; exit 1
}

started() { STARTED_PIDS+=("$1"); }

# wanted SERVER: whether BENCH_ONLY (space-separated server names; empty = all) includes it.
wanted() { [ -z "${BENCH_ONLY:-}" ] || [[ " $BENCH_ONLY " == *" $1 "* ]]; }

# The user fixture: 10,000 users (LDIF with {SSHA}, plain list, FreeRADIUS users file), made once per run.
make_users() {
  [ -f "$WORK/users.txt" ] && return 0
  "$JAVA" -jar "$BENCH_JAR" users --count "${BENCH_USERS:-10000}" --realm "$REALM" --base-dn "$BASE_DN" \
    --service-password "$SERVICE_PASSWORD" --ldif "$WORK/users.ldif" --list "$WORK/users.txt" \
    --freeradius-users "$WORK/freeradius-users" >&2
}

# slapd with the 10,000 users, uid indexed; sets SLAPD_PORT and SLAPD_PID.
start_slapd() {
  make_users
  local dir="$WORK/slapd"
  mkdir -p "$dir/db"
  cat > "$dir/slapd.conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include /etc/ldap/schema/nis.schema
modulepath /usr/lib/ldap
moduleload back_mdb
pidfile $dir/slapd.pid
argsfile $dir/slapd.args
loglevel 0
threads ${BENCH_SLAPD_THREADS:-8}
database mdb
maxsize 268435456
suffix "$BASE_DN"
rootdn "cn=admin,$BASE_DN"
directory $dir/db
index objectClass eq
index uid eq
access to attrs=userPassword by anonymous auth by * none
access to * by dn.exact="cn=radius-service,ou=services,$BASE_DN" read by self read by * none
CONF
  /usr/sbin/slapadd -q -f "$dir/slapd.conf" -l "$WORK/users.ldif" >&2
  SLAPD_PORT=$(free_port)
  "${ON_REST[@]}" /usr/sbin/slapd -f "$dir/slapd.conf" -h "ldap://127.0.0.1:$SLAPD_PORT/" -d 0 > "$dir/slapd.log" 2>&1 &
  SLAPD_PID=$!
  started "$SLAPD_PID"
  wait_port tcp "$SLAPD_PORT" "$SLAPD_PID" "$dir/slapd.log"
  log "slapd pid $SLAPD_PID on 127.0.0.1:$SLAPD_PORT with $(grep -c '^uid:' "$WORK/users.ldif") users"
}

# The top of a govroam config on PORT, one NAS client (127.0.0.1, M-A required), no reject delay.
govroam_config_head() {
  local port=$1
  cat <<YAML
server:
  address: 127.0.0.1
  auth-port: $port
  accounting-port: $((port + 1))
  in-flight-limit: 10000
  reject-delay: 0ms
accounting:
  directory: $WORK/accounting
clients:
  - name: bench
    address: 127.0.0.1/32
    secret: "$SECRET"
    operator: bench.example
    require-message-authenticator: true
YAML
}

# start_govroam NAME CONFIG PORT: the server jar on JDK 21+; sets GOVROAM_PID.
start_govroam() {
  local name=$1 config=$2 port=$3 logging=()
  # the jar's built-in logging, without its line per decision
  [ "$AUTH_LOG" = 1 ] || logging=(-Dgovroam.auth.level=WARN)
  "${ON_SERVER[@]}" "$JAVA" -Xms"$SERVER_HEAP" -Xmx"$SERVER_HEAP" --enable-native-access=ALL-UNNAMED "${logging[@]}" ${BENCH_GOVROAM_OPTS:-} \
    -jar "$SERVER_JAR" run --config "$config" > "$WORK/$name.log" 2>&1 &
  GOVROAM_PID=$!
  started "$GOVROAM_PID"
  decision_log "$name" govroam "$WORK/$name.log"
  wait_port udp "$port" "$GOVROAM_PID" "$WORK/$name.log"
  log "govroam ($name) pid $GOVROAM_PID on udp/$port"
}

# A FreeRADIUS 3.2 config dir with one client and the given modules and server sections.
# freeradius_config NAME PORT MODULES_FILE SITE_FILE -> prints the dir
freeradius_config() {
  local name=$1 port=$2 modules=$3 site=$4 dir="$WORK/$1"
  mkdir -p "$dir/log" "$dir/run"
  : > "$dir/dictionary"
  cat > "$dir/radiusd.conf" <<CONF
prefix = /usr
exec_prefix = /usr
sysconfdir = /etc
localstatedir = /var
sbindir = /usr/sbin
logdir = $dir/log
raddbdir = $dir
radacctdir = $dir/log/radacct
name = freeradius
confdir = $dir
modconfdir = $dir/mods-config
certdir = $dir/certs
cadir = $dir/certs
run_dir = $dir/run
db_dir = $dir
libdir = /usr/lib/freeradius
pidfile = $dir/run/freeradius.pid
correct_escapes = true
max_request_time = 30
cleanup_delay = 5
max_requests = 65536
hostname_lookups = no
log {
  destination = files
  colourise = no
  file = $dir/log/radius.log
  auth = $([ "$AUTH_LOG" = 1 ] && echo yes || echo no)
}
checkrad = /usr/sbin/checkrad
security {
  allow_core_dumps = no
  max_attributes = 200
  reject_delay = 0
  status_server = yes
}
proxy_requests = ${FR_PROXY:-no}
thread pool {
  start_servers = ${BENCH_FR_THREADS:-5}
  max_servers = 32
  min_spare_servers = 3
  max_spare_servers = 10
  max_requests_per_server = 0
  auto_limit_acct = no
}
client bench {
  ipaddr = 127.0.0.1
  secret = $SECRET
  require_message_authenticator = yes
  nas_type = other
}
listen {
  type = auth
  ipaddr = 127.0.0.1
  port = $port
  virtual_server = default
}
modules {
  always reject {
    rcode = reject
  }
  always ok {
    rcode = ok
  }
  always noop {
    rcode = noop
  }
\$INCLUDE $modules
}
instantiate {
}
policy {
}
\$INCLUDE $site
CONF
  echo "$dir"
}

# FreeRADIUS's LDAP module comes in its own Debian package: say so rather than let FreeRADIUS fail at start.
need_rlm_ldap() {
  [ -f /usr/lib/freeradius/rlm_ldap.so ] && return 0
  log "FreeRADIUS's rlm_ldap (/usr/lib/freeradius/rlm_ldap.so) is missing: apt-get install freeradius-ldap"; exit 1
}

# start_freeradius NAME DIR PORT: foreground, no debug; sets FR_PID.
start_freeradius() {
  local name=$1 dir=$2 port=$3
  "${ON_SERVER[@]}" /usr/sbin/freeradius -f -d "$dir" -n radiusd -l "$dir/log/radius.log" > "$WORK/$name.log" 2>&1 &
  FR_PID=$!
  started "$FR_PID"
  decision_log "$name" freeradius "$dir/log/radius.log"
  wait_port udp "$port" "$FR_PID" "$dir/log/radius.log"
  log "freeradius ($name) pid $FR_PID on udp/$port"
}

# start_responder NAME PORT: the generator's trivial responder (ceiling; home server); sets RESPONDER_PID.
start_responder() {
  local name=$1 port=$2
  "${ON_REST[@]}" "$JAVA" -jar "$BENCH_JAR" responder --listen "127.0.0.1:$port" --secret "${3:-$SECRET}" \
    --threads "${BENCH_RESPONDER_THREADS:-1}" --max-duration 60m > "$WORK/$name.log" 2>&1 &
  RESPONDER_PID=$!
  started "$RESPONDER_PID"
  wait_port udp "$port" "$RESPONDER_PID" "$WORK/$name.log"
  log "responder ($name) pid $RESPONDER_PID on udp/$port"
}

# load SCENARIO SERVER RUN OUTSTANDING PORT USERS PIDS [extra generator options]: one run, its RESULT line
# appended to $RESULTS.
load() {
  local scenario=$1 server=$2 run=$3 outstanding=$4 port=$5 users=$6 pids=$7
  shift 7
  local line
  if ! line=$("${ON_REST[@]}" "$JAVA" --enable-native-access=ALL-UNNAMED ${BENCH_GENERATOR_OPTS:-} -jar "$BENCH_JAR" "${LOAD_MODE:-load}" --server "127.0.0.1:$port" --secret "$SECRET" \
      --users "$users" --outstanding "$outstanding" --count "$COUNT" --warmup "$WARMUP" --duration "$DURATION" \
      --timeout 2s --pids "$pids" --tags "scenario=$scenario,server=$server,run=$run" "$@" 2>>"$WORK/generator.err" \
      | grep '^RESULT'); then
    log "generator failed ($scenario $server run $run at $outstanding); its errors:"; tail -n 5 "$WORK/generator.err" >&2
    echo "FAILED scenario=$scenario server=$server run=$run outstanding=$outstanding" >> "$RESULTS"
    return 0
  fi
  echo "$line" | tee -a "$RESULTS" >&2
}

# prewarm SCENARIO SERVER PORT USERS PIDS [GENERATOR ARGS...]: one unrecorded run at 64 outstanding
# ($BENCH_PREWARM requests) before the first measured run, so a JVM's compiler is done before anything counts.
prewarm() {
  local scenario=$1 server=$2 port=$3 users=$4 pids=$5
  shift 5
  [ "${PREWARM:-0}" -gt 0 ] || return 0
  log "pre-warming $server ($PREWARM requests, not recorded)"
  "${ON_REST[@]}" "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$BENCH_JAR" "${LOAD_MODE:-load}" --server "127.0.0.1:$port" --secret "$SECRET" \
    --users "$users" --outstanding 64 --count "$PREWARM" --warmup 0 --duration "$DURATION" \
    --timeout 2s --pids "$pids" --tags "scenario=$scenario,server=$server,run=prewarm" "$@" \
    >/dev/null 2>>"$WORK/generator.err" || log "pre-warm of $server failed (see generator.err)"
}

# The Markdown results file: machine, versions, date, then the report's tables.
# write_results TITLE NOTES
write_results() {
  local title=$1 notes=$2 out="$RESULTS_DIR/$(date -u +%Y-%m-%d)-$SCENARIO_FILE.md"
  {
    echo "# $title"
    echo
    echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(free -g | awk '/Mem:/{print $2}') GB RAM, $(uname -sr)"
    echo "- load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- govroam: $(git -C "$ROOT" rev-parse --short HEAD) ($(git -C "$ROOT" rev-parse --abbrev-ref HEAD))$([ -z "$(git -C "$ROOT" status --porcelain -- ldap-bridge radius-server bench/src pom.xml 2>/dev/null)" ] || echo ' **with uncommitted changes**'), $("$JAVA" -version 2>&1 | head -1)"
    echo "- FreeRADIUS: $(/usr/sbin/freeradius -v 2>/dev/null | head -1 | sed 's/.*Version \([^,]*\),.*/\1/')"
    echo "- OpenLDAP slapd: $(/usr/sbin/slapd -VV 2>&1 | head -1 | sed 's/.*slapd \([^ ]*\).*/\1/')"
    echo "- radsecproxy: $(/usr/sbin/radsecproxy -v 2>&1 | head -1 | sed 's/radsecproxy revision //')"
    echo "- counts: $COUNT requests per run after $WARMUP warm-up, $RUNS runs per server, alternating, outstanding: $OUTSTANDING_LIST"
    [ "${BENCH_PIN:-0}" = 1 ] && echo "- **pinned** (BENCH_PIN=1): the server under test on CPU $SERVER_CPUS alone; slapd, the generator and the home server on CPU $OTHER_CPUS"
    if [ "$SCENARIO_FILE" = ceiling ]; then
      :   # no server under test, only the generator's responder
    elif [ "$AUTH_LOG" = 1 ]; then
      echo "- a log line per decision from every server (BENCH_AUTH_LOG=1): govroam's govroam.auth line, FreeRADIUS log { auth = yes }, radsecproxy LogLevel 3"
    else
      echo "- no log line per decision from any server (BENCH_AUTH_LOG=0): govroam's govroam.auth at WARN, FreeRADIUS log { auth = no }, radsecproxy LogLevel 2"
    fi
    [ ${#DECISION_LOGS[@]} -gt 0 ] && echo "- lines logged per decision, warm-ups included: $(decision_lines)"
    [ "${BENCH_SMOKE:-0}" = 1 ] && echo "- **SMOKE RUN**: small counts on a shared machine; proves the scripts work, not a measurement."
    echo
    echo "$notes"
    echo
    "$JAVA" -jar "$BENCH_JAR" report --in "$RESULTS" --baseline govroam
    echo "Raw RESULT lines:"
    echo
    echo '```'
    cat "$RESULTS"
    echo '```'
  } > "$out"
  log "results: $out"
}

# A throwaway CA and server certificate for EAP, in $WORK/certs: ca.pem, server.pem, server.key. The same for every
# server under test. BENCH_CERT_KEY=rsa (default, RSA 2048) or ec (ECDSA P-256, what `govroam certs init` makes).
make_certs() {
  local d="$WORK/certs"
  [ -f "$d/server.pem" ] && return 0
  mkdir -p "$d"
  local key=(-newkey rsa:2048)
  [ "${BENCH_CERT_KEY:-rsa}" = ec ] && key=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1)
  openssl req -x509 "${key[@]}" -nodes -keyout "$d/ca.key" -out "$d/ca.pem" -days 2 -subj "/CN=bench CA" \
    >/dev/null 2>&1
  openssl req "${key[@]}" -nodes -keyout "$d/server.key" -out "$d/server.csr" -subj "/CN=radius.bench.example" \
    >/dev/null 2>&1
  printf 'extendedKeyUsage=serverAuth\nsubjectAltName=DNS:radius.bench.example\n' > "$d/ext"
  openssl x509 -req -in "$d/server.csr" -CA "$d/ca.pem" -CAkey "$d/ca.key" -CAcreateserial -days 2 \
    -extfile "$d/ext" -out "$d/server.pem" >/dev/null 2>&1
}

# govroam_supports KEY: whether this build's config accepts a top-level KEY (eap, peers) — a build without it
# refuses the whole file, and the scenario then runs the references only.
govroam_supports() {
  local key=$1 probe="$WORK/probe-$1.yaml"
  { govroam_config_head 1; echo "directories:"; echo "  - {name: demo, embedded-demo: true}";
    echo "realms:"; echo "  - {realm: demodorp.example, directory: demo}"; echo "$key: {}"; } > "$probe"
  local out
  out=$("$JAVA" -jar "$SERVER_JAR" check-config "$probe" 2>&1 || true)
  ! grep -q "unknown key '$key'" <<< "$out"
}
