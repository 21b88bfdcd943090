#!/usr/bin/env bash
# Provides a real PostgreSQL server for Obhut's contract tests and exports its URL as
# OBHUT_TEST_DATABASE_URL (read by test/support/postgres.ts).
#
# Two ways to use it:
#
#   source .ci/postgres.sh          # defines obhut_pg_* functions, changes nothing else
#   obhut_pg_setup                  # exports OBHUT_TEST_DATABASE_URL (+ OBHUT_PG_SOURCE)
#   ...run tests...
#   obhut_pg_stop                   # stops/removes the throwaway cluster, if we started one
#
#   eval "$(.ci/postgres.sh start)" # same, from any shell: prints `export ...` lines on stdout
#   .ci/postgres.sh stop            # stops/removes the throwaway cluster started by `start`
#   .ci/postgres.sh status          # says whether a throwaway cluster is running
#
# Order of preference (first that works wins):
#   1. OBHUT_TEST_DATABASE_URL already set: verified and used as-is (a developer's own server).
#   2. A server answering at 127.0.0.1:$OBHUT_CI_PG_PORT (default 5432), as CI machines normally
#      have, logged into as user `postgres`, then `root`, database `test`.
#   3. A throwaway cluster of our own: Debian's `postgresql` package is installed if its binaries
#      are missing, initdb runs in a fresh temp dir owned by an unprivileged user (PostgreSQL
#      refuses to run as root), the server listens on 127.0.0.1:$OBHUT_CI_PG_OWN_PORT
#      (default 55432, or the next free port) only, with trust auth, and gets a database `test`.
#
# Knobs (environment):
#   OBHUT_CI_PG_PORT=5432         where to look for an existing server (point it at a dead port
#                                 such as 55999 to simulate "no server")
#   OBHUT_CI_PG_FORCE_OWN=1       skip 1 and 2, always start a throwaway cluster
#   OBHUT_CI_PG_OWN_PORT=55432    first port to try for the throwaway cluster
#   OBHUT_CI_PG_USER=obhutci      unprivileged OS user that runs the throwaway cluster when we are
#                                 root (created with useradd if missing); ignored when not root
#
# Written to work both when sourced into an interactive shell (so it must not `set -e` or exit
# the caller's shell: every function checks its own errors and returns non-zero) and when run
# as a script under `set -euo pipefail`. All messages go to stderr; stdout is reserved for the
# `export` lines of `start`.

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------

_obhut_pg_log() { printf '[postgres.sh] %s\n' "$*" >&2; }

# Where `start` records the temp dir of the cluster it started, so that a later, separate
# `stop` invocation can find it. One file per port, so several clusters cannot clash.
_obhut_pg_state_file() { printf '%s/obhut-ci-pg.%s.dir' "${TMPDIR:-/tmp}" "$1"; }

# Is anything accepting TCP connections on 127.0.0.1:$1? pg_isready is the precise answer when
# the client tools are installed; bash's /dev/tcp is a plain TCP fallback that needs nothing.
_obhut_pg_port_answers() {
  local port=$1
  if command -v pg_isready >/dev/null 2>&1; then
    # Exit 0 = accepting, 1 = rejecting (e.g. starting up), 2 = no response, 3 = bad params.
    # Treat "rejecting" as answering too: something is there, the login check decides.
    local rc=0
    pg_isready -q -h 127.0.0.1 -p "$port" -t 5 || rc=$?
    [[ $rc -eq 0 || $rc -eq 1 ]]
  else
    timeout 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port" >/dev/null 2>&1
  fi
}

# Can we log in with this URL and run a query? Uses psql if installed, otherwise the `pg`
# package from the project's node_modules (present after `npm ci`; `node -e` resolves
# require() from the current directory, i.e. the repository root).
_obhut_pg_url_works() {
  local url=$1
  if command -v psql >/dev/null 2>&1; then
    PGCONNECT_TIMEOUT=5 psql "$url" -X -qAt -c 'select 1' >/dev/null 2>&1
  elif command -v node >/dev/null 2>&1; then
    OBHUT_PG_PROBE_URL=$url timeout 20 node -e '
      const { Client } = require("pg");
      const c = new Client({ connectionString: process.env.OBHUT_PG_PROBE_URL, connectionTimeoutMillis: 5000 });
      c.connect().then(() => c.query("select 1")).then(() => c.end()).then(
        () => process.exit(0),
        () => process.exit(1),
      );
    ' >/dev/null 2>&1
  else
    return 1
  fi
}

