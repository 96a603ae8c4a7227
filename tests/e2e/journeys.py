#!/usr/bin/env python3
# journeys.py
# Copyright 2026 The Carta authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The journey suite: what a family does in Carta, end to end, through the
# accessibility tree of the real binary. Usage:
#   journeys.py BUILD-ROOT JOURNEY
# where JOURNEY is one of the names in JOURNEYS below. Exit 0 when the
# journey worked, 1 when it did not, 77 when it cannot run here.

import gettext
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import carta_e2e  # noqa: E402
from carta_e2e import Carta, JourneyFailed, actions, do_action, dump, wait_for  # noqa: E402


class Catalogue:
    """The build's catalogue for the journey's language: what a control
    is called there, and which English texts have a translation."""

    def __init__(self, build_root, language):
        self.language = language
        self.translation = None
        if language != 'en':
            self.translation = gettext.translation('carta', os.path.join(build_root, 'po'),
                                                   languages=[language])

    def __call__(self, msgid):
        text = self.translation.gettext(msgid) if self.translation else msgid
        return strip_mnemonic(text)

    def english_with_translation(self):
        """The English texts a translated window must not show."""
        if self.translation is None:
            return set()
        catalog = self.translation._catalog  # msgid -> msgstr, as read from the .mo
        texts = set()
        for msgid, msgstr in catalog.items():
            if isinstance(msgid, tuple):
                msgid = msgid[0]
            if not msgid or not msgstr or msgid == msgstr:
                continue
            english = strip_mnemonic(msgid)
            # Words a language keeps as they are (CAR-T, DICOM, ECOG...) are no sign.
            if english.strip() and english != strip_mnemonic(msgstr) and any(c.islower() for c in english):
                texts.add(english)
        return texts


def strip_mnemonic(text):
    return text.replace('__', '\0').replace('_', '').replace('\0', '_')


def step(message):
    print('# %6.1fs %s' % (time.monotonic() - STARTED, message), flush=True)


def page(carta, name):
    """Switches the window to a page by its tab, as a click on the view switcher."""
    carta.click('the %s tab' % name, role='page tab', name=name)
    wait_for('the %s tab to be selected' % name,
             lambda: any(t.getState().contains(carta_e2e.pyatspi.STATE_SELECTED)
                         for t in carta_e2e.find_all(carta.window(), role='page tab', name=name)))


def primary_menu(carta):
    """The menu button at the end of the header bar: the last button before
    the window controls (named by GTK, in GTK's catalogue)."""
    minimize = gettext.translation('gtk40', languages=[carta.language], fallback=True).gettext('Minimize')
    last = None
    for acc in carta_e2e.walk(carta.window()):
        if acc.getRoleName() != 'push button':
            continue
        if acc.name == minimize:
            break
        if 'click' in actions(acc):
            last = acc
    if last is None:
        raise JourneyFailed('no main menu button in the header bar')
    return last


def menu_item(carta, label):
    do_action(primary_menu(carta), 'click')
    item = carta.find('the menu item ' + label, role='menu item', name=label)
    do_action(item)


def case_count(carta):
    cases = carta.cases_dir()
    if not os.path.isdir(cases):
        return 0
    return len([n for n in os.listdir(cases)
                if os.path.isfile(os.path.join(cases, n, 'case.json'))])


REJECTION_QUESTION = 'What if my immune system rejects the donor cells?'
REJECTION_ANSWER = ('Before the infusion, conditioning chemotherapy, usually fludarabine with '
                    'cyclophosphamide, weakens the patient’s immune system so that the donor cells '
                    'have time to work [6][7]. If the cells are still cleared quickly, ask the team '
                    'what they would do next: whether a second dose is possible depends on the trial.')


