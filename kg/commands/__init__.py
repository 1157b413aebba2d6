"""One module per `kg` subcommand, found by name (like rdflib's plugins).

Each module defines ``NAME``, ``HELP``, ``add_arguments(parser)`` and ``run(args, console) -> int``;
heavy imports belong inside ``run`` so that ``kg --help`` stays fast.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def discover() -> list[ModuleType]:
    """Every command module in this package, in the order of ``ORDER`` (then by name)."""
    modules = [importlib.import_module(f"{__name__}.{info.name}") for info in pkgutil.iter_modules(__path__)]
    return sorted(modules, key=lambda m: (ORDER.index(m.NAME) if m.NAME in ORDER else len(ORDER), m.NAME))


ORDER = ["build", "eval", "view", "query", "serve", "push"]
