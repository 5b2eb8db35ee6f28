"""The database every benchmark script starts from: a fresh SQLite file in ``directory``
(or the empty PostgreSQL database in ``BENCH_DATABASE_URL``), migrated, with Django set
up as the tests have it (the test Client's host, email kept in memory)."""

import os
import sys
import warnings
from pathlib import Path


def setup_django(directory: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    os.environ["DATABASE_URL"] = os.environ.get(
        "BENCH_DATABASE_URL", f"sqlite:///{directory / 'bench.sqlite3'}"
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "staffroom.settings")
    import django

    # WhiteNoise looks for collected static files, which a benchmark does not need.
    warnings.filterwarnings("ignore", message="No directory at")
    django.setup()
    from django.core.management import call_command
    from django.test.utils import override_settings, setup_test_environment

    call_command("migrate", verbosity=0)
    setup_test_environment()
    # Pages name their static files; the manifest storage would need collectstatic.
    storage = "django.contrib.staticfiles.storage.StaticFilesStorage"
    override_settings(
        STORAGES={**django.conf.settings.STORAGES, "staticfiles": {"BACKEND": storage}}
    ).enable()
