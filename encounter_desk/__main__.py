import sys

from encounter_desk.cli import main

sys.exit(main())