# Directory holding initdb/pg_ctl/postgres of the newest installed PostgreSQL major version.
# Debian keeps them off PATH under /usr/lib/postgresql/<major>/bin.
_obhut_pg_find_bindir() {
  local d best=''
  for d in /usr/lib/postgresql/*/bin; do
    [[ -x $d/initdb && -x $d/pg_ctl ]] || continue
    if [[ -z $best ]] || [[ $(printf '%s\n%s\n' "$best" "$d" | sort -V | tail -n1) == "$d" ]]; then
      best=$d
    fi
  done
  if [[ -z $best ]] && command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    best=$(dirname "$(command -v pg_ctl)")   # non-Debian layouts put them on PATH
  fi
  [[ -n $best ]] && printf '%s\n' "$best"
}

# Install Debian's PostgreSQL server package. Needs root (or passwordless sudo).
_obhut_pg_install() {
  local sudo=''
  if [[ $EUID -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo='sudo -n'
    else
      _obhut_pg_log "PostgreSQL server binaries are missing and we are not root: install them (apt-get install postgresql) or set OBHUT_TEST_DATABASE_URL."
      return 1
    fi
  fi
  _obhut_pg_log "installing Debian's postgresql package (apt-get update && apt-get install -y postgresql)"
  # The package's postinst may also create and start a default cluster on 5432; harmless, we
  # do not use it (our own cluster is on a private port and stopped at the end).
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2 || return 1
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    postgresql >&2 || return 1
}

# Run a command as the unprivileged cluster owner ($_OBHUT_PG_RUNAS; empty = ourselves).
_obhut_pg_as_owner() {
  if [[ -n ${_OBHUT_PG_RUNAS:-} ]]; then
    runuser -u "$_OBHUT_PG_RUNAS" -- "$@"
  else
    "$@"
  fi
}

# ---------------------------------------------------------------------------------------------
# Throwaway cluster
# ---------------------------------------------------------------------------------------------

# Start a throwaway cluster; on success sets OBHUT_PG_OWN_DIR/OBHUT_PG_OWN_PORT and the URL.
obhut_pg_start_own() {
  local bindir port dir
  bindir=$(_obhut_pg_find_bindir) || bindir=''
  if [[ -z $bindir ]]; then
    _obhut_pg_install || return 1
    bindir=$(_obhut_pg_find_bindir) || bindir=''
    if [[ -z $bindir ]]; then
      _obhut_pg_log "installed postgresql but found no initdb/pg_ctl under /usr/lib/postgresql/*/bin"
      return 1
    fi
  fi

  # PostgreSQL refuses to run as root, so when we are root the cluster belongs to a dedicated
  # unprivileged system user (no home, no login shell). Not root: just run it as ourselves.
  _OBHUT_PG_RUNAS=''
  if [[ $EUID -eq 0 ]]; then
    _OBHUT_PG_RUNAS=${OBHUT_CI_PG_USER:-obhutci}
    if ! id -u "$_OBHUT_PG_RUNAS" >/dev/null 2>&1; then
      _obhut_pg_log "creating system user $_OBHUT_PG_RUNAS to own the throwaway cluster"
      useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin \
        "$_OBHUT_PG_RUNAS" || return 1
    fi
  fi

  # A private port that nothing else uses (a developer may run other clusters there).
  port=${OBHUT_CI_PG_OWN_PORT:-55432}
  local tries=0
  while _obhut_pg_port_answers "$port"; do
    tries=$((tries + 1))
    if [[ $tries -ge 20 ]]; then
      _obhut_pg_log "no free port found in ${OBHUT_CI_PG_OWN_PORT:-55432}..$port"
      return 1
    fi
    port=$((port + 1))
  done

  # Fresh temp dir: data dir, Unix socket and log all live inside it, so nothing else on the
  # machine is touched (/var/run/postgresql may not be writable by our user) and one `rm -rf`
  # cleans up everything.
  local base=${TMPDIR:-/tmp}
  if [[ -n $_OBHUT_PG_RUNAS ]] && ! runuser -u "$_OBHUT_PG_RUNAS" -- test -x "$base"; then
    base=/tmp   # the cluster owner must be able to reach its dir; root's TMPDIR may be private
  fi
  dir=$(mktemp -d "$base/obhut-ci-pg.XXXXXX") || return 1
  if [[ -n $_OBHUT_PG_RUNAS ]]; then
    chown "$_OBHUT_PG_RUNAS:" "$dir" || { rm -rf "$dir"; return 1; }
  fi
  chmod 700 "$dir"
  # Exported so that a separate `.ci/postgres.sh stop` run from the same shell finds them.
  export OBHUT_PG_OWN_DIR=$dir
  export OBHUT_PG_OWN_PORT=$port
  export OBHUT_PG_OWN_BINDIR=$bindir
  export OBHUT_PG_OWN_RUNAS=$_OBHUT_PG_RUNAS
  # Record it right away so `stop` can clean up even if a later step fails.
  printf '%s\n%s\n%s\n' "$dir" "$bindir" "$_OBHUT_PG_RUNAS" >"$(_obhut_pg_state_file "$port")"

  _obhut_pg_log "starting throwaway PostgreSQL ($bindir) in $dir on 127.0.0.1:$port as ${_OBHUT_PG_RUNAS:-$(id -un)}"
  # --no-sync and the fsync/full_page_writes settings below trade crash safety for speed:
  # this cluster lives for one test run. Locale C avoids depending on generated locales.
  if ! _obhut_pg_as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust \
    --encoding=UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1; then
    _obhut_pg_log "initdb failed:"; cat "$dir/initdb.log" >&2
    obhut_pg_stop_own; return 1
  fi
  # Loopback TCP only, trust auth (initdb --auth=trust), socket inside our dir.
  _obhut_pg_as_owner tee -a "$dir/data/postgresql.conf" >/dev/null <<EOF

# --- added by .ci/postgres.sh (throwaway test cluster) ---
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  if ! _obhut_pg_as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    start >/dev/null; then
    _obhut_pg_log "pg_ctl start failed; server log:"; cat "$dir/server.log" >&2 2>/dev/null
    obhut_pg_stop_own; return 1
  fi
  if ! "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres test; then
    _obhut_pg_log "createdb test failed"
    obhut_pg_stop_own; return 1
  fi
  export OBHUT_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/test"
  local version
  version=$("$bindir/postgres" --version | awk '{print $3}')   # "postgres (PostgreSQL) 15.20 ..."
  export OBHUT_PG_SOURCE="throwaway cluster started by .ci/postgres.sh (PostgreSQL $version in $dir)"
}

