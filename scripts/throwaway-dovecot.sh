# Sourced by test.sh: a Dovecot IMAP server of its own, on loopback, from a config written into a
# scratch directory, started in the foreground (in the background of the script) and stopped by pid.

# dovecot_start DIR FIRST_PORT USER:PASSWORD...: sets IMAP_PORT and DOVECOT_PID.
dovecot_start() {
  local dir=$1 port=$2; shift 2
  local owner=nobody group=nogroup
  # Only root can hand mailboxes to another user; anyone else keeps them.
  if [ "$(id -u)" -ne 0 ]; then owner=$(id -un); group=$(id -gn); fi
  mkdir -p "$dir/run" "$dir/state" "$dir/home"
  : > "$dir/users"
  for entry in "$@"; do
    printf '%s:{PLAIN}%s\n' "${entry%%:*}" "${entry#*:}" >> "$dir/users"
  done
  chown "$owner:$group" "$dir/home"
  port=$(free_port "$port")
  cat > "$dir/dovecot.conf" <<CONF
base_dir = $dir/run
state_dir = $dir/state
log_path = $dir/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
mail_location = maildir:~/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $dir/users
}
userdb {
  driver = static
  args = uid=$owner gid=$group home=$dir/home/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    port = 0
  }
}
CONF
  dovecot -F -c "$dir/dovecot.conf" >> "$dir/dovecot.log" 2>&1 &
  DOVECOT_PID=$!
  for _ in $(seq 1 50); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then IMAP_PORT=$port; return 0; fi
    kill -0 "$DOVECOT_PID" 2>/dev/null || break
    sleep 0.1
  done
  cat "$dir/dovecot.log" >&2
  return 1
}

dovecot_stop() {
  [ -n "${1:-}" ] || return 0
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
