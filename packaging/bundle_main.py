"""The frozen program's entry point (packaging/keyferry.spec): the same ``main`` as the
``keyferry`` command of a checkout or a wheel."""

import sys

from app.cli import main

sys.exit(main())
