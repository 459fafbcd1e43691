# build-aux/deps.sh — install what Margin Lab needs on Debian 12, and only what is missing.
# Sourced by run.sh and test.sh; needs root, or sudo.
#
# SPDX-License-Identifier: GPL-3.0-or-later

# To build and run: the compiler and meson, GLib, json-glib, gettext; xmllint, which strips the
# templates' whitespace in the GResource; cairo and Pango with GNOME's font for the chart;
# GTK 4 and libadwaita for the window.
ML_RUN_PACKAGES="gcc meson ninja-build pkg-config libglib2.0-dev libglib2.0-bin libjson-glib-dev gettext libxml2-utils libcairo2-dev libpango1.0-dev libgtk-4-dev libadwaita-1-dev libgdk-pixbuf2.0-bin fonts-cantarell"
# To test as well: clang and its sanitizer and libFuzzer runtimes, an X server and a session bus
# for the tests that need a display, the validators of the desktop file and the metainfo, and
# locales to read numbers in (English, German, French and Arabic group and separate decimals
# differently).
# Fonts for the languages Margin Lab is translated into that Cantarell does not cover: Chinese
# and Arabic, for the window tests and the screenshots.
ML_LANGUAGE_FONTS="fonts-wqy-microhei fonts-noto-core"
# For the Flatpak's tests: flatpak-builder reads the manifests; bubblewrap and strace run the
# build staged at /app in a sandbox, as Flatpak would, and watch what it opens.
ML_TEST_PACKAGES="$ML_RUN_PACKAGES $ML_LANGUAGE_FONTS clang libclang-rt-14-dev xvfb xauth dbus desktop-file-utils appstream locales poppler-utils flatpak-builder bubblewrap strace"
ML_TEST_LOCALES="en_US.UTF-8 de_DE.UTF-8 fr_FR.UTF-8 ar_EG.UTF-8"

# To make screenshots: an X server and a session bus, and the locale they are shown in.
ML_SCREENSHOT_PACKAGES="$ML_RUN_PACKAGES $ML_LANGUAGE_FONTS xvfb xauth dbus locales poppler-utils"

ml_missing_packages () {
  local missing="" package
  for package in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing="$missing $package"
    fi
  done
  echo "$missing"
}

# Run a command as root: directly, or through sudo.
ml_as_root () {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "margin-lab: run this script as root, or install sudo, so that it can run: $*" >&2
    exit 1
  fi
}

ml_install_packages () {
  local missing
  missing=$(ml_missing_packages "$@")
  [ -z "$missing" ] && return 0

  echo "Installing:$missing"
  ml_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # shellcheck disable=SC2086 # one word per package
  ml_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

# Configure a build folder once; later runs only rebuild what changed.
ml_setup () {
  local dir="$1"; shift
  if [ ! -f "$dir/build.ninja" ]; then
    if ! meson setup "$dir" "$@" >"$dir.setup.log" 2>&1; then
      cat "$dir.setup.log" >&2
      exit 1
    fi
    rm -f "$dir.setup.log"
  fi
}

# Install what running needs and build the app in _build: what run.sh and screenshots.sh share.
ml_build_app () {
  # shellcheck disable=SC2086 # one word per package
  ml_install_packages $ML_RUN_PACKAGES
  ml_setup _build -Ddevelopment=true
  ninja -C _build --quiet
}

# Generate a locale such as en_US.UTF-8 if the system does not have it yet.
ml_ensure_locale () {
  local name="$1" normalized
  normalized=$(echo "$name" | sed 's/UTF-8/utf8/')
  locale -a 2>/dev/null | grep -qx "$normalized" && return 0
  echo "Generating the $name locale"
  ml_as_root localedef -i "${name%%.*}" -f UTF-8 "$name"
}
