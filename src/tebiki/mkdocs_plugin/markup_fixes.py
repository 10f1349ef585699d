"""Valid HTML from Material's and mkdocs-quiz's templates, by three exact replacements.

Each replaces one known, invalid construct and nothing else (verified against the
versions in seams.py); changing it by overriding whole templates would mean copying
them. What each does to behaviour:

- `tabindex=""` on Material's section labels: an empty tabindex is invalid and ignored
  by browsers, so leaving it out changes nothing.
- `autocomplete="off"` on Material's hidden drawer and search checkboxes: not allowed on
  checkboxes; Material added it so that Firefox does not restore an open drawer after a
  reload or Back, which theme/assets/keyboard-nav.js now does as the page is shown.
- `aria-label` on mkdocs-quiz's progress panel, a <div> without a role: given the role
  `group`, which the label then names, as assistive technology already read it.
"""

from __future__ import annotations

import re

_EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link"[^>]*?) tabindex=""')
_TOGGLE_AUTOCOMPLETE = re.compile(
    r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox"[^>]*?) autocomplete="off"'
)
_PROGRESS_LABEL = re.compile(r'(<div id="quiz-progress-[a-z-]*") aria-label=')


def fix(html: str) -> str:
    html = _EMPTY_TABINDEX.sub(r"\1", html)
    html = _TOGGLE_AUTOCOMPLETE.sub(r"\1", html)
    return _PROGRESS_LABEL.sub(r'\1 role="group" aria-label=', html)
