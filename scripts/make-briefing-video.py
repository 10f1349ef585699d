#!/usr/bin/env python3
"""Remake the generated briefing videos from the guideline data (see tools/briefing_video.py).

    .venv/bin/python scripts/make-briefing-video.py            # every `generated: true` recording
    .venv/bin/python scripts/make-briefing-video.py overview   # only the one with this ID

Run it after changing a generated recording in guideline/seminars.yml or the items
its chapters name; `tebiki validate` says when it is needed. Commit the files it writes.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tools/ is not installed: it is imported from the checkout

from tools.briefing_video import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(["--root", str(ROOT), *sys.argv[1:]]))
