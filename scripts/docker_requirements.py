"""Print the requirements the Docker image installs with pip: requirements.txt without
Odoo's own pins (section 1), which the odoo:18.0 image provides as Debian packages
built for its Python; what the project adds and the OCA addons' wheels (sections 2
and 3) stay.

Usage: docker_requirements.py requirements.txt > requirements-docker.txt
"""

import sys

MARKER = "# 2. What the project adds"

lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
starts = [i for i, line in enumerate(lines) if line.startswith(MARKER)]
if not starts:
    sys.exit(f"{sys.argv[1]}: no line starting with {MARKER!r}")
kept = [
    line
    for line in lines[starts[0] :]
    if line.strip() and not line.lstrip().startswith("#")
]
print("\n".join(kept))
