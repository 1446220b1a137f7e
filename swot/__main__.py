"""``python -m swot`` runs the ``swot-anp`` command line."""

import sys

from swot.cli import main

sys.exit(main())
