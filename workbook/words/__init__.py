"""Pick lists and question wording, all in this one package so every form speaks alike.

Each area keeps its lists in its own module here; everything is re-exported, so
``from workbook import words; words.EMOTIONS`` works for any list. A list a person
picks from is a `Picks`: stable keys (stored) with labels (shown).
"""

from __future__ import annotations

import importlib
import pkgutil

from workbook.words._picks import Picks as Picks

for _module in pkgutil.iter_modules(__path__):
    globals().update({name: value for name, value in
                      vars(importlib.import_module(f"{__name__}.{_module.name}")).items()
                      if name.isupper()})
