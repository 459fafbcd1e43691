#!/usr/bin/env python3
# check-flathub.py METAINFO DESKTOP SOURCE_ROOT VERSION — the rules of Flathub's quality
# guidelines that appstream 0.16 does not check, on the built (merged) metainfo and desktop file
# and on the icons and screenshots in the source tree. Each broken rule is one line; any fails.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import re
import struct
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'
# Flathub wants a GitHub-hosted io.github.USER.REPO app's repository at github.com/USER/REPO,
# and screenshots from a release's tag rather than a branch, which moves on.
REPOSITORY = 'https://github.com/marginlab/MarginLab'
SCREENSHOT_URL = 'https://raw.githubusercontent.com/marginlab/MarginLab/v{version}/screenshots/'
ARTICLES = ('a', 'an', 'the')
COLOUR = re.compile(r'#[0-9a-fA-F]{6}')
DATE = re.compile(r'\d{4}-\d{2}-\d{2}')
SVG = '{http://www.w3.org/2000/svg}'

problems = []


def problem(message):
    problems.append(message)


def untranslated(parent, tag):
    return [e for e in parent.findall(tag) if XML_LANG not in e.attrib]


def png_size(path):
    with open(path, 'rb') as f:
        head = f.read(24)
    if head[:8] != b'\x89PNG\r\n\x1a\n' or head[12:16] != b'IHDR':
        return None
    return struct.unpack('>II', head[16:24])


def check_summary(component):
    name = untranslated(component, 'name')[0].text.strip()
    summary = untranslated(component, 'summary')[0].text.strip()
    if len(summary) > 35:
        problem(f'summary “{summary}” has {len(summary)} characters, more than 35')
    if summary.split()[0].lower() in ARTICLES:
        problem(f'summary “{summary}” starts with an article')
    if summary.endswith('.'):
        problem(f'summary “{summary}” ends with a full stop')
    if name.lower() in summary.lower():
        problem(f'summary “{summary}” repeats the name')


def check_developer(component):
    developer = component.find('developer')
    if developer is None or not developer.get('id'):
        problem('no <developer id="…">')
    elif developer.get('id') != 'io.github.marginlab':
        problem(f'developer id is “{developer.get("id")}”, not io.github.marginlab')
    if developer is not None and not (developer.findtext('name') or '').strip():
        problem('<developer> has no <name>')


def check_branding(component):
    colours = {c.get('scheme_preference'): (c.text or '').strip()
               for c in component.findall('branding/color') if c.get('type') == 'primary'}
    for scheme in ('light', 'dark'):
        if not COLOUR.fullmatch(colours.get(scheme, '')):
            problem(f'no primary {scheme} branding colour as #rrggbb')
    if colours.get('light') and colours.get('light', '').lower() == colours.get('dark', '').lower():
        problem('the light and dark branding colours are the same')


def check_screenshots(component, root, languages, version):
    screenshots = component.findall('screenshots/screenshot')
    if not screenshots:
        problem('no screenshots')
    if [s.get('type') for s in screenshots].count('default') != 1:
        problem('not exactly one screenshot is the default')
    for screenshot in screenshots:
        captions = untranslated(screenshot, 'caption')
        if not captions or not (captions[0].text or '').strip():
            problem('a screenshot has no caption')
        for caption in screenshot.findall('caption'):
            if (caption.text or '').strip().endswith('.'):
                problem(f'caption “{caption.text.strip()}” ends with a full stop')
        images = screenshot.findall('image')
        if len(untranslated(screenshot, 'image')) != 1:
            problem('a screenshot does not have exactly one untranslated image')
        for image in images:
            check_image(image, root, languages, SCREENSHOT_URL.format(version=version))


def check_image(image, root, languages, prefix):
    url = (image.text or '').strip()
    language = image.get(XML_LANG)
    if language is not None and language not in languages:
        problem(f'{url}: xml:lang “{language}” is not in po/LINGUAS')
    if not url.startswith(prefix) or not url.endswith('.png'):
        problem(f'{url}: not a PNG under {prefix}')
        return
    path = root / 'screenshots' / url[len(prefix):]
    if not path.is_file():
        problem(f'{url}: {path} is missing')
        return
    size = png_size(path)
    stated = (image.get('width'), image.get('height'))
    if size is None:
        problem(f'{path}: not a PNG')
    elif None in stated:
        problem(f'{url}: the image has no width and height')
    elif tuple(map(int, stated)) != size:
        problem(f'{path} is {size[0]}×{size[1]}, the metainfo says {stated[0]}×{stated[1]}')


def check_releases(component, version):
    releases = component.findall('releases/release')
    if not releases:
        problem('no releases')
        return
    for release in releases:
        if not DATE.fullmatch(release.get('date', '')):
            problem(f'release {release.get("version")} has no date as YYYY-MM-DD')
        elif release.get('date') > datetime.date.today().isoformat():
            problem(f'release {release.get("version")} is dated {release.get("date")}, in the future')
        if release.find('description') is None:
            problem(f'release {release.get("version")} has no description')
    dates = [r.get('date', '') for r in releases]
    if dates != sorted(dates, reverse=True):
        problem('the releases are not newest first')
    if releases[0].get('version') != version:
        problem(f'the newest release is {releases[0].get("version")}, the project is {version}')


