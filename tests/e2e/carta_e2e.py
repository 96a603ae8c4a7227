# carta_e2e.py
# Copyright 2026 The Carta authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drives the real carta binary from outside, through the accessibility
# tree (AT-SPI), as a screen reader would: find a control by its role and
# name, activate its action, set an entry's text, press keys. No screen
# coordinates: extents only tell whether a control is on screen at all
# (GTK 4.8 reports every page of a stack as "visible").

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

SKIP = 77


def skip(message):
    print('SKIP: ' + message)
    sys.exit(SKIP)


def import_pyatspi():
    try:
        import pyatspi  # noqa: F401
        return pyatspi
    except ImportError:
        # A python3 from pyenv or a venv does not see Debian's python3-pyatspi.
        system = '/usr/bin/python3'
        if os.path.exists(system) and os.path.realpath(sys.executable) != os.path.realpath(system) \
                and not os.environ.get('CARTA_E2E_REEXEC'):
            os.environ['CARTA_E2E_REEXEC'] = '1'
            os.execv(system, [system] + sys.argv)
        skip('python3-pyatspi is not installed')


pyatspi = import_pyatspi()


class JourneyFailed(Exception):
    pass


def wait_for(what, predicate, timeout=20.0):
    """Polls predicate until it returns something true; fails after timeout."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            value = predicate()
            if value:
                return value
        except Exception as error:  # the tree changes under us
            last_error = error
        if time.monotonic() > deadline:
            raise JourneyFailed('timed out waiting for ' + what +
                                (' (last error: %s)' % last_error if last_error else ''))
        time.sleep(0.05)


def on_screen(acc):
    try:
        extents = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    except NotImplementedError:
        return True  # a GtkStackPage: no component, its children decide
    return extents.width > 0 and extents.height > 0


def walk(acc, shown_only=True):
    """Yields acc's descendants, skipping what is not on screen."""
    try:
        children = [acc.getChildAtIndex(i) for i in range(acc.childCount)]
    except Exception:
        return
    for child in children:
        if child is None:
            continue
        # A hidden widget has no size: one call tells both.
        try:
            if shown_only and not on_screen(child):
                continue
        except Exception:
            continue
        yield child
        yield from walk(child, shown_only)


def label_of(acc):
    """What a person reads: a button's name is "_Mnemonic Label" in GTK 4.8."""
    name = acc.name or ''
    return name


def matches(acc, role=None, name=None, contains=None):
    if role is not None and acc.getRoleName() != role:
        return False
    text = label_of(acc)
    if name is not None and text != name and not text.endswith(' ' + name):
        return False
    if contains is not None and contains.lower() not in text.lower():
        return False
    return True


def find_all(root, role=None, name=None, contains=None):
    return [a for a in walk(root) if matches(a, role, name, contains)]


def text_of(acc):
    try:
        text = acc.queryText()
        return text.getText(0, text.characterCount)
    except NotImplementedError:
        return ''


def actions(acc):
    try:
        action = acc.queryAction()
    except NotImplementedError:
        return []
    return [action.getName(i) for i in range(action.nActions)]


def do_action(acc, wanted=None):
    action = acc.queryAction()
    for i in range(action.nActions):
        if wanted is None or action.getName(i) == wanted:
            action.doAction(i)
            return
    raise JourneyFailed('%s %r has no action %s (has %s)' %
                        (acc.getRoleName(), acc.name, wanted, actions(acc)))


