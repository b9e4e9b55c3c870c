"""Command-line subcommands of main.py, one module each: add_parser() and run()."""
