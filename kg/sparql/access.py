"""Optional access control for `kg serve`: one shared token, sent as a bearer token or as a basic-auth password.

A bearer token suits scripts (``Authorization: Bearer TOKEN``, ``curl -H``); basic auth with any
user name and the token as password suits SPARQLWrapper (``setCredentials``) and browsers, which ask
for it on the 401. The comparison takes constant time. Preflight requests (OPTIONS) carry no
credentials in any browser, so they pass; they answer nothing but CORS headers.
"""

from __future__ import annotations

import base64
import binascii
import hmac

CHALLENGE = {"WWW-Authenticate": 'Basic realm="kg SPARQL endpoint", charset="UTF-8"'}


def authorised(header: str, token: str) -> bool:
    """Whether an ``Authorization`` header carries ``token`` (as a bearer token or a basic-auth password)."""
    scheme, _, credentials = header.strip().partition(" ")
    if scheme.lower() == "bearer":
        offered = credentials.strip()
    elif scheme.lower() == "basic":
        try:
            offered = base64.b64decode(credentials.strip(), validate=True).decode("utf-8").partition(":")[2]
        except (binascii.Error, UnicodeDecodeError):
            return False
    else:
        return False
    return hmac.compare_digest(offered.encode(), token.encode())
