"""Local demo settings used by `make run`. Never use these on a server."""

from __future__ import annotations

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="insecure-local-demo-key-never-use-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
# The demo accounts sign in with a password only, so people can try the service at once.
# MFA stays enforced everywhere else (base, test and production settings).
DHR_REQUIRE_MFA = env.bool("DHR_REQUIRE_MFA", default=False)
FIELD_ENCRYPTION_KEYS = env.list(
    "FIELD_ENCRYPTION_KEYS", default=["ZGVtby1vbmx5LWZpZWxkLWtleS0zMi1ieXRlcy0hISE="]
)
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.filebased.EmailBackend")
# Serve static files straight from the build output, without `collectstatic`.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# `seed_demo` publishes a known password, so it runs only under these local settings.
DHR_ALLOW_DEMO_SEED = True
# No manifest: the local demo serves the built files as they are, without `collectstatic`.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
