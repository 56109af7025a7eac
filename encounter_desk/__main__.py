import sys

from encounter_desk.launch import main

sys.exit(main())
