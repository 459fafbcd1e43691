#!/usr/bin/env python3
# check-flatpak-manifest.py SOURCEDIR BUILDDIR APP_ID COMMAND PROJECT MANIFEST... — checks the Flatpak
# manifests against the project, since the runtime they name cannot be downloaded here: each is
# strict JSON named after its id (the release's, or the Devel one's); it grants exactly the
# permissions the app needs and nothing at build time; its one module is the project built with
# meson from this source tree, with options meson knows; it removes development files and keeps
# the translations in the app, for a bundle; the two differ only in their id, their runtime
# version (the current GNOME release; the nightly's master) and the development option; and
# flatpak-builder, where installed, reads every key of it.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

# The app is a window and nothing more: files come and go through the portal's file chooser,
# and it needs no network, not even to build.
FINISH_ARGS = ['--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri']
# What development files Flatpak would otherwise ship: headers, pkg-config and libtool files,
# static libraries.
CLEANUP = ['/include', '/lib/pkgconfig', '/share/pkgconfig', '*.la', '*.a']
# The current GNOME release, which the release is built on: raise it with each one.
RUNTIME_VERSION = '51'


def strict_pairs(pairs):
    keys = [key for key, _ in pairs]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ValueError('the key ' + ', '.join(duplicates) + ' is given twice')
    return dict(pairs)


def meson_options(build):
    """Every option this build knows, the project's and meson's own."""
    result = subprocess.run(['meson', 'introspect', '--buildoptions', build],
                            capture_output=True, text=True, check=True)
    return {option['name'] for option in json.loads(result.stdout)}


def check_build_options(where, owner, problems):
    build_args = owner.get('build-options', {}).get('build-args', [])
    if build_args:
        problems.append(f'{where}: build-args grants the build {" ".join(build_args)}')


def check_module(path, module, devel, source, known, project, problems):
    where = f'{path}: module {module.get("name")!r}'
    if module.get('name') != project:
        problems.append(f'{where}: is not named {project!r}, as the meson project is')
    if module.get('buildsystem') != 'meson':
        problems.append(f'{where}: buildsystem is {module.get("buildsystem")!r}, not meson')
    check_build_options(where, module, problems)

    sources = module.get('sources', [])
    if len(sources) != 1 or sources[0].get('type') != 'dir':
        problems.append(f'{where}: its sources are not the one local folder: {sources}')
    else:
        folder = os.path.join(os.path.dirname(path), sources[0].get('path', ''))
        if os.path.realpath(folder) != os.path.realpath(source):
            problems.append(f'{where}: builds {folder}, not the source tree {source}')

    development = None
    for opt in module.get('config-opts', []):
        match = re.fullmatch(r'(?:-D|--)([^=]+)=(.*)', opt)
        if not match:
            problems.append(f'{where}: {opt}: not an option of meson setup, as -DNAME=VALUE')
            continue
        name, value = match.groups()
        if name in ('prefix', 'libdir'):
            problems.append(f'{where}: {opt}: flatpak-builder sets the prefix and libdir itself')
        elif name not in known:
            problems.append(f'{where}: {opt}: meson knows no option {name}')
        if name == 'development':
            development = value
    if devel and development != 'true':
        problems.append(f'{where}: the Devel manifest does not build with -Ddevelopment=true')
    if not devel and development not in (None, 'false'):
        problems.append(f'{where}: the release manifest builds with -Ddevelopment={development}')


