#!/usr/bin/env python3
# check-flatpak-stage.py SOURCEDIR BUILDDIR MANIFEST — what the Flatpak would hold, without its
# runtime: a build configured as flatpak-builder configures the manifest's module (prefix /app,
# its config-opts; in BUILDDIR/flatpak-stage, so that a second run only rebuilds what changed),
# installed with `meson install --destdir`, cleaned up by the manifest's patterns, its schemas
# compiled as flatpak-builder does. Every file must be where Flatpak looks for it and exports
# it; then the staged binary runs in a bubblewrap sandbox that, like Flatpak's, shows the stage
# at /app over the host's /usr and nothing else (no source tree, no /usr/local, no network), under
# strace: --report, --check-pack in English and German and --screenshot must work from /app's
# data, schemas and translations alone, and look for nothing of the app's anywhere else.
# Exit 77 (skipped) only when bubblewrap or strace is missing, once the layout has passed.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

# What `flatpak build-finish` exports to the host, and only files named after the app id.
EXPORTED = ['share/applications', 'share/icons', 'share/metainfo', 'share/mime/packages',
            'share/dbus-1/services']
DEVELOPMENT_FILES = ['*.h', '*.pc', '*.a', '*.la', '*.gir', '*.vapi', '*.m4']
SCENARIO = 'article-long-isolated.mlscenario'

problems = []


def run(command, **kwargs):
    return subprocess.run(command, capture_output=True, text=True, **kwargs)


def stage_install(source, build, manifest, stage):
    """Configures, builds what is installed, and installs into STAGE, as flatpak-builder does."""
    folder = os.path.join(build, 'flatpak-stage')
    options = ['--prefix=/app', '--libdir=lib'] + manifest['modules'][0].get('config-opts', [])
    if os.path.exists(os.path.join(folder, 'build.ninja')):
        setup = ['meson', 'setup', '--reconfigure'] + options + [folder, source]
    else:
        setup = ['meson', 'setup'] + options + [folder, source]
    for command in (setup, ['meson', 'introspect', '--targets', folder]):
        result = run(command)
        if result.returncode != 0:
            sys.exit(f'{" ".join(command)}: exit {result.returncode}\n{result.stdout}{result.stderr}')
    # Only what is installed: the tests and benchmarks are not part of the Flatpak.
    outputs = [os.path.relpath(name, folder)
               for target in json.loads(result.stdout) if target['installed']
               for name in target['filename']]
    for command in (['ninja', '-C', folder] + outputs,
                    ['meson', 'install', '-C', folder, '--destdir', stage, '--no-rebuild', '--quiet']):
        result = run(command)
        if result.returncode != 0:
            sys.exit(f'{" ".join(command[:4])}…: exit {result.returncode}\n{result.stdout}{result.stderr}')


def clean_up(app, patterns):
    """The manifest's cleanup, as flatpak-builder reads it: a pattern starting with / is a path
    under /app, any other matches a file's name."""
    for root, dirs, files in os.walk(app, topdown=True):
        for name in dirs + files:
            path = os.path.join(root, name)
            relative = '/' + os.path.relpath(path, app)
            if any(fnmatch.fnmatch(relative, p) if p.startswith('/') else fnmatch.fnmatch(name, p)
                   for p in patterns):
                if os.path.isdir(path) and not os.path.islink(path):
                    shutil.rmtree(path)
                    dirs.remove(name)
                else:
                    os.remove(path)


def all_files(top):
    for root, _, files in os.walk(top):
        for name in files:
            yield os.path.relpath(os.path.join(root, name), top)


