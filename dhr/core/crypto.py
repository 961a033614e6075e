"""Field-level encryption for direct identifiers (names, addresses, contact details).

Keys come from FIELD_ENCRYPTION_KEYS, never from SECRET_KEY, so a leaked session-signing key does
not unlock identities. The first key encrypts; all keys decrypt (rotation by prepending a key).
A keyed blind index (HMAC) lets us match equal values, for duplicate detection, without
storing or querying the plaintext.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import unicodedata
from functools import lru_cache

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def _fernet_key(raw: str) -> bytes:
    # Any configured secret becomes a valid 32-byte Fernet key by hashing it.
    return base64.urlsafe_b64encode(hashlib.sha256(raw.encode()).digest())


@lru_cache(maxsize=4)
def _cipher(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is not set.")
    return MultiFernet([Fernet(_fernet_key(k)) for k in keys])


def _keys() -> tuple[str, ...]:
    return tuple(settings.FIELD_ENCRYPTION_KEYS)


def encrypt(plaintext: str) -> str:
    return _cipher(_keys()).encrypt(plaintext.encode()).decode()


def decrypt(token: str) -> str:
    return _cipher(_keys()).decrypt(token.encode()).decode()


def normalise_for_matching(value: str) -> str:
    """Case-, accent- and whitespace-insensitive form used for blind-index matching."""
    decomposed = unicodedata.normalize("NFKD", value)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(letters.casefold().replace("-", " ").replace("'", "").split())


def blind_index(value: str) -> str:
    """HMAC of the normalised value under the first field key ("" for an empty value)."""
    normalised = normalise_for_matching(value)
    if not normalised:
        return ""
    key = hashlib.sha256(("blind-index:" + _keys()[0]).encode()).digest()
    return hmac.new(key, normalised.encode(), hashlib.sha256).hexdigest()
