"""`python -m fashion_desktop` runs the command line (which opens the window by default)."""

import sys

from fashion_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
