#!/usr/bin/env bash
# Makes .build/promtool/usr/bin/promtool from Debian's `prometheus` package and prints its path.
# The package is unpacked, not installed: its install script may start a Prometheus server, and
# only promtool is needed (to check deploy/prometheus and to run its rules on a hall's /metrics).
set -euo pipefail
cd "$(dirname "$0")/.."
target=.build/promtool
promtool="$target/usr/bin/promtool"
if [ ! -x "$promtool" ]; then
    mkdir -p "$target"
    (
        cd "$target"
        rm -f prometheus_*.deb
        apt-get download prometheus >/dev/null 2>&1 || {
            sudo=""
            [ "$(id -u)" -eq 0 ] || sudo="sudo"
            $sudo apt-get update -qq
            apt-get download prometheus >/dev/null
        }
        dpkg -x prometheus_*.deb .
        rm -f prometheus_*.deb
    )
fi
"$promtool" --version >/dev/null
echo "$PWD/$promtool"
