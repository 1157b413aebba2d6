"""The `kg` command: one subcommand per module of `kg.commands`."""

from __future__ import annotations

import argparse
import os
import sys

from rich.console import Console

from kg import __version__
from kg.commands import discover


def _parser() -> tuple[argparse.ArgumentParser, dict]:
    parser = argparse.ArgumentParser(prog="kg", description="Annotated knowledge graphs of Dutch social-domain publications.")
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True)
    commands = {}
    for module in discover():
        sub = subparsers.add_parser(module.NAME, help=module.HELP, description=getattr(module, "DESCRIPTION", module.HELP))
        module.add_arguments(sub)
        commands[module.NAME] = module
    return parser, commands


PIPED_WIDTH = 120  # columns of tables written to a file, a pipe or a CI log, where no terminal sets a width


def main(argv: list[str] | None = None) -> int:
    if os.environ.get("SOURCE_DATE_EPOCH") == "":  # set but empty: unset, as kg reads it (numpy would fail on it)
        del os.environ["SOURCE_DATE_EPOCH"]
    parser, commands = _parser()
    args = parser.parse_args(argv)
    return commands[args.command].run(args, Console(stderr=False, width=None if sys.stdout.isatty() else PIPED_WIDTH))


if __name__ == "__main__":
    sys.exit(main())
