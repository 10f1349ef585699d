#!/usr/bin/env python3
"""Remake the generated briefing videos from the guideline data (see src/tebiki/briefing_video.py).

    .venv/bin/python scripts/make-briefing-video.py            # every `generated: true` recording
    .venv/bin/python scripts/make-briefing-video.py overview   # only the one with this ID

Run it after changing a generated recording in guideline/seminars.yml or the items
its chapters name; `tebiki validate` says when it is needed. Commit the files it writes.
"""

import sys
from pathlib import Path

from tebiki.briefing_video import main

if __name__ == "__main__":
    sys.exit(main(["--root", str(Path(__file__).resolve().parent.parent), *sys.argv[1:]]))