# Stop and delete the throwaway cluster. Safe to call when none is running, and more than once.
# Finds the cluster via the shell variables (sourced use) or the state file (`stop` command).
obhut_pg_stop_own() {
  local port=${OBHUT_PG_OWN_PORT:-${OBHUT_CI_PG_OWN_PORT:-55432}}
  local state dir bindir runas
  state=$(_obhut_pg_state_file "$port")
  dir=${OBHUT_PG_OWN_DIR:-}
  bindir=${OBHUT_PG_OWN_BINDIR:-}
  runas=${OBHUT_PG_OWN_RUNAS:-}
  if [[ -z $dir && -f $state ]]; then
    { read -r dir; read -r bindir; read -r runas; } <"$state" || true
  fi
  if [[ -z $dir ]]; then
    return 0
  fi
  # Only ever delete what we created: refuse anything that is not one of our mktemp dirs.
  case $(basename "$dir") in
    obhut-ci-pg.*) ;;
    *) _obhut_pg_log "refusing to remove unexpected dir '$dir'"; return 1 ;;
  esac
  if [[ -f $dir/data/postmaster.pid ]]; then
    _obhut_pg_log "stopping throwaway PostgreSQL in $dir"
    if ! _OBHUT_PG_RUNAS=$runas _obhut_pg_as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w \
      -t 30 stop >/dev/null 2>&1; then
      # Last resort so the run never leaves a server behind: kill the postmaster by its pid.
      local pid
      pid=$(head -n1 "$dir/data/postmaster.pid" 2>/dev/null) || pid=''
      [[ -n $pid ]] && kill -9 "$pid" 2>/dev/null
    fi
  fi
  rm -rf "$dir"
  rm -f "$state"
  unset OBHUT_PG_OWN_DIR OBHUT_PG_OWN_PORT OBHUT_PG_OWN_BINDIR OBHUT_PG_OWN_RUNAS
  if [[ ${OBHUT_TEST_DATABASE_URL:-} == *"127.0.0.1:$port/"* ]]; then
    unset OBHUT_TEST_DATABASE_URL OBHUT_PG_SOURCE
  fi
  return 0
}