def check_rest(component):
    rating = component.find('content_rating')
    if rating is None or rating.get('type') != 'oars-1.1':
        problem('no <content_rating type="oars-1.1">')
    translation = component.find('translation')
    if translation is None or translation.get('type') != 'gettext' or not (translation.text or '').strip():
        problem('no <translation type="gettext">')
    controls = {c.text.strip() for c in component.findall('supports/control')}
    for control in ('pointing', 'keyboard', 'touch'):
        if control not in controls:
            problem(f'<supports> does not name the control “{control}”')
    urls = {u.get('type'): (u.text or '').strip() for u in component.findall('url')}
    if urls.get('homepage') != REPOSITORY:
        problem(f'the homepage is “{urls.get("homepage")}”, not the repository the id names, {REPOSITORY}')
    if urls.get('bugtracker') != REPOSITORY + '/issues':
        problem(f'the bug tracker is “{urls.get("bugtracker")}”, not {REPOSITORY}/issues')
    if (component.findtext('project_license') or '').strip() != 'GPL-3.0-or-later':
        problem('the <project_license> is not GPL-3.0-or-later, as meson.build says')
    if (component.findtext('metadata_license') or '').strip() not in ('CC0-1.0', 'FSFAP', 'MIT'):
        problem('the <metadata_license> is not one Flathub accepts (CC0-1.0, FSFAP, MIT)')


def check_desktop(desktop):
    entries = dict(line.split('=', 1) for line in desktop.read_text().splitlines()
                   if '=' in line and not line.startswith('#'))
    categories = [c for c in entries.get('Categories', '').split(';') if c]
    if not set(categories) - {'GTK', 'GNOME', 'Qt', 'KDE'}:
        problem(f'{desktop.name}: the categories {categories} are only toolkits')


def check_icons(root):
    icons = root / 'data' / 'icons' / 'hicolor'
    expected = {
        'scalable/apps/io.github.marginlab.MarginLab.svg': '128',
        'scalable/apps/io.github.marginlab.MarginLab.Devel.svg': '128',
        'symbolic/apps/io.github.marginlab.MarginLab-symbolic.svg': '16',
    }
    for name, size in expected.items():
        path = icons / name
        if not path.is_file():
            problem(f'{path} is missing')
            continue
        # shared-mime-info knows an SVG file by "<svg" in its first 256 bytes: further on, GTK
        # cannot tell what the file is and shows no icon.
        if not 0 <= path.read_bytes().find(b'<svg') < 256:
            problem(f'{name}: its <svg> element starts past byte 256, where its type is sniffed')
        svg = ET.parse(path).getroot()
        if (svg.get('width'), svg.get('height'), svg.get('viewBox')) != (size, size, f'0 0 {size} {size}'):
            problem(f'{name}: not drawn on a {size}×{size} canvas')
        # GNOME's icons carry no baked-in shadow, and a blur is what a drawn shadow needs.
        if any(svg.iter(SVG + 'filter')):
            problem(f'{name}: has a filter (a baked-in shadow or blur)')
        if name.startswith('symbolic'):
            check_symbolic(name, svg)
    release = (icons / 'scalable/apps/io.github.marginlab.MarginLab.svg')
    devel = (icons / 'scalable/apps/io.github.marginlab.MarginLab.Devel.svg')
    if release.is_file() and devel.is_file() and release.read_bytes() == devel.read_bytes():
        problem('the Devel icon is the release icon: a development build would look like the release')


def check_symbolic(name, svg):
    """GTK recolours a symbolic icon by filling its shapes with the text colour: a stroke keeps
    its own colour, and a shape drawn only by its stroke is filled solid."""
    colours = {e.get(a) for e in svg.iter() for a in ('fill', 'stroke')} - {None, 'none'}
    if len(colours) > 1:
        problem(f'{name}: a symbolic icon has one colour, this one has {sorted(colours)}')
    for element in svg.iter():
        style = element.get('style', '')
        stroked = element.get('stroke') not in (None, 'none') or re.search(r'stroke\s*:\s*(?!none)', style)
        unfilled = element.get('fill') == 'none' or re.search(r'fill\s*:\s*none', style)
        if element.tag.startswith(SVG) and (stroked or unfilled) and element.tag != SVG + 'svg':
            problem(f'{name}: a <{element.tag[len(SVG):]}> is drawn with a stroke or no fill; '
                    'a symbolic icon is filled shapes only')
            return


def main():
    metainfo, desktop, root, version = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
    languages = {line.strip() for line in (root / 'po' / 'LINGUAS').read_text().splitlines()
                 if line.strip() and not line.startswith('#')}
    component = ET.parse(metainfo).getroot()
    check_summary(component)
    check_developer(component)
    check_branding(component)
    check_screenshots(component, root, languages, version)
    check_releases(component, version)
    check_rest(component)
    check_desktop(desktop)
    check_icons(root)
    for message in problems:
        print(message)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
