#!/bin/sh
# check-install.sh BUILDDIR APP_ID SOURCEDIR — installs the build into a scratch folder with
# `meson install --destdir` and checks that everything the desktop (and the Flatpak) relies on
# lands where it is looked for, under the application id.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
build=$1
app_id=$2
source=$3
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

meson install -C "$build" --destdir "$dest" --no-rebuild --quiet >/dev/null

installed () {
  find "$dest" -path "*/$1" | head -n 1
}

status=0
for file in \
  bin/margin-lab \
  share/applications/"$app_id".desktop \
  share/metainfo/"$app_id".metainfo.xml \
  share/glib-2.0/schemas/"$app_id".gschema.xml \
  share/mime/packages/"$app_id".xml \
  share/icons/hicolor/scalable/apps/"$app_id".svg \
  share/icons/hicolor/symbolic/apps/"$app_id"-symbolic.svg \
  share/margin-lab/scenarios/article-long-isolated.mlscenario \
  share/margin-lab/scenarios/article-long-cross.mlscenario \
  share/margin-lab/scenarios/same-long-two-modes.mlscenario \
  share/margin-lab/scenarios/hedged-cross-pool.mlscenario
do
  if [ -z "$(installed "$file")" ]; then
    echo "not installed: $file"
    status=1
  fi
done

# The desktop file starts the installed binary, shows the installed icon, and names the
# schema's id as the application's.
desktop=$(installed share/applications/"$app_id".desktop)
if [ -n "$desktop" ]; then
  grep -qx "Exec=margin-lab %f" "$desktop" || { echo "$desktop: Exec is not “margin-lab %f”"; status=1; }
  grep -qx "Icon=$app_id" "$desktop" || { echo "$desktop: Icon is not $app_id"; status=1; }
fi
schema=$(installed share/glib-2.0/schemas/"$app_id".gschema.xml)
if [ -n "$schema" ]; then
  grep -q "id=\"$app_id\"" "$schema" || { echo "$schema: the schema's id is not $app_id"; status=1; }
fi

# A development build shows the striped icon, a release the plain one: they are told apart in
# the dock when both are installed.
icon=$(installed share/icons/hicolor/scalable/apps/"$app_id".svg)
case $app_id in
  *.Devel) source_icon=$source/data/icons/hicolor/scalable/apps/io.github.marginlab.MarginLab.Devel.svg ;;
  *) source_icon=$source/data/icons/hicolor/scalable/apps/io.github.marginlab.MarginLab.svg ;;
esac
[ -z "$icon" ] || cmp -s "$icon" "$source_icon" ||
  { echo "$icon is not $(basename "$source_icon")"; status=1; }

# Every language of po/LINGUAS: its catalogue, and the desktop file and metainfo in it.
metainfo=$(installed share/metainfo/"$app_id".metainfo.xml)
for language in $(grep -v '^#' "$source/po/LINGUAS"); do
  [ -n "$(installed share/locale/"$language"/LC_MESSAGES/margin-lab.mo)" ] ||
    { echo "not installed: share/locale/$language/LC_MESSAGES/margin-lab.mo"; status=1; }
  [ -z "$desktop" ] || grep -q "^Comment\[$language\]=" "$desktop" ||
    { echo "$desktop: no Comment in $language"; status=1; }
  [ -z "$metainfo" ] || grep -q "<summary xml:lang=\"$language\">" "$metainfo" ||
    { echo "$metainfo: no summary in $language"; status=1; }
done

# The staged binary starts: it prints its version and the report of an installed scenario.
# Its schema is staged but compiled into no folder GSettings reads, so the window must say so
# in one line and exit 1, not crash.
binary=$(installed bin/margin-lab)
scenario=$(installed share/margin-lab/scenarios/article-long-isolated.mlscenario)
if [ -n "$binary" ] && [ -n "$scenario" ]; then
  "$binary" --version | grep -q "^margin-lab " || { echo "$binary --version does not print its version"; status=1; }
  "$binary" --report "$scenario" | grep -q '"margin-lab-report": 1' || { echo "$binary --report $scenario does not print a report"; status=1; }

  empty=$dest/no-schemas
  mkdir "$empty"
  window_status=0
  err=$(env -u GSETTINGS_SCHEMA_DIR XDG_DATA_DIRS="$empty" "$binary" 2>&1 >/dev/null) || window_status=$?
  if [ $window_status -ne 1 ] || [ "$(printf '%s\n' "$err" | wc -l)" -ne 1 ] ||
     ! printf '%s' "$err" | grep -q "settings schema $app_id is not installed"; then
    echo "$binary without its compiled schema: exit $window_status, not 1 with one line naming $app_id: $err"
    status=1
  fi
fi

[ $status -eq 0 ] && echo "everything installed under $app_id"
exit $status