def check_layout(source, stage, app_id, command, cleanup):
    app = os.path.join(stage, 'app')
    outside = [f for f in all_files(stage) if not f.startswith('app' + os.sep)]
    if outside:
        problems.append(f'installed outside /app: {outside}')

    clean_up(app, cleanup)
    left = [f for f in all_files(app) if any(fnmatch.fnmatch(os.path.basename(f), p)
                                             for p in DEVELOPMENT_FILES)]
    if left:
        problems.append(f'development files the cleanup leaves in the Flatpak: {left}')

    schemas = os.path.join(app, 'share/glib-2.0/schemas')
    result = run(['glib-compile-schemas', schemas])
    if result.returncode != 0:
        problems.append(f'glib-compile-schemas {schemas}: {result.stderr.strip()}')

    with open(os.path.join(source, 'po', 'LINGUAS'), encoding='utf-8') as f:
        languages = [line.strip() for line in f if line.strip() and not line.startswith('#')]
    scenarios = os.listdir(os.path.join(source, 'data', 'scenarios'))
    needed = ([f'bin/{command}',
               f'share/applications/{app_id}.desktop',
               f'share/metainfo/{app_id}.metainfo.xml',
               f'share/glib-2.0/schemas/{app_id}.gschema.xml',
               'share/glib-2.0/schemas/gschemas.compiled',
               f'share/mime/packages/{app_id}.xml',
               f'share/icons/hicolor/scalable/apps/{app_id}.svg',
               f'share/icons/hicolor/symbolic/apps/{app_id}-symbolic.svg']
              + [f'share/locale/{language}/LC_MESSAGES/margin-lab.mo' for language in languages]
              + [f'share/margin-lab/scenarios/{name}' for name in scenarios])
    for name in needed:
        if not os.path.isfile(os.path.join(app, name)):
            problems.append(f'not in the Flatpak after its cleanup: /app/{name}')

    # build-finish exports only files named after the id: any other would silently stay inside.
    for folder in EXPORTED:
        top = os.path.join(app, folder)
        for name in all_files(top) if os.path.isdir(top) else []:
            base = os.path.basename(name)
            if not (base.startswith(app_id + '.') or base.startswith(app_id + '-')):
                problems.append(f'/app/{folder}/{name}: not named after {app_id}, so Flatpak '
                                'would not export it')

    desktop = os.path.join(app, f'share/applications/{app_id}.desktop')
    if os.path.isfile(desktop):
        with open(desktop, encoding='utf-8') as f:
            entries = dict(line.rstrip('\n').split('=', 1) for line in f if '=' in line)
        # Flatpak rewrites Exec into `flatpak run`, keeping the arguments: it must start the command.
        if entries.get('Exec', '').split(' ')[0] != command:
            problems.append(f'{desktop}: Exec={entries.get("Exec")} does not start {command}')
        if entries.get('Icon') != app_id:
            problems.append(f'{desktop}: Icon={entries.get("Icon")}, not {app_id}')
        if entries.get('DBusActivatable') == 'true':
            problems.append(f'{desktop}: DBusActivatable, with no D-Bus service installed')

    metainfo = os.path.join(app, f'share/metainfo/{app_id}.metainfo.xml')
    if os.path.isfile(metainfo):
        root = ET.parse(metainfo).getroot()
        if root.findtext('id') != app_id:
            problems.append(f'{metainfo}: its id is {root.findtext("id")}, not {app_id}')
        launchable = root.find("launchable[@type='desktop-id']")
        if launchable is None or launchable.text != f'{app_id}.desktop':
            problems.append(f'{metainfo}: it does not launch {app_id}.desktop')
        binaries = [b.text for b in root.findall('provides/binary')]
        if command not in binaries:
            problems.append(f'{metainfo}: it does not provide the binary {command}')


