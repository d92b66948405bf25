#!/bin/sh
# Runs one hall terminal full-screen: the cage kiosk compositor (Wayland, one full-screen
# window, no desktop) with the foot terminal, which draws Chinese, running onewindow-kiosk.
#
# Usage: kiosk-session.sh MODE [ONEWINDOW-KIOSK OPTIONS...]
#   kiosk-session.sh applicant
#   kiosk-session.sh clerk --window 3
#   kiosk-session.sh board --config /etc/onewindow/kiosk-board.conf
#   kiosk-session.sh pad --window 3
#
# When onewindow-kiosk ends, foot and cage end too; systemd (onewindow-kiosk@.service)
# starts the session again. cage refuses to run as root: run it as the kiosk user.
#
# Environment: ONEWINDOW_KIOSK_BIN (default /usr/local/bin/onewindow-kiosk),
# ONEWINDOW_FOOT_INI (default: /etc/onewindow/foot.ini, else foot.ini beside this script).
set -eu

mode=${1:?"usage: $0 applicant|clerk|board|pad [options]"}
shift

binary=${ONEWINDOW_KIOSK_BIN:-/usr/local/bin/onewindow-kiosk}
here=$(dirname "$(readlink -f "$0")")
foot_ini=${ONEWINDOW_FOOT_INI:-/etc/onewindow/foot.ini}
[ -r "$foot_ini" ] || foot_ini="$here/foot.ini"

# The kiosk speaks UTF-8 whatever the system's locale; foot needs a UTF-8 locale to start.
export LANG=C.UTF-8

# No -s: applicants cannot switch to a text console. No -d either: with it, cage 0.1.4 never
# configured foot's window (seen headless: an empty 700×500 window).
exec cage -- foot --config "$foot_ini" -- "$binary" "$mode" "$@"