class Carta:
    """One run of the app against one data folder (kept across restarts)."""

    def __init__(self, build_root, language='en', data=None):
        self.build_root = build_root
        self.binary = os.path.join(build_root, 'src', 'carta')
        if not os.path.exists(self.binary):
            raise JourneyFailed('no carta binary at ' + self.binary)
        self.owns_data = data is None
        self.data = data or tempfile.mkdtemp(prefix='carta-e2e-')
        self.language = language
        self.process = None
        self.app = None

    def env(self):
        env = dict(os.environ)
        # The C UI tests turn the bridge off; a journey needs it on.
        for name in ('NO_AT_BRIDGE', 'GTK_A11Y', 'G_DEBUG', 'LC_ALL', 'LC_MESSAGES'):
            env.pop(name, None)
        env.update({
            'XDG_DATA_HOME': os.path.join(self.data, 'data'),
            'XDG_CONFIG_HOME': os.path.join(self.data, 'config'),
            'XDG_CACHE_HOME': os.path.join(self.data, 'cache'),
            'XDG_STATE_HOME': os.path.join(self.data, 'state'),
            'GSETTINGS_BACKEND': 'memory',
            'GSETTINGS_SCHEMA_DIR': os.path.join(self.build_root, 'data'),
            'GSK_RENDERER': 'cairo',
            'GDK_BACKEND': 'x11',
            'LANG': 'C.UTF-8',
            'LANGUAGE': self.language,
        })
        return env

    def start(self, *args):
        # Under a loaded machine the X server sometimes refuses the first
        # connection ("cannot open display"); a start that ends at once is
        # tried again, a few times.
        for attempt in range(5):
            self.process = subprocess.Popen([self.binary] + list(args), env=self.env())
            try:
                self.process.wait(0.5)
            except subprocess.TimeoutExpired:
                break
            if self.process.returncode == 0:
                break
            print('carta ended at start (%s), trying again' % self.process.returncode, file=sys.stderr)

        def find_app():
            if self.process.poll() is not None:
                raise JourneyFailed('carta exited with %s at start' % self.process.returncode)
            desktop = pyatspi.Registry.getDesktop(0)
            for i in range(desktop.childCount):
                app = desktop.getChildAtIndex(i)
                try:
                    if app is not None and app.get_process_id() == self.process.pid:
                        return app
                except Exception:
                    pass
            return None
        self.app = wait_for('carta on the accessibility bus', find_app, timeout=30)
        wait_for('the main window', lambda: self.window())
        return self

    def window(self):
        for i in range(self.app.childCount):
            child = self.app.getChildAtIndex(i)
            if child is not None and child.getRoleName() == 'frame' and child.name == 'Carta':
                return child
        return None

    def toplevels(self):
        return [self.app.getChildAtIndex(i) for i in range(self.app.childCount)]

    def dialogs(self):
        return [t for t in self.toplevels()
                if t is not None and t.getRoleName() in ('dialog', 'alert')]

    def find(self, what, role=None, name=None, contains=None, root=None, timeout=20.0):
        """Waits until a control on screen matches; returns the first in tree order."""
        def look():
            tops = [root] if root is not None else self.toplevels()
            for top in tops:
                if top is not None:
                    for acc in walk(top):
                        if matches(acc, role, name, contains):
                            return acc
            return None
        try:
            return wait_for(what, look, timeout)
        except JourneyFailed:
            print('--- on screen when %s was not found:' % what, file=sys.stderr)
            for top in ([root] if root is not None else self.toplevels()):
                if top is not None:
                    print('%s %r' % (top.getRoleName(), top.name), file=sys.stderr)
                    dump(top)
            raise

    def click(self, what, role='push button', name=None, contains=None, root=None):
        acc = self.find(what, role, name, contains, root)
        do_action(acc, 'click' if 'click' in actions(acc) else None)
        return acc

    def set_text(self, entry, text):
        entry.queryEditableText().setTextContents(text)

    def press(self, keysym_name):
        """Presses and releases a key in the focused window (XTest, through the registry)."""
        keysyms = {'Return': 0xff0d, 'Escape': 0xff1b, 'Tab': 0xff09}
        pyatspi.Registry.generateKeyboardEvent(keysyms[keysym_name], None, pyatspi.KEY_SYM)

    def close(self, timeout=20.0):
        """Closes the window as a person would, and waits for the process to end."""
        window = self.window()
        try:
            do_action(window, 'window.close')
        except Exception:
            pass  # the app may end before it answers
        status = self.wait_exit(timeout)
        if status != 0:
            raise JourneyFailed('carta ended with status %d after its window closed' % status)
        return status

    def wait_exit(self, timeout=20.0):
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            raise JourneyFailed('carta did not exit within %ss' % timeout)

    def kill(self):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def cleanup(self):
        self.kill()
        if self.owns_data:
            shutil.rmtree(self.data, ignore_errors=True)

    def cases_dir(self):
        return os.path.join(self.data, 'data', 'carta', 'cases')


def check_bus():
    """Skips when there is no session bus or accessibility bus to talk to."""
    if not os.environ.get('DISPLAY'):
        skip('no X display (run under xvfb-run)')
    # xvfb-run may return before the server's socket is there.
    display = os.environ['DISPLAY']
    if display.startswith(':'):
        socket = '/tmp/.X11-unix/X' + display[1:].split('.')[0]
        wait_for('the X server at ' + display, lambda: os.path.exists(socket), timeout=20)
    if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        skip('no D-Bus session bus (run under dbus-run-session)')
    try:
        out = subprocess.run(['gdbus', 'call', '--session', '--dest', 'org.a11y.Bus',
                              '--object-path', '/org/a11y/bus', '--method', 'org.a11y.Bus.GetAddress'],
                             capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired) as error:
        skip('the accessibility bus is not available: %s' % error)
    if out.returncode != 0:
        skip('the accessibility bus is not available: ' + out.stderr.strip())


def dump(root, out=sys.stderr):
    """Prints what is on screen under root, for a failing journey's log."""
    def show(acc, depth):
        for child in walk_children(acc):
            name = (child.name or '').replace('\n', ' ')[:90]
            text = text_of(child).replace('\n', ' ')[:60] if child.getRoleName() in ('label', 'heading', 'entry', 'text') else ''
            boring = child.getRoleName() in ('panel', 'filler') and not child.name
            if not boring:
                print('  ' * depth + '%s %r %s' % (child.getRoleName(), name, repr(text) if text and text != name else ''), file=out)
            show(child, depth if boring else depth + 1)
    show(root, 0)


def walk_children(acc):
    try:
        children = [acc.getChildAtIndex(i) for i in range(acc.childCount)]
    except Exception:
        return []
    shown = []
    for child in children:
        try:
            if child is not None and on_screen(child):
                shown.append(child)
        except Exception:
            pass
    return shown


def shown_texts(root):
    """Every name and label text on screen under root."""
    texts = set()
    for acc in walk(root):
        try:
            found = (acc.name or '', text_of(acc) if acc.getRoleName() in ('label', 'heading') else '')
        except Exception:
            continue  # gone while we read the tree (a toast, a row rebuilt)
        texts.update(text.strip() for text in found if text.strip())
    return texts


def text_direction(window):
    """'rtl' or 'ltr': whether the view switcher lays its tabs out from the
    right (its first tab, the Guide, right of its last). AT-SPI in GTK 4.8
    reports no text direction, so the mirrored layout is what tells."""
    def tabs():
        for acc in walk(window):
            if acc.getRoleName() == 'page tab list':
                found = [c for c in walk_children(acc) if c.getRoleName() == 'page tab']
                if len(found) >= 2:
                    return found
        return None
    found = wait_for('the view switcher', tabs, timeout=10)
    first = found[0].queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    last = found[-1].queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    return 'rtl' if first.x > last.x else 'ltr'