# ---------------------------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------------------------

# Pick a server (see the order at the top) and export OBHUT_TEST_DATABASE_URL and
# OBHUT_PG_SOURCE (a human-readable description of what was chosen).
obhut_pg_setup() {
  local port=${OBHUT_CI_PG_PORT:-5432} user url

  if [[ ${OBHUT_CI_PG_FORCE_OWN:-0} != 1 ]]; then
    if [[ -n ${OBHUT_TEST_DATABASE_URL:-} ]]; then
      if _obhut_pg_url_works "$OBHUT_TEST_DATABASE_URL"; then
        export OBHUT_PG_SOURCE="OBHUT_TEST_DATABASE_URL given by the caller"
        _obhut_pg_log "using $OBHUT_PG_SOURCE"
        return 0
      fi
      _obhut_pg_log "OBHUT_TEST_DATABASE_URL is set but cannot connect with it; unset it or fix it."
      return 1
    fi

    if _obhut_pg_port_answers "$port"; then
      for user in postgres root; do
        url="postgres://$user@127.0.0.1:$port/test"
        if _obhut_pg_url_works "$url"; then
          export OBHUT_TEST_DATABASE_URL=$url
          export OBHUT_PG_SOURCE="existing server at 127.0.0.1:$port (user $user, database test)"
          _obhut_pg_log "using $OBHUT_PG_SOURCE"
          return 0
        fi
      done
      _obhut_pg_log "a server answers at 127.0.0.1:$port but neither user postgres nor root can use database test there; starting our own"
    else
      _obhut_pg_log "no PostgreSQL server answers at 127.0.0.1:$port; starting our own"
    fi
  else
    _obhut_pg_log "OBHUT_CI_PG_FORCE_OWN=1: starting our own cluster"
  fi

  obhut_pg_start_own || return 1
  _obhut_pg_log "using $OBHUT_PG_SOURCE"
}

# Undo obhut_pg_setup: stops the throwaway cluster if it started one, else does nothing.
obhut_pg_stop() { obhut_pg_stop_own; }

# Executed rather than sourced: act as a small command-line tool.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  case ${1:-} in
    start)
      obhut_pg_setup
      printf 'export OBHUT_TEST_DATABASE_URL=%q\n' "$OBHUT_TEST_DATABASE_URL"
      printf 'export OBHUT_PG_SOURCE=%q\n' "$OBHUT_PG_SOURCE"
      if [[ -n ${OBHUT_PG_OWN_DIR:-} ]]; then
        for v in OBHUT_PG_OWN_DIR OBHUT_PG_OWN_PORT OBHUT_PG_OWN_BINDIR OBHUT_PG_OWN_RUNAS; do
          printf 'export %s=%q\n' "$v" "${!v}"
        done
        echo "[postgres.sh] throwaway cluster keeps running; stop it with: .ci/postgres.sh stop" >&2
      fi
      ;;
    stop)
      obhut_pg_stop_own
      ;;
    status)
      port=${OBHUT_PG_OWN_PORT:-${OBHUT_CI_PG_OWN_PORT:-55432}}
      state=$(_obhut_pg_state_file "$port")
      if [[ -n ${OBHUT_PG_OWN_DIR:-} ]]; then
        echo "throwaway cluster: $OBHUT_PG_OWN_DIR on 127.0.0.1:$port"
      elif [[ -f $state ]]; then
        echo "throwaway cluster: $(head -n1 "$state") on 127.0.0.1:$port"
      else
        echo "no throwaway cluster recorded for port $port"
      fi
      ;;
    *)
      echo "usage: $0 start|stop|status   (or: source $0; obhut_pg_setup; ...; obhut_pg_stop)" >&2
      exit 2
      ;;
  esac
fi
