# Sourced by bin/domcaps: answers a plain request from a running `domcaps serve` through curl,
# without starting a JVM. domcaps_via_service exits with the command's status when the service
# answered (the output is byte-identical: the service's body is what the command prints), and
# returns 1 when the command must run itself: no socket or no curl, DOMCAPS_NO_SERVICE set, an
# option other than --emulatorbin/--arch/--machine/--virttype/--format/--libvirt (each once,
# non-empty; --libvirt 9.0 or 11.3), a
# relative --emulatorbin, or any answer but a document or libvirt's refusal (e.g. an emulator the
# service does not serve, or a service still starting).
domcaps_via_service() {
  if [ "${1:-}" = serve ]; then
    # The service is long-running: the full JIT (C2) and a bounded heap instead of the
    # command's start-up flags; DOMCAPS_SERVE_JAVA_OPTS adds to them.
    local jar=$here/cli/target/domcaps.jar
    [ -f "$jar" ] || return 1
    # shellcheck disable=SC2086
    exec java -XX:+UseSerialGC -Xms128m -Xmx256m -XX:+ExitOnOutOfMemoryError -Xshare:auto \
      ${DOMCAPS_SERVE_JAVA_OPTS:-} -jar "$jar" "$@"
  fi
  [ -z "${DOMCAPS_NO_SERVICE:-}" ] || return 1
  local sock=${DOMCAPS_SOCKET:-}
  if [ -z "$sock" ]; then
    if [ "${EUID:-$(id -u)}" = 0 ]; then sock=/run/domcaps/domcaps.sock
    elif [ -n "${XDG_RUNTIME_DIR:-}" ]; then sock=$XDG_RUNTIME_DIR/domcaps.sock
    else return 1; fi
  fi
  [ -S "$sock" ] && command -v curl >/dev/null 2>&1 || return 1
  local args=() seen=" " name value
  while [ $# -gt 0 ]; do
    case $1 in
      --*=*) name=${1%%=*}; value=${1#*=}; shift ;;
      --*) [ $# -ge 2 ] || return 1; name=$1; value=$2; shift 2 ;;
      *) return 1 ;;
    esac
    case $name in
      --emulatorbin) [ "${value#/}" != "$value" ] || return 1 ;;
      --arch|--machine|--virttype) ;;
      --format) [ "$value" = xml ] || [ "$value" = json ] || return 1 ;;
      # The releases the service answers as (any other value: the JVM words the refusal).
      --libvirt) case $value in 9.0|9.0.0|11.3|11.3.0) ;; *) return 1 ;; esac ;;
      *) return 1 ;;
    esac
    case $seen in *" $name "*) return 1 ;; esac
    case $value in ''|-*) return 1 ;; esac
    seen="$seen$name "
    args+=(--data-urlencode "${name#--}=$value")
  done
  # A sentinel after the body keeps its trailing newlines through the command substitution.
  local reply code body
  reply=$(curl -sS -G --max-time 60 --unix-socket "$sock" "${args[@]}" \
    -w '\n#domcaps-status %{http_code}' http://localhost/v1/domcaps 2>/dev/null) || return 1
  code=${reply##*#domcaps-status }
  body=${reply%$'\n'#domcaps-status *}
  case $code in
    200) printf '%s' "$body"; exit 0 ;;
    400|422)
      # {"status": N, "error": "MESSAGE"}: quoted only when MESSAGE has " or \ (then: the JVM).
      local msg=${body#*\"error\": \"}
      msg=${msg%\"*}
      case $msg in *\\*) return 1 ;; esac
      printf 'error: %s\n' "$msg" >&2
      exit 1 ;;
  esac
  return 1
}
