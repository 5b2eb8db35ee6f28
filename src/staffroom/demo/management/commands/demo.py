import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from staffroom.demo.loader import DEMO_SIGN_INS, demo_load


class Command(BaseCommand):
    help = (
        "Set up the local database with the demo hub (once), then run the web server "
        "and a task worker together until Ctrl-C."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument(
            "--no-serve", action="store_true", help="Only prepare the database and exit."
        )

    def handle(self, *args, host, port, no_serve, **options):
        call_command("migrate", interactive=False, verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        loaded = demo_load()
        self.stdout.write(
            "Loaded the demo hub." if loaded else "The demo hub is already there; left as it is."
        )
        if no_serve:
            return
        url = f"http://{host}:{port}/"
        env = self._child_env(host, url)
        python = [sys.executable, "-m", "staffroom.cli"]
        server = ["gunicorn", "staffroom.wsgi:application", "--bind", f"{host}:{port}"]
        server += ["--workers", "2", "--log-level", "warning"]
        children = [
            subprocess.Popen(server, env=env),
            subprocess.Popen([*python, "worker"], env=env),
        ]
        self._print_welcome(url)
        self._wait(children)

    def _child_env(self, host: str, url: str) -> dict:
        env = dict(os.environ)
        env.setdefault("SITE_URL", url.rstrip("/"))
        hosts = env.get("ALLOWED_HOSTS")
        if hosts is None and host not in settings.ALLOWED_HOSTS:
            env["ALLOWED_HOSTS"] = ",".join([*settings.ALLOWED_HOSTS, host])
        return env

    def _print_welcome(self, url: str) -> None:
        self.stdout.write(self.style.SUCCESS(f"\nStaffroom is running at {url}"))
        self.stdout.write("Sign in with any of these (the password is always “staffroom”):")
        width = max(len(email) for email, _role in DEMO_SIGN_INS)
        for email, role in DEMO_SIGN_INS:
            self.stdout.write(f"  {email.ljust(width)}  {role}")
        self.stdout.write("Emails the site sends are printed here by the worker. Ctrl-C stops.\n")

    def _wait(self, children: list[subprocess.Popen]) -> None:
        """Run until Ctrl-C, SIGTERM or a child exits, then stop both children."""
        stopping = False

        def stop(signum, frame):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        while not stopping and all(child.poll() is None for child in children):
            time.sleep(0.2)
        for child in children:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        for child in children:
            try:
                child.wait(timeout=15)
            except subprocess.TimeoutExpired:
                child.kill()
        self.stdout.write("Stopped the web server and the worker.")