def check_manifest(path, manifest, app_id, command, source, known, project, problems):
    name = os.path.basename(path)
    manifest_id = manifest.get('id')
    if name != f'{manifest_id}.json':
        problems.append(f'{path}: the file is not named after its id {manifest_id!r}')
    devel = manifest_id == app_id + '.Devel'
    if manifest_id != app_id and not devel:
        problems.append(f'{path}: the id {manifest_id!r} is neither {app_id} nor {app_id}.Devel, '
                        "meson.build's application ids")

    if manifest.get('runtime') != 'org.gnome.Platform' or manifest.get('sdk') != 'org.gnome.Sdk':
        problems.append(f'{path}: the runtime and SDK are not GNOME\'s: '
                        f'{manifest.get("runtime")}, {manifest.get("sdk")}')
    # The release is built on a stable GNOME release, the nightly on GNOME's nightly runtime
    # (gnome-nightly's master), as GNOME's own Devel manifests are.
    version = str(manifest.get('runtime-version', ''))
    if devel and version != 'master':
        problems.append(f'{path}: runtime-version {version!r} is not master, the nightly runtime')
    if not devel and version != RUNTIME_VERSION:
        problems.append(f'{path}: runtime-version {version!r} is not {RUNTIME_VERSION}, the current '
                        'GNOME release')
    if manifest.get('command') != command:
        problems.append(f'{path}: command is {manifest.get("command")!r}, not {command!r}, '
                        'the executable meson installs')

    finish_args = manifest.get('finish-args', [])
    extra = [arg for arg in finish_args if arg not in FINISH_ARGS]
    missing = [arg for arg in FINISH_ARGS if arg not in finish_args]
    if extra or missing or len(finish_args) != len(set(finish_args)):
        problems.append(f'{path}: finish-args {finish_args} are not exactly {FINISH_ARGS} '
                        f'(extra: {extra}, missing: {missing})')
    check_build_options(path, manifest, problems)
    # By default flatpak-builder moves the translations into a .Locale extension, which a
    # single-file bundle for a classroom (flatpak build-bundle) would leave behind.
    if manifest.get('separate-locales', True) is not False:
        problems.append(f'{path}: separate-locales is not false: a bundle would have no translations')

    missing_cleanup = [pattern for pattern in CLEANUP if pattern not in manifest.get('cleanup', [])]
    if missing_cleanup:
        problems.append(f'{path}: cleanup does not remove {missing_cleanup}')

    modules = manifest.get('modules', [])
    if len(modules) != 1 or not isinstance(modules[0], dict):
        problems.append(f'{path}: modules is not the one module of the project, inline: {modules}')
    else:
        check_module(path, modules[0], devel, source, known, project, problems)
    return devel


def check_flatpak_builder(path, manifest, problems):
    """flatpak-builder drops, with a warning, any key it does not know: a misspelt finish-args
    would grant nothing and still build."""
    # It makes its state folder where it runs: a scratch one, not the source tree.
    with tempfile.TemporaryDirectory() as scratch:
        result = subprocess.run(['flatpak-builder', '--show-manifest', os.path.abspath(path)],
                                capture_output=True, text=True, cwd=scratch)
    if result.returncode != 0 or result.stderr.strip():
        problems.append(f'{path}: flatpak-builder --show-manifest: exit {result.returncode}: '
                        f'{result.stderr.strip()}')
        return
    if json.loads(result.stdout) != manifest:
        problems.append(f'{path}: flatpak-builder --show-manifest reads it differently:\n'
                        + result.stdout)


def main():
    source, build, app_id, command, project, *paths = sys.argv[1:]
    known = meson_options(build)
    problems = []
    manifests = {}
    for path in paths:
        try:
            with open(path, encoding='utf-8') as f:
                manifest = json.load(f, object_pairs_hook=strict_pairs)
        except (OSError, ValueError) as error:
            problems.append(f'{path}: {error}')
            continue
        if not isinstance(manifest, dict):
            problems.append(f'{path}: is not a JSON object')
            continue
        devel = check_manifest(path, manifest, app_id, command, source, known, project,
                               problems)
        manifests[devel] = manifest
        if shutil.which('flatpak-builder'):
            check_flatpak_builder(path, manifest, problems)
        else:
            print(f'# {path}: flatpak-builder is not installed; its reading is not checked')

    if set(manifests) != {False, True}:
        problems.append(f'not one release and one Devel manifest: {paths}')
    else:
        # The nightly build is the release's, but for its id, runtime and development option.
        release, devel = (dict(manifests[False]), dict(manifests[True]))
        for m in (release, devel):
            m.pop('id')
            m.pop('runtime-version', None)
            m['modules'] = [dict(m['modules'][0], **{'config-opts': None})]
        if release != devel:
            problems.append('the release and Devel manifests differ in more than the id, '
                            'runtime-version and config-opts')

    for problem in problems:
        print(problem)
    if not problems:
        print(f'{len(paths)} manifests: {app_id}, its command {command} and module {project}, '
              f'finish-args {" ".join(FINISH_ARGS)} and nothing more')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
