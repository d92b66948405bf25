#!/usr/bin/env bash
# Benchmark: GET /api/v1/services/{id} from onewindowd (release build) against nginx serving
# the same bytes as a static file (2 workers, access_log off, sendfile), in one run, under
# wrk with 64 connections on loopback. Prints req/s for both, the ratio and onewindowd's peak RSS.
#
# Usage: bench/guide-lookup.sh [SECONDS] [ROUNDS]     (defaults: 10 s, 2 rounds, alternating)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
rounds=${2:-2}
service_id=${SERVICE_ID:-MZ-HY-001}
daemon_port=18480
nginx_port=18481

scripts/install-deps.sh wrk nginx-light
swift build -c release --product onewindowd >/dev/null

work=$(mktemp -d /tmp/onewindow-bench.XXXXXX)
chmod 755 "$work"  # nginx workers run as another user
cleanup() {
    [ -n "${daemon_pid:-}" ] && kill "$daemon_pid" 2>/dev/null || true
    [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
    sleep 0.5
    rm -rf "$work"
}
trap cleanup EXIT

.build/release/onewindowd serve --host 127.0.0.1 --port "$daemon_port" --threads 2 \
    --catalogue services.json --database "$work/onewindow.sqlite" 2>"$work/daemon.log" &
daemon_pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$daemon_port/healthz" >/dev/null && break; sleep 0.1; done

path="/api/v1/services/$service_id"
mkdir -p "$work/root/api/v1/services"
curl -sf "http://127.0.0.1:$daemon_port$path" -o "$work/root$path"
bytes=$(stat -c %s "$work/root$path")

cat >"$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    default_type application/json;
    client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
    uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
    server { listen 127.0.0.1:$nginx_port; root $work/root; }
}
CONF
mkdir -p "$work/tmp"
nginx -c "$work/nginx.conf"
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$nginx_port$path" >/dev/null && break; sleep 0.1; done
cmp -s "$work/root$path" <(curl -sf "http://127.0.0.1:$nginx_port$path") || { echo "nginx serves other bytes" >&2; exit 1; }

rate() { wrk -t2 -c64 -d"${duration}s" "$1" | awk '/Requests\/sec/ { print $2 }'; }
best_daemon=0
best_nginx=0
for round in $(seq "$rounds"); do
    d=$(rate "http://127.0.0.1:$daemon_port$path")
    n=$(rate "http://127.0.0.1:$nginx_port$path")
    echo "round $round: onewindowd $d req/s, nginx $n req/s"
    best_daemon=$(awk -v a="$best_daemon" -v b="$d" 'BEGIN { print (b > a ? b : a) }')
    best_nginx=$(awk -v a="$best_nginx" -v b="$n" 'BEGIN { print (b > a ? b : a) }')
done
rss_kib=$(awk '/VmHWM/ { print $2 }' "/proc/$daemon_pid/status")
echo "body: $bytes bytes ($path)"
echo "best onewindowd: $best_daemon req/s"
echo "best nginx:      $best_nginx req/s"
awk -v a="$best_daemon" -v b="$best_nginx" 'BEGIN { printf "ratio: %.2fx nginx (target >= 1.2x)\n", a / b }'
echo "onewindowd peak RSS: $((rss_kib / 1024)) MiB ($rss_kib KiB)"
