# Sourced by test.sh and the benchmarks: a PostgreSQL of their own, on loopback, from a scratch
# data directory, started and stopped by the script that needs it.

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# The first free port at or above $1 on 127.0.0.1.
free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

# initdb and postgres refuse to run as root.
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# pg_start DATA_DIR FIRST_PORT [postgres -c options...]: a new cluster in DATA_DIR, trusting local
# users, on the first port from FIRST_PORT that it can bind; sets PG_PORT to that port.
pg_start() {
  local data=$1 port=$2; shift 2
  local bin; bin=$(pg_bin)
  local extra=""
  for option in "$@"; do extra="$extra -c $option"; done
  mkdir -p "$data"
  [ "$(id -u)" -eq 0 ] && chown postgres "$data"
  as_pg "$bin/initdb" -D "$data" -A trust -U postgres -E UTF8 --no-sync >/dev/null
  # A port nobody answers on can still refuse a bind for a while after its last user left.
  for _ in 1 2 3 4 5; do
    port=$(free_port "$port")
    if as_pg "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $data$extra" start >/dev/null; then
      PG_PORT=$port
      return 0
    fi
    port=$((port + 1))
  done
  cat "$data/server.log" >&2
  return 1
}

pg_stop() { as_pg "$(pg_bin)/pg_ctl" -D "$1" -m fast stop >/dev/null 2>&1 || true; }
