#!/usr/bin/env bash
# Installs the Debian packages OneWindow needs that are missing; does nothing when all are there.
# Usage: scripts/install-deps.sh [EXTRA_PACKAGE ...]
set -euo pipefail

# libcurl4-openssl-dev: FoundationNetworking's libcurl, which a static-stdlib release build links
# by name (-lcurl). postgresql: the city's tests start a cluster of their own (PostgresCluster), as nobody when root.
packages=(libmicrohttpd-dev libsqlite3-dev pkg-config libcurl4-openssl-dev postgresql "$@")
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing: ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
