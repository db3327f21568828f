"""Walks knotmap's accessibility tree over AT-SPI, as a screen reader would, and checks what a
blind runner needs: the window and every place named, no focusable node without a name,
headings, combo boxes that say their value, and a place opened through the AT-SPI action
interface taking the focus to the heading of its panel."""

import sys
import time

import pyatspi
from gi.repository import GLib

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def find_app(name, timeout=30):
    end = time.time() + timeout
    while time.time() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name == name:
                return app
        time.sleep(0.5)
    return None


def walk(node):
    yield node
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            yield from walk(child)


def has(node, state):
    return node.getState().contains(state)


def wait_for(what, test, timeout=10):
    """Asks `test` until it answers, passing over a tree that changes while it is read."""
    end = time.time() + timeout
    while time.time() < end:
        try:
            found = test()
        except GLib.Error:
            found = None
        if found:
            return found
        time.sleep(0.2)
    return None


places = [line.split("\t")[0] for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
app = find_app("knotmap")
check(app is not None, "the knotmap application is on the accessibility bus")
if app is None:
    sys.exit(1)
# The window's tree arrives a moment after the application.
wait_for("the tree", lambda: any(n.name == "Left calf" for n in walk(app)), timeout=30)
frame = app.getChildAtIndex(0)
check(
    frame is not None, "the application has its window"
)
if frame is None:
    sys.exit(1)
check(
    frame.getRoleName() == "frame" and frame.name.startswith("knotmap — "),
    f"the window is named for the app and the routine: {frame.name!r}",
)

nodes = list(walk(app))
names = {n.name for n in nodes}
missing = [p for p in places if p not in names]
check(not missing and len(places) > 20, f"all {len(places)} places are named nodes; missing {missing}")

unnamed = [
    (n.getRoleName(), n.getIndexInParent())
    for n in nodes
    if has(n, pyatspi.STATE_FOCUSABLE) and not (n.name or "").strip()
]
check(not unnamed, f"no focusable node is unnamed: {unnamed[:10]}")

headings = [n.name for n in nodes if n.getRoleName() == "heading"]
check("Where is it tight?" in headings, f"the panel has headings: {headings}")

when = [n for n in nodes if n.getRoleName() == "combo box" and n.name == "When"]
check(
    bool(when) and when[0].description == "Any time",
    "the When combo box says its value: "
    + (repr(when[0].description) if when else "no such combo box"),
)

calf = [n for n in nodes if n.name == "Left calf" and "Action" in pyatspi.listInterfaces(n)]
check(bool(calf), "the map's Left calf can be activated")
if calf:
    action = calf[0].queryAction()
    action.doAction(0)

    def focused_heading():
        for n in walk(app):
            if n.getRoleName() == "heading" and n.name == "Left calf" and has(n, pyatspi.STATE_FOCUSED):
                return n
        return None

    heading = wait_for("the heading", focused_heading)
    check(heading is not None, "activating Left calf opens its panel, whose heading Left calf has the focus")

if failures:
    print(f"{len(failures)} accessibility checks failed")
    sys.exit(1)
print("the accessibility tree reads as a screen reader needs")
