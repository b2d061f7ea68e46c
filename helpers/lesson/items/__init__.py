"""Quiz item types: one class per type, each in its own module, registered by its name.

>>> from helpers import load_lesson
>>> item = load_lesson().item("q-order-article")
>>> kind = item_type(item)
>>> kind is ITEM_TYPES[item.type], len(ITEM_TYPES)
(True, 7)
>>> kind.key_text(item).split(" → ")[0]
'توقيعُ مذكرة لإلغاء متطلبات التأشيرة'

Adding a type: a module here with one :class:`~helpers.lesson.items.base.ItemType`
subclass decorated with :func:`~helpers.lesson.items.base.register`, imported below,
and its input widget in :mod:`helpers.widgets.quiz`.
"""

from __future__ import annotations

from helpers.lesson.items import cloze, matching, multiple, ordering, short_answer, single, true_false
from helpers.lesson.items.base import BLANK, BLOCK_KINDS, Block, ItemResult, ItemType, register
from helpers.lesson.quiz import ITEM_TYPES, item_type

__all__ = ["BLANK", "BLOCK_KINDS", "ITEM_TYPES", "Block", "ItemResult", "ItemType", "item_type", "register"]

_BUILT_IN = (single, multiple, true_false, cloze, short_answer, matching, ordering)  # registered on import
