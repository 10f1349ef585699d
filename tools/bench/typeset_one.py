"""`python -m tools.bench.typeset_one PROJECT`: typeset one project's printed reference, nothing else.

Run by the benchmark's print part in a process of its own, so that its time, CPU time and
peak memory (of the process and of the workers typesetting parts) are measured alone.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tebiki.data.project import Paths, load_project
from tebiki.generate import reference_html
from tebiki.publish import typeset
from tebiki.publish.reproducible import build_date


def main(argv: list[str]) -> int:
    (root,) = argv
    project = load_project(Paths.under(Path(root)))
    html = reference_html(project, site_name="bench", site_url=None, issued=build_date())
    pdf = typeset.reference_pdf(html)
    print(f"{len(html)} characters of HTML, {len(pdf)} bytes of PDF")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
