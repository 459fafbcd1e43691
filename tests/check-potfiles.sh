#!/bin/sh
# Every source file with translatable strings is listed in po/POTFILES.in, sorted; a string
# in a file missing from it would never reach translators.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
cd "$1"
status=0
for file in $(grep -rlE '(^|[^A-Za-z_])N?_\("' src --include='*.c' | sort); do
  if ! grep -qxF "$file" po/POTFILES.in; then
    echo "$file has translatable strings but is not in po/POTFILES.in"
    status=1
  fi
done
if ! LC_ALL=C sort -c po/POTFILES.in 2>/dev/null; then
  echo "po/POTFILES.in is not sorted"
  status=1
fi
[ "$status" -eq 0 ] && echo "ok 1 po/POTFILES.in lists every file with translatable strings"
exit "$status"
