"""Settings shared by every environment.

Secrets and hosts come from the environment (django-environ); nothing secret has a default here.
Environment-specific modules (dev, test, production) import this and override.
"""

from __future__ import annotations

from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env()

DEBUG = False
ALLOWED_HOSTS: list[str] = env.list("ALLOWED_HOSTS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "django_fsm",
    "django_tasks",
    "django_tasks_db",
    "govuk_frontend_django",
    "csp",
    "dhr.core",
    "dhr.audit",
    "dhr.accounts",
    "dhr.reviews",
    "dhr.clock",
    "dhr.documents",
    "dhr.panel",
    "dhr.contributions",
    "dhr.chronology",
    "dhr.family",
    "dhr.proceedings",
    "dhr.anonymisation",
    "dhr.search",
    "dhr.library",
    "dhr.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Messages before the session-lifetime check, which tells the person why they were signed out.
    "django.contrib.messages.middleware.MessageMiddleware",
    "dhr.core.middleware.SessionLifetimeMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "dhr.core.middleware.RequireMultiFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "dhr.core.middleware.NoStoreForAuthenticatedMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "dhr.core.context_processors.service",
                "dhr.reviews.context_processors.navigation",
            ],
        },
    },
]
FORM_RENDERER = "dhr.core.forms.GovukFormRenderer"

# Databases: SQLite in WAL mode unless DATABASE_URL names another server (PostgreSQL).
SQLITE_PATH = env.str("SQLITE_PATH", default=str(BASE_DIR / "var" / "dhr.sqlite3"))
SQLITE_OPTIONS = {
    # IMMEDIATE transactions stop "database is locked" between the web process and a worker.
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
        "PRAGMA busy_timeout=20000;"
    ),
}
if env.str("DATABASE_URL", default=""):
    DATABASES = {"default": env.db("DATABASE_URL")}
    DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SQLITE_PATH,
            "OPTIONS": SQLITE_OPTIONS,
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    # NCSC: length and a deny-list of common passwords, no composition rules, no expiry.
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

# django-allauth: e-mail sign-in, no self-registration (accounts are created by administrators).
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_ADAPTER = "dhr.accounts.adapters.AccountAdapter"
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
ACCOUNT_REAUTHENTICATION_REQUIRED = True
# NCSC: lock out after 5-10 attempts. 10 failures per account per 15 minutes, and per IP.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "20/15m/ip,10/15m/key",
    "login": "60/m/ip",
    "reset_password": "5/m/ip,3/m/key",
    "reauthenticate": "10/m/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "DHR Manager"
MFA_RECOVERY_CODE_COUNT = 10
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "clock:dashboard"
ACCOUNT_LOGOUT_REDIRECT_URL = "core:start"

# The rate limits above need a cache shared between processes: the database cache.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "dhr_cache",
    }
}

# Sessions: 30-minute idle and 10-hour absolute limits (ASVS 7.3.1/7.3.2), enforced by
# SessionLifetimeMiddleware; the cookie itself dies with the browser.
SESSION_IDLE_TIMEOUT_SECONDS = 30 * 60
SESSION_ABSOLUTE_TIMEOUT_SECONDS = 10 * 60 * 60
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_TIMEOUT_SECONDS
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
# MFA is required for every account; only the local demo settings may switch it off.
DHR_REQUIRE_MFA = True

LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", _("English")), ("cy", _("Welsh"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = env.str("MEDIA_ROOT", default=str(BASE_DIR / "var" / "private-media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_FILE_PATH = env.str("EMAIL_FILE_PATH", default=str(BASE_DIR / "var" / "mail"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="dhr-manager@localhost")
# Links in e-mails are absolute: the service's public base address.
SERVICE_BASE_URL = env.str("SERVICE_BASE_URL", default="http://127.0.0.1:8000")

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Security headers. django-csp 4: no inline script without a nonce; nothing framed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Statutory clock configuration (rules as data live in dhr/clock/statutory.py). Keys are the
# rules' setting names. The 2016 guidance sets six months to completion; the 2024 draft
# proposes twelve.
DHR_CLOCK_OVERRIDES: dict[str, int] = {
    "COMPLETION_MONTHS": env.int("DHR_COMPLETION_MONTHS", default=6),
    "IMR_DUE_WEEKS": env.int("DHR_IMR_DUE_WEEKS", default=6),
}
# The prospective DARDR rule set (VPA 2024 s.19) applies from this date; unset = not commenced.
DARDR_COMMENCEMENT_DATE = env.str("DARDR_COMMENCEMENT_DATE", default="")
# Field-level encryption key for names and contact details: separate from SECRET_KEY.
FIELD_ENCRYPTION_KEYS: list[str] = env.list("FIELD_ENCRYPTION_KEYS", default=[])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    # WeasyPrint narrates every rendering step at INFO.
    "loggers": {"weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}
