"""The list window's fixtures, for the screen checks here."""

from tests.gui.list_window.conftest import keys, lw, make_window  # noqa: F401