class Sandbox:
    """The stage at /app over the host's /usr, as Flatpak puts the app over its runtime."""

    def __init__(self, stage, scratch, trees):
        self.stage = stage
        self.trees = [os.path.realpath(tree) + os.sep for tree in trees]
        self.home = os.path.join(scratch, 'home')
        self.work = os.path.join(scratch, 'work')
        for folder in (self.home, self.work):
            os.makedirs(folder)
        self.runs = 0

    def command(self, argv, language):
        binds = ['--ro-bind', os.path.join(self.stage, 'app'), '/app',
                 '--ro-bind', '/usr', '/usr', '--tmpfs', '/usr/local',
                 '--ro-bind', '/etc', '/etc',
                 '--bind', self.home, self.home, '--bind', self.work, self.work]
        for link in ('bin', 'lib', 'lib64', 'sbin'):
            if os.path.islink('/' + link):
                binds += ['--symlink', os.readlink('/' + link), '/' + link]
        env = {
            'PATH': '/app/bin:/usr/bin',
            'HOME': self.home,
            # Flatpak's own: the app's data first, then the runtime's; no GSETTINGS_SCHEMA_DIR.
            'XDG_DATA_DIRS': '/app/share:/usr/share',
            'XDG_DATA_HOME': os.path.join(self.home, 'data'),
            'XDG_CONFIG_HOME': os.path.join(self.home, 'config'),
            'XDG_CACHE_HOME': os.path.join(self.home, 'cache'),
            'GSETTINGS_BACKEND': 'keyfile',
            'LC_ALL': 'C.UTF-8',
            'GTK_A11Y': 'none',
            'NO_AT_BRIDGE': '1',
            'GSK_RENDERER': 'cairo',
            'GDK_DEBUG': 'gl-disable',
        }
        # The language alone, in the C locale: no locale needs generating.
        if language:
            env['LANGUAGE'] = language
        display = os.environ.get('DISPLAY')
        if display:
            env['DISPLAY'] = display
            env['GDK_BACKEND'] = 'x11'
            binds += ['--ro-bind', '/tmp/.X11-unix', '/tmp/.X11-unix']
            if os.environ.get('XAUTHORITY'):
                env['XAUTHORITY'] = os.environ['XAUTHORITY']
                binds += ['--ro-bind', env['XAUTHORITY'], env['XAUTHORITY']]
        bus = re.match(r'unix:path=([^,;]+)', os.environ.get('DBUS_SESSION_BUS_ADDRESS', ''))
        if bus:
            env['DBUS_SESSION_BUS_ADDRESS'] = 'unix:path=' + bus.group(1)
            binds += ['--bind', bus.group(1), bus.group(1)]
        setenv = [arg for key, value in env.items() for arg in ('--setenv', key, value)]
        self.runs += 1
        trace = os.path.join(self.work, f'trace-{self.runs}')
        return trace, (['bwrap', '--unshare-all', '--die-with-parent', '--clearenv',
                        '--dev', '/dev', '--proc', '/proc', '--tmpfs', '/tmp']
                       + binds + setenv
                       + ['strace', '-f', '-qq', '-e', 'trace=%file', '-o', trace] + argv)

    def run(self, argv, language=None, allowed=()):
        """Runs ARGV in the sandbox; returns its result and every file the app looked at, after
        checking that none of the app's (and nothing in the source or build tree) was looked
        for outside /app and ALLOWED, its input and output."""
        trace, command = self.command(argv, language)
        result = run(command, cwd=self.work)
        try:
            with open(trace, encoding='utf-8', errors='replace') as f:
                paths = re.findall(r'^\S+\s+\w+\([^"]*"([^"]*)"', f.read(), re.MULTILINE)
        except OSError:
            problems.append(f'{" ".join(argv)}: no trace: {result.stderr.strip()}')
            return result, []
        mine = re.compile(r'margin-?lab|marginlab', re.IGNORECASE)
        for path in sorted(set(paths)):
            inside = path.startswith('/app/') or any(path.startswith(a) for a in allowed)
            if (mine.search(path) and not inside) or any(path.startswith(t) for t in self.trees):
                problems.append(f'{" ".join(argv)}: looked for {path}, outside /app')
        return result, paths


