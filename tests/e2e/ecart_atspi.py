# SPDX-License-Identifier: GPL-3.0-or-later
"""Driving the real Écart window through AT-SPI, as TESTING.md §2 describes.

Widgets are found by role and accessible name, clicked with real mouse events at their
centre, typed into with xdotool (which types accented text correctly), and every wait polls
with a timeout instead of sleeping a fixed time."""

import os
import subprocess
import time

import pyatspi

APP_NAME = "ecart"


class Timeout(AssertionError):
    pass


def names_match(actual, wanted):
    """GTK 4.8 names a button with a mnemonic "Open the _Demo Workshop Open the Demo
    Workshop": its label with the underline, then without. Both forms match the plain one."""
    if actual == wanted:
        return True
    plain = (actual or "").replace("_", "")
    return plain == wanted or plain == f"{wanted} {wanted}"


def wait_for(condition, timeout=10.0, what="condition"):
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = condition()
        except Exception:  # the tree changes under our feet while the window updates
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            raise Timeout(f"timed out waiting for {what}")
        time.sleep(0.05)


class App:
    shots = 0  # across the application's runs of one test: the pictures stay in order

    def __init__(self, argv, env=None, artifacts=None):
        self.env = dict(os.environ)
        if env:
            self.env.update(env)
        self.artifacts = artifacts or self.env.get("ECART_TEST_ARTIFACTS", "/tmp")
        os.makedirs(self.artifacts, exist_ok=True)
        self.process = subprocess.Popen(argv, env=self.env)
        self.node = wait_for(self._find_app, 20, "the application on the accessibility bus")

    def _find_app(self):
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            child = desktop.getChildAtIndex(i)
            if child is not None and child.name in (APP_NAME, "Écart", "ecart-uninstalled"):
                if child.childCount > 0:
                    return child
        return None

    def quit(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    # Finding ---------------------------------------------------------------------------

    def window(self):
        return wait_for(lambda: next((w for w in self._children(self.node)
                                      if w.getState().contains(pyatspi.STATE_VISIBLE)), None),
                        10, "a visible window")

    @staticmethod
    def _children(node):
        return [node.getChildAtIndex(i) for i in range(node.childCount)]

    def find_all(self, role=None, name=None, root=None, visible=True):
        root = root or self.node
        found = []

        def match(a):
            if a is None:
                return False
            if role is not None and a.getRole() != role:
                return False
            if name is not None and not names_match(a.name, name):
                return False
            if visible and not a.getState().contains(pyatspi.STATE_VISIBLE):
                return False
            return True

        stack = [root]
        while stack:
            node = stack.pop()
            try:
                if match(node) and node is not root:
                    found.append(node)
                if visible and node is not root and not node.getState().contains(pyatspi.STATE_VISIBLE):
                    continue
                stack.extend(reversed(self._children(node)))
            except Exception:
                continue
        return found

    def find(self, role=None, name=None, root=None, timeout=10.0):
        return wait_for(lambda: (self.find_all(role, name, root) or [None])[0], timeout,
                        f"{pyatspi.Role(role) if role is not None else 'widget'} named {name!r}")

    # Acting ----------------------------------------------------------------------------

    def _toplevel(self, accessible):
        node = accessible
        while True:
            parent = node.parent
            if parent is None or parent == self.node or parent.getRole() == pyatspi.ROLE_APPLICATION:
                return node
            node = parent

    def _window_origin(self, accessible):
        """The screen position of the X window that shows @accessible: GTK 4.8 gives
        coordinates relative to the window only. Of the application's X windows (tooltips
        and popovers are windows too), the one of the same size as the accessible's toplevel."""
        toplevel = self._toplevel(accessible)
        size = toplevel.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        ids = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(self.process.pid)],
                             capture_output=True, text=True, env=self.env, timeout=10).stdout.split()
        best = None
        for xid in ids:
            out = subprocess.run(["xdotool", "getwindowgeometry", xid], capture_output=True,
                                 text=True, env=self.env, timeout=10).stdout
            position = geometry = None
            for line in out.splitlines():
                line = line.strip()
                if line.startswith("Position:"):
                    x, y = line.split()[1].split(",")
                    position = (int(x), int(y))
                elif line.startswith("Geometry:"):
                    w, h = line.split()[1].split("x")
                    geometry = (int(w), int(h))
            if position is None or geometry is None:
                continue
            # The X window may be a little larger (client-side shadows).
            score = abs(geometry[0] - size.width) + abs(geometry[1] - size.height)
            if best is None or score < best[0]:
                best = (score, position)
        return best[1] if best is not None else (0, 0)

    def click(self, accessible, where=None):
        """A real click: at the centre, or at `where` = (fraction of the width, of the
        height). A spin button is clicked in its text, left of its − and + buttons."""
        extents = accessible.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        if where is None:
            where = (0.2, 0.5) if accessible.getRole() == pyatspi.ROLE_SPIN_BUTTON else (0.5, 0.5)
        ox, oy = self._window_origin(accessible)
        x = ox + extents.x + int(extents.width * where[0])
        y = oy + extents.y + int(extents.height * where[1])
        subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "1"], env=self.env,
                       check=True, timeout=10)
        time.sleep(0.05)

    def set_text(self, accessible, text):
        """Types into a field through the accessibility tree (its EditableText interface):
        xdotool loses accented letters now and then, when it remaps a key for them."""
        self.click(accessible)
        accessible.queryEditableText().setTextContents(text)
        wait_for(lambda: self.text_of(accessible) == text, 5, f"the text {text!r} in the field")

    def type_text(self, text):
        subprocess.run(["xdotool", "type", "--delay", "20", text], env=self.env, check=True,
                       timeout=60)

    def key(self, *keys):
        subprocess.run(["xdotool", "key", *keys], env=self.env, check=True, timeout=10)

    @staticmethod
    def text_of(accessible):
        text = accessible.queryText()
        return text.getText(0, text.characterCount)

    def screenshot(self, name):
        App.shots += 1
        path = os.path.join(self.artifacts, f"e2e-{App.shots:02d}-{name}.png")
        subprocess.run(["import", "-window", "root", path], env=self.env, check=True, timeout=30)
        return path