def journey_sample(carta, _=None, seen=None):
    """1. First launch, the sample, the guide, back to the checklist, the sample again.

    _ is the catalogue of the language (English by default); seen, when
    given, collects what is on screen at each step."""
    _ = _ or Catalogue(carta.build_root, 'en')

    def look():
        if seen is not None:
            seen.update(carta_e2e.shown_texts(carta.window()))

    carta.start()
    step('first launch: the welcome page')
    carta.find('the welcome page', role='label', name=_('Welcome to Carta'))
    if case_count(carta) != 0:
        raise JourneyFailed('a first launch already has cases')
    look()

    carta.click('Explore a Sample Case', name=_('_Explore a Sample Case'))
    checklist = carta.find('the checklist page', role='filler', name='CartaChecklistPage')
    carta.find('the sample checklist', role='list item', name=_('Original pathology report'), root=checklist)
    wait_for('the sample case on disk', lambda: case_count(carta) == 1)
    step('the sample case is open on its checklist')
    look()

    page(carta, _('Guide'))
    guide = carta.find('the guide page', role='filler', name='CartaGuidePage')
    carta.find('the guide title', role='heading', name=_('Allogeneic CAR-T in China'), root=guide)
    look()
    # Ctrl+F: win.search is the action the shortcut activates.
    do_action(carta.window(), 'win.search')
    entry = carta.find('the guide search entry', role='entry', name=_('Search the guide'), root=guide)
    carta.set_text(entry, 'TRAC')
    carta.find('TRAC in the gene table', role='label',
               contains=_('TRAC (T-cell receptor alpha chain)'), root=guide)
    step('the search for TRAC finds the gene table')
    look()

    # A search that matches an answer opens its question, as a reader
    # looking for the answer expects. The words are the answer's last ones
    # (no reference marks there) in the journey's language.
    words = _(REJECTION_ANSWER).split(']')[-1].strip()[-12:].strip()
    carta.set_text(entry, words)
    carta.find('the question about rejection', role='list item', name=_(REJECTION_QUESTION), root=guide)
    carta.find('its answer, open', role='label', contains=words, root=guide)
    step('a FAQ answer is open')
    look()

    page(carta, _('Checklist'))
    carta.find('the checklist again', role='list item', name=_('Original pathology report'), root=checklist)
    step('back on the checklist')

    menu_item(carta, _('_Explore a Sample Case'))
    wait_for('a second sample case on disk', lambda: case_count(carta) == 2)
    carta.find('the new sample\'s checklist', role='list item', name=_('Original pathology report'), root=checklist)
    step('the sample opened again from the menu')
    look()

    for name in ('Case', 'Export'):
        page(carta, _(name))
        look()
    step('the Case and Export pages open')

    carta.close()
    step('the window closed and carta ended')


def journey_language(carta, language):
    """4. Journey 1 in another language: every page opens, nothing left in
    English that has a translation, Arabic right to left."""
    _ = Catalogue(carta.build_root, language)
    english = _.english_with_translation()
    if not english:
        raise JourneyFailed('the build has no catalogue for ' + language)
    carta.language = language
    seen = set()
    directions = []
    original_start = carta.start

    def start_and_read_direction(*args):
        original_start(*args)
        directions.append(carta_e2e.text_direction(carta.window()))
        return carta
    carta.start = start_and_read_direction

    journey_sample(carta, _, seen)

    left = sorted(t for t in seen if t in english)
    if left:
        raise JourneyFailed('%d texts on screen are still in English: %s' % (len(left), left[:20]))
    step('%d texts seen, none left in English' % len(seen))
    want = 'rtl' if language == 'ar' else 'ltr'
    if directions[0] != want:
        raise JourneyFailed('the window is %s, not %s' % (directions[0], want))
    step('the window is ' + want)


def create_case(carta, name):
    """New case from the welcome page or the menu: the dialog asks its name."""
    dialog = wait_for('the New Case dialog',
                      lambda: next((d for d in carta.dialogs() if d.name == 'New Case'), None))
    carta.set_text(carta.find('the case name', role='text', name='Case name', root=dialog), name)
    carta.click('Create', name='Create', root=dialog)
    wait_for('the dialog to close', lambda: carta.app.childCount == 1)  # see answer_and_check_nothing_added
    wait_for('the case on disk', lambda: case_count(carta) >= 1)


