"""Text made safe for where it goes: a spreadsheet cell, a terminal line.

HTML has its own type (MarkupSafe's ``Markup``, in :mod:`helpers.views.html`); these two destinations take plain
strings, so text from a lesson or a results file passes through one of these functions on its way out.
"""

from __future__ import annotations

import unicodedata

__all__ = ["FORMULA_STARTS", "spreadsheet_cell", "terminal_text"]

#: First characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def spreadsheet_cell(value: object) -> object:
    """A value for a CSV cell: text that a spreadsheet would run as a formula gets a leading apostrophe.

    Numbers are left alone (a score of -1 stays a number).

    >>> spreadsheet_cell('=HYPERLINK("http://x", "click")')
    '\\'=HYPERLINK("http://x", "click")'
    >>> spreadsheet_cell("وقّع"), spreadsheet_cell(-1)
    ('وقّع', -1)
    """
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_STARTS):
        return "'" + value
    return value


def terminal_text(text: str) -> str:
    """Text for a terminal: control and format characters shown as visible escapes instead of acting.

    An escape sequence in a lesson's id cannot erase a line or fake a "valid"; a right-to-left override cannot
    reorder what follows it. Letters, marks and spaces of any script pass unchanged.

    >>> terminal_text("q-1\\x1b[2K\\r ok")
    'q-1\\\\x1b[2K\\\\x0d ok'
    >>> terminal_text("وقّع")
    'وقّع'
    """
    out = []
    for ch in text:
        if ch != " " and unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"):
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(ch)
    return "".join(out)
