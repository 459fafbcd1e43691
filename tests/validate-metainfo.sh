#!/bin/sh
# validate-metainfo.sh APPSTREAMCLI METAINFO — appstreamcli's pedantic validation, with every
# issue it reports fatal, infos and pedantic ones too, but two that Flathub accepts:
# - `unknown-tag developer`: appstream 0.16 predates <developer id="…">, which Flathub wants
#   (it replaced <developer_name> in appstream 1.0);
# - `cid-contains-uppercase-letter`: the id is the reverse-DNS application id, MarginLab and all,
#   as the Flatpak and the D-Bus name use it.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
"$1" validate --no-net --pedantic --explain "$2" >"$out" 2>&1 || status=$?
cat "$out"
[ "$status" -eq 0 ] || exit "$status"
if grep -E '^[EWIP]: ' "$out" |
   grep -Ev ': (unknown-tag developer|cid-contains-uppercase-letter( [^ ]+)?)$'; then
  echo "validate-metainfo: the issues above are fatal"
  exit 1
fi
