"""The ``staffroom`` console script: Django's manage.py under the project's name."""

import os
import sys

# Commands documented with a hyphen; Django's command names are module names.
ALIASES = {
    "import-attendance": "import_attendance",
    "deid-eval": "deid_eval",
    "inbound-email": "inbound_email",
}


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "staffroom.settings")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv)
    if len(argv) > 1:
        argv[1] = ALIASES.get(argv[1], argv[1])
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
