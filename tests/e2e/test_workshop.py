#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end: what a workshop does, with real clicks and typing through the accessibility
tree (TESTING.md §2).

Start from "New workspace", add a segment named with accents ("Clients fidèles"), add two
attributes, set desired targets and a promise, set a proposed level, add an initiative,
undo the last edit, quit, reopen, and find everything (but the undone edit) still there.
A screenshot is kept at each step in ECART_TEST_ARTIFACTS.

Run through tests/e2e/run-e2e.sh (a private Xvfb and D-Bus session)."""

import os
import sqlite3
import sys
import tempfile
import unittest

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ecart_atspi import App, wait_for  # noqa: E402

ECART = os.environ.get("ECART_GUI", "build/app/gui/ecart-uninstalled")
SEGMENT = "Clients fidèles"
FIRST = "Accueil chaleureux"
SECOND = "Délai de réponse"
PROMISE = "Chaque client est reconnu dès son arrivée."
INITIATIVE = "Former l’équipe d’accueil"


def number(text):
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        return None


class Workshop(unittest.TestCase):
    def setUp(self):
        self.home = tempfile.mkdtemp(prefix="ecart-e2e-")
        self.path = os.path.join(self.home, "atelier.ecart")
        self.env = {
            "HOME": self.home,
            "XDG_DATA_HOME": os.path.join(self.home, "data"),
            "XDG_CONFIG_HOME": os.path.join(self.home, "config"),
            "XDG_CACHE_HOME": os.path.join(self.home, "cache"),
            "GSETTINGS_BACKEND": "memory",
            "LANGUAGE": "en",
            "LC_ALL": "C.UTF-8",
        }
        self.app = None

    def tearDown(self):
        if self.app is not None:
            outcome = getattr(self, "_outcome", None)
            errors = getattr(getattr(outcome, "result", None), "failures", []) + \
                getattr(getattr(outcome, "result", None), "errors", [])
            if errors:
                self.app.screenshot("failure")
            self.app.quit()

    def start(self, *arguments):
        self.app = App([ECART, *arguments], env=self.env)
        return self.app

    def page(self, name):
        """Opens a page from the sidebar (a real click on its row)."""
        app = self.app
        row = app.find(pyatspi.ROLE_LIST_ITEM, name)
        app.click(row)
        return row

    def set_field(self, name, text, key="Return"):
        """Clicks into a field found by its accessible name, replaces its text, and presses
        Return (a level) or Tab (a statement: Tab leaves it)."""
        app = self.app
        field = app.find(None, name)
        app.set_text(field, text)
        app.key(key)
        return field

    def value_of(self, name):
        app = self.app
        field = app.find(None, name)
        try:
            return App.text_of(field)
        except NotImplementedError:
            return field.queryValue().currentValue

    def db(self, sql):
        with sqlite3.connect(f"file:{self.path}?mode=ro", uri=True) as db:
            return db.execute(sql).fetchall()

    def test_workshop(self):
        app = self.start()

        # New workspace: Ctrl+N opens the file chooser, which is given a full path.
        app.find(pyatspi.ROLE_PUSH_BUTTON, "Open the Demo Workshop")
        app.screenshot("start")
        app.key("ctrl+n")
        name = app.find(pyatspi.ROLE_TEXT, "Name:", timeout=15)
        app.screenshot("new-workspace-chooser")
        app.set_text(name, self.path)
        app.key("Return")
        wait_for(lambda: os.path.exists(self.path), 15, "the new workspace file")
        app.find(pyatspi.ROLE_LIST_ITEM, "Portfolio", timeout=15)
        # A blank workspace is named after its file.
        app.find(pyatspi.ROLE_LABEL, "atelier")
        app.screenshot("new-workspace")

        # A segment named with accents.
        self.page("Portfolio")
        app.click(app.find(pyatspi.ROLE_PUSH_BUTTON, "Add Segment"))
        app.set_text(app.find(pyatspi.ROLE_TEXT, "Segment name"), SEGMENT)
        app.key("Return")
        wait_for(lambda: self.db("SELECT name FROM segment") == [(SEGMENT,)], 10, "the segment saved")
        app.find(pyatspi.ROLE_LIST_ITEM, SEGMENT)
        app.screenshot("segment-added")

        # Two attributes and their desired experience.
        self.page("Step 1: Desired Experience")
        for attribute in (FIRST, SECOND):
            app.set_text(app.find(pyatspi.ROLE_TEXT, "Attribute name"), attribute)
            app.click(app.find(pyatspi.ROLE_PUSH_BUTTON, "Add Attribute"))
            wait_for(lambda: (attribute,) in self.db("SELECT name FROM attribute"), 10,
                     f"the attribute {attribute} saved")
        app.screenshot("attributes-added")

        self.set_field(f"Target level for {FIRST}", "8")
        app.screenshot("first-target")
        wait_for(lambda: self.db("SELECT e.desired_target FROM experience e JOIN attribute a "
                                 f"ON a.id = e.attribute_id WHERE a.name = '{FIRST}'") == [(8.0,)],
                 10, "the first target saved")
        self.set_field(f"Target level for {SECOND}", "7.5")
        self.set_field(f"Promise for {FIRST}", PROMISE, key="Tab")
        wait_for(lambda: self.db("SELECT a.name, e.desired_target, e.desired_statement "
                                 "FROM experience e JOIN attribute a ON a.id = e.attribute_id "
                                 "ORDER BY a.name")
                 == [(FIRST, 8.0, PROMISE), (SECOND, 7.5, "")], 10, "the desired experience saved")
        app.screenshot("desired-experience")

        # The proposed level, and the implementation gap it shows.
        self.page("Step 3: Proposed Experience")
        self.set_field(f"Proposed level for {FIRST}", "6")
        wait_for(lambda: self.db("SELECT proposed_level FROM experience e JOIN attribute a "
                                 f"ON a.id = e.attribute_id WHERE a.name = '{FIRST}'") == [(6.0,)],
                 10, "the proposed level saved")
        app.screenshot("proposed-experience")

        # An initiative, on the board's tab.
        app.key("alt+2")
        app.set_text(app.find(pyatspi.ROLE_TEXT, "Initiative title"), INITIATIVE)
        app.click(app.find(pyatspi.ROLE_PUSH_BUTTON, "Add Initiative"))
        wait_for(lambda: self.db("SELECT title FROM initiative") == [(INITIATIVE,)], 10,
                 "the initiative saved")
        app.screenshot("initiative-added")

        # Undo the last edit: the initiative goes.
        app.key("ctrl+z")
        wait_for(lambda: self.db("SELECT count(*) FROM initiative") == [(0,)], 10,
                 "the initiative undone")
        app.screenshot("undone")

        # Quit, reopen the file: everything but the undone edit is still there.
        app.key("ctrl+q")
        app.process.wait(15)
        self.app = None

        app = self.start(self.path)
        app.find(pyatspi.ROLE_LIST_ITEM, SEGMENT, timeout=20)
        self.page("Step 1: Desired Experience")
        field = app.find(None, f"Target level for {FIRST}")
        wait_for(lambda: number(App.text_of(field)) == 8.0, 10, "the target shown after reopening")
        self.page("Step 3: Proposed Experience")
        field = app.find(None, f"Proposed level for {FIRST}")
        wait_for(lambda: number(App.text_of(field)) == 6.0, 10, "the level shown after reopening")
        app.screenshot("reopened")

        self.assertEqual(self.db("SELECT name FROM segment"), [(SEGMENT,)])
        self.assertEqual(sorted(r[0] for r in self.db("SELECT name FROM attribute")),
                         sorted([FIRST, SECOND]))
        self.assertEqual(self.db("SELECT a.name, e.desired_target, e.desired_statement, "
                                 "e.proposed_level FROM experience e JOIN attribute a "
                                 "ON a.id = e.attribute_id ORDER BY a.name"),
                         [(FIRST, 8.0, PROMISE, 6.0), (SECOND, 7.5, "", None)])
        self.assertEqual(self.db("SELECT count(*) FROM initiative"), [(0,)])
        # The undone edit can be redone after reopening: the history is in the file.
        self.assertEqual(self.db("SELECT label FROM undo_step WHERE state = 1"),
                         [("Add initiative",)])


if __name__ == "__main__":
    unittest.main(verbosity=2)