def check_runs(source, build, stage, scratch, app_id, command):
    missing = [tool for tool in ('bwrap', 'strace') if shutil.which(tool) is None]
    if missing:
        print(f'# {" and ".join(missing)} not installed: the staged binary is not run at /app')
        return 77
    # The source and build trees are not in the sandbox, but a look at them would still show.
    sandbox = Sandbox(stage, scratch, [source, build])
    work = sandbox.work
    reference = os.environ.get('MARGIN_LAB', os.path.join(build, 'src', command))
    reference_env = dict(os.environ, MARGIN_LAB_LOCALEDIR=os.path.join(build, 'po'),
                         GSETTINGS_SCHEMA_DIR=os.path.join(build, 'data'))

    result, _ = sandbox.run([command, '--version'])
    if result.returncode != 0 or not result.stdout.startswith('margin-lab '):
        problems.append(f'{command} --version at /app: exit {result.returncode}: '
                        f'{result.stdout}{result.stderr}')

    # The report of an installed scenario is the build tree's, byte for byte: the contract and
    # the brackets are the binary's own.
    scenario = f'/app/share/margin-lab/scenarios/{SCENARIO}'
    result, paths = sandbox.run([command, '--report', scenario])
    expected = run([reference, '--report', os.path.join(source, 'data', 'scenarios', SCENARIO)],
                   env=reference_env)
    if result.returncode != 0 or result.stdout != expected.stdout or not expected.stdout:
        problems.append(f'{command} --report {scenario} at /app: exit {result.returncode}, '
                        f'not the build tree\'s report: {result.stderr.strip()}')

    # A teacher's pack, checked in English and in German, as the build tree's binary does with
    # its own catalogues; the German from /app's.
    pack = os.path.join(work, 'sample-pack')
    shutil.copytree(os.path.join(source, 'data', 'lessons', 'sample-pack'), pack)
    outputs = {}
    for language in (None, 'de'):
        result, paths = sandbox.run([command, '--check-pack', pack], language, allowed=[pack])
        env = dict(reference_env, LANGUAGE=language or '', LC_ALL='C.UTF-8')
        expected = run([reference, '--check-pack', pack], env=env)
        if result.returncode != 0 or result.stdout != expected.stdout:
            problems.append(f'LANGUAGE={language or ""} {command} --check-pack at /app: exit '
                            f'{result.returncode}: {result.stdout!r}{result.stderr.strip()}, '
                            f'not {expected.stdout!r}')
        outputs[language] = result.stdout
        if language:
            catalogue = f'/app/share/locale/{language}/LC_MESSAGES/margin-lab.mo'
            if catalogue not in paths:
                problems.append(f'LANGUAGE={language} {command} --check-pack did not read {catalogue}')
    if outputs[None] == outputs['de']:
        problems.append(f'LANGUAGE=de {command} --check-pack is not translated: {outputs["de"]!r}')

    # The window, a lesson of the built-in course in German: the schema compiled into /app.
    if not os.environ.get('DISPLAY'):
        print('# no display (run under --setup display): --screenshot is not checked')
        return 0
    shot = os.path.join(work, 'lesson-de.png')
    # A screenshot keeps its lesson progress in a folder of its own under /tmp, removed after it,
    # so that the learner's own progress is left as it was.
    result, paths = sandbox.run([command, '--screenshot', shot, '--lesson', 'cross-margin'], 'de',
                                allowed=[shot, sandbox.home, '/tmp/margin-lab-screenshot-'])
    if result.returncode != 0:
        problems.append(f'{command} --screenshot at /app: exit {result.returncode}: '
                        f'{result.stderr.strip()}')
    else:
        with open(shot, 'rb') as f:
            if f.read(8) != b'\x89PNG\r\n\x1a\n':
                problems.append(f'{command} --screenshot at /app wrote no PNG')
        keep = os.environ.get('ML_FLATPAK_SCREENSHOT')
        if keep:
            shutil.copy(shot, keep)
    for wanted in ('/app/share/glib-2.0/schemas/gschemas.compiled',
                   f'/app/share/locale/de/LC_MESSAGES/margin-lab.mo'):
        if wanted not in paths:
            problems.append(f'{command} --screenshot at /app did not read {wanted}')
    return 0


def main():
    source, build, manifest_path = sys.argv[1:]
    with open(manifest_path, encoding='utf-8') as f:
        manifest = json.load(f)
    app_id, command = manifest['id'], manifest['command']
    with tempfile.TemporaryDirectory() as scratch:
        stage = os.path.join(scratch, 'stage')
        stage_install(source, build, manifest, stage)
        check_layout(source, stage, app_id, command, manifest.get('cleanup', []))
        status = 1 if problems else check_runs(source, build, stage, scratch, app_id, command)
    for problem in problems:
        print(problem)
    if problems:
        return 1
    if status == 0:
        print(f'{app_id} staged at /app: every file in place, and it runs from there alone')
    return status


if __name__ == '__main__':
    sys.exit(main())
