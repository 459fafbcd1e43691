#!/bin/sh
# check-install.sh BUILDDIR APP_ID — installs the build into a scratch folder with
# `meson install --destdir` and checks that everything the desktop (and the Flatpak) relies on
# lands where it is looked for, under the application id.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
build=$1
app_id=$2
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

[ $status -eq 0 ] && echo "everything installed under $app_id"
exit $status
