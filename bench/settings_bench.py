"""Settings for the benchmark and for trying the demo app before it is installed.

The dev settings, plus the demo app, a database path from SQLITE_PATH, and production-like
request handling: DEBUG off (no query logging, cached templates), MFA switched off so the
benchmark's session cookie reaches the pages (MFA is a per-request indexed lookup either way).
"""

from __future__ import annotations

from config.settings.dev import *  # noqa: F403
from config.settings.dev import INSTALLED_APPS, env

if "dhr.demo" not in INSTALLED_APPS:
    INSTALLED_APPS = [*INSTALLED_APPS, "dhr.demo"]

DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
DHR_REQUIRE_MFA = env.bool("DHR_REQUIRE_MFA", default=False)
DHR_ALLOW_DEMO_SEED = True
# The manifest storage needs `collectstatic` first; the pages measured only build static URLs,
# which costs the same either way, so the plain storage keeps the run self-contained.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Keep request logs quiet so the load test measures the service, not the terminal.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