def case_page(carta):
    page(carta, 'Case')
    return carta.find('the Case page', role='filler', name='CartaProfilePage')


def field(carta, profile, name, role='text'):
    return carta.find('the field ' + name, role=role, name=name, root=profile)


def open_case_shows(carta, name):
    """After a start, the window shows the case it had open."""
    carta.find('the case %s in the title' % name, role='label', name=name, root=carta.window())


PROFILE_TEXTS = [
    ('Full name as in the passport', 'Wei Zhang'),
    ('Country where the patient lives', 'Malaysia'),
    ('Active infections', 'None known since March'),
]


def journey_nothing_lost(carta):
    """3. Type into the Case page, close at once, start again; then kill it while it saves."""
    carta.start()
    carta.click('Create a Case', name='Create a Case')
    create_case(carta, 'Zhang family')
    profile = case_page(carta)
    step('a new case is open on its Case page')

    for name, value in PROFILE_TEXTS:
        carta.set_text(field(carta, profile, name), value)
    typed = time.monotonic()
    carta.close()
    closed = time.monotonic() - typed
    step('typed three fields and closed the window %.2fs later' % closed)

    carta.start()
    open_case_shows(carta, 'Zhang family')
    profile = case_page(carta)
    for name, value in PROFILE_TEXTS:
        wait_for('%s to read %r after the restart' % (name, value),
                 lambda: carta_e2e.text_of(field(carta, profile, name)) == value, timeout=10)
    step('after a restart every typed text is there')

    # Kill it while it autosaves: keep typing, and kill the process at
    # moments around the autosave delay after the last keystroke.
    case_json = os.path.join(carta.cases_dir(), os.listdir(carta.cases_dir())[0], 'case.json')
    for round_, delay in enumerate((0.80, 0.85, 0.95)):
        entry = field(carta, profile, 'Other illnesses')
        values = [carta_e2e.text_of(entry)]
        for i in range(5):
            values.append('Diabetes, round %d, %s' % (round_, 'x' * (200 * i)))
            carta.set_text(entry, values[-1])
            time.sleep(0.05)
        time.sleep(delay)
        carta.kill()
        step('killed carta %.2fs after the last change' % delay)
        carta.start()
        open_case_shows(carta, 'Zhang family')
        profile = case_page(carta)
        for name, value in PROFILE_TEXTS:
            wait_for('%s to read %r after the kill' % (name, value),
                     lambda: carta_e2e.text_of(field(carta, profile, name)) == value, timeout=10)
        after = carta_e2e.text_of(field(carta, profile, 'Other illnesses'))
        if after not in values:
            raise JourneyFailed('after the kill the field holds text never typed: %r' % after[:40])
        if carta.dialogs():
            raise JourneyFailed('a dialog after the kill: %s' % [d.name for d in carta.dialogs()])
        with open(case_json, encoding='utf-8') as f:
            json.load(f)
    step('after each kill the case opens with what was saved')
    carta.close()


def make_bundles(carta, folder):
    """A sample bundle with a few bytes changed, and one encrypted with a passphrase."""
    tool = os.path.join(carta.build_root, 'src', 'tools', 'carta-bundle')
    case = os.path.join(folder, 'case')
    subprocess.run([tool, 'demo', case], check=True, stdout=subprocess.DEVNULL)
    damaged = os.path.join(folder, 'damaged.zip')
    subprocess.run([tool, 'export', '--quiet', case, damaged], check=True, stdout=subprocess.DEVNULL)
    with open(damaged, 'r+b') as f:
        size = f.seek(0, os.SEEK_END)
        f.seek(size // 2)
        chunk = f.read(64)
        f.seek(size // 2)
        f.write(bytes(b ^ 0x5a for b in chunk))
    secret = os.path.join(folder, 'passphrase')
    with open(secret, 'w', encoding='utf-8') as f:
        f.write('blue heron at dawn\n')
    encrypted = os.path.join(folder, 'encrypted.zip')
    subprocess.run([tool, 'export', '--quiet', '--passphrase-file', secret, case, encrypted],
                   check=True, stdout=subprocess.DEVNULL)
    return damaged, encrypted


def only_dialog(carta, heading):
    """Waits for a dialog with heading, and checks that it is the only one."""
    dialog = wait_for('the dialog "%s"' % heading,
                      lambda: next((d for d in carta.dialogs()
                                    if carta_e2e.find_all(d, role='label', name=heading)), None))
    # A dialog that was answered may take a moment to go.
    try:
        wait_for('the other dialogs to go', lambda: all(d == dialog for d in carta.dialogs()), timeout=2)
    except JourneyFailed:
        pass
    others = [d for d in carta.dialogs() if d != dialog]
    if others:
        raise JourneyFailed('"%s" came with other dialogs: %s' % (heading, [d.name for d in others]))
    return dialog


def answer_and_check_nothing_added(carta, dialog, button, what):
    """Answers dialog; then no dialog is left and the case list is still empty."""
    carta.click(button, name=button, root=dialog)
    # Only the count: GTK 4.8 crashes when asked for a window it is
    # destroying (its accessible has no object path any more).
    wait_for('every dialog to close', lambda: carta.app.childCount == 1)
    if case_count(carta) != 0:
        raise JourneyFailed(what + ' added a case')
    carta.find('the welcome page, still', role='label', name='Welcome to Carta')


def journey_bad_bundles(carta):
    """5. A damaged bundle and a wrong passphrase: one clear dialog each, no case added."""
    scratch = tempfile.mkdtemp(prefix='carta-e2e-bundles-')
    try:
        damaged, encrypted = make_bundles(carta, scratch)
        step('made a damaged and an encrypted bundle')

        # As a file manager opens a bundle: carta FILE.
        carta.start(damaged)
        dialog = only_dialog(carta, 'The Bundle Could Not Be Opened')
        carta.find('the reason', role='label', contains='damaged or incomplete', root=dialog)
        answer_and_check_nothing_added(carta, dialog, 'Close', 'the damaged bundle')
        step('the damaged bundle: one dialog, no case')

        # The same with carta already running: the second carta hands the
        # file to the first and ends.
        second = subprocess.run([carta.binary, encrypted], env=carta.env(), timeout=60)
        if second.returncode != 0:
            raise JourneyFailed('the second carta ended with %d' % second.returncode)
        dialog = only_dialog(carta, 'This Bundle Is Encrypted')
        entry = carta.find('the passphrase entry', role='password text', root=dialog)
        carta.set_text(entry, 'blue heron at dusk')
        carta.click('Open', name='Open', root=dialog)
        dialog = only_dialog(carta, 'Wrong Passphrase')
        carta.find('what to check', role='label', contains='capital letters', root=dialog)
        answer_and_check_nothing_added(carta, dialog, 'Cancel', 'the encrypted bundle without its passphrase')
        step('the wrong passphrase: one dialog at a time, no case')
        carta.close()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


JOURNEYS = {
    'sample': journey_sample,
    'nothing-lost': journey_nothing_lost,
    'bad-bundles': journey_bad_bundles,
    'zh_CN': lambda carta: journey_language(carta, 'zh_CN'),
    'ar': lambda carta: journey_language(carta, 'ar'),
}


def main():
    global STARTED
    if len(sys.argv) != 3 or sys.argv[2] not in JOURNEYS:
        print('Usage: journeys.py BUILD-ROOT {%s}' % ','.join(JOURNEYS), file=sys.stderr)
        return 2
    carta_e2e.check_bus()
    STARTED = time.monotonic()
    carta = Carta(sys.argv[1])
    try:
        JOURNEYS[sys.argv[2]](carta)
    except Exception as error:
        print('FAIL: %s' % error)
        if carta.process is not None and carta.process.poll() is not None:
            print('FAIL: carta had ended with status %d' % carta.process.returncode)
        if not isinstance(error, JourneyFailed):
            raise
        return 1
    finally:
        carta.cleanup()
    step('journey %s passed' % sys.argv[2])
    return 0


STARTED = time.monotonic()

if __name__ == '__main__':
    sys.exit(main())
