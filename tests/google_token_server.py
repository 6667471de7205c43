"""A loopback stand-in for Google's OAuth 2.0 endpoints, for driving real google-auth offline.

It serves, on 127.0.0.1 and a free port, in a background thread:

- POST /token: the service-account JWT bearer grant (the RS256 signature is verified with the
  account's registered public key, independently of google-auth), `authorization_code` (with
  the PKCE S256 check) and `refresh_token`; errors are Google's JSON (`invalid_grant`, ...).
- GET /o/oauth2/auth: the consent page. It "signs in" the client's configured user at once and
  redirects to the loopback redirect URI with `code` and `state`, as Google does.
- POST /revoke: Google's revocation endpoint.

Every access token it issues is recorded in `issued` (token -> e-mail of its identity), so a
Sheets stand-in can authorise requests the way Google would.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote_plus, urlencode, urlsplit

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

GOOGLE_TOKEN_URI = "https://oauth2.googleapis.com/token"
# google-auth signs every service-account assertion for Google's endpoint, whatever the key
# file's token_uri says, and Google checks exactly that: so must the stand-in.
AUDIENCES = frozenset(
    {
        GOOGLE_TOKEN_URI,
        "https://www.googleapis.com/oauth2/v4/token",
        "https://accounts.google.com/o/oauth2/token",
    }
)
JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer"
MAX_ASSERTION_SECONDS = 3600
CLOCK_SKEW = 300
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


class OAuthFailure(Exception):
    """A refusal in Google's shape: HTTP status and the `error` / `error_description` pair."""

    def __init__(self, error: str, description: str, status: int = 400) -> None:
        super().__init__(f"{error}: {description}")
        self.error, self.description, self.status = error, description, status


@dataclass
class Client:
    client_id: str
    client_secret: str
    user: str  # who signs in on the consent page


@dataclass
class _Code:
    client_id: str
    redirect_uri: str
    challenge: str
    scope: str
    user: str


@dataclass
class _Refresh:
    client_id: str
    user: str
    scope: str
    revoked: bool = False


@dataclass
class Grant:
    """One token request as the stand-in judged it."""

    grant_type: str
    ok: bool
    subject: str = ""  # the service-account e-mail or the user
    scope: str = ""
    error: str = ""
    signature_verified: bool = False
    pkce_verified: bool = False


@dataclass
class _State:
    keys: dict[str, list[rsa.RSAPublicKey]] = field(default_factory=dict)
    clients: dict[str, Client] = field(default_factory=dict)
    codes: dict[str, _Code] = field(default_factory=dict)
    refresh: dict[str, _Refresh] = field(default_factory=dict)


class GoogleTokenServer:
    """Context manager: `with GoogleTokenServer() as google: ... google.token_url ...`."""

    def __init__(self, *, now: Callable[[], float] = time.time) -> None:
        self.now = now
        self.issued: dict[str, str] = {}
        self.grants: list[Grant] = []
        self.deny_consent = False  # the user clicks "Cancel" on the consent page
        self._state = _State()
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ------------------------------------------------------------------------

    def __enter__(self) -> GoogleTokenServer:
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.daemon_threads = True
        self._httpd.stand_in = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._httpd is not None and self._thread is not None
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()

    @property
    def base_url(self) -> str:
        assert self._httpd is not None, "use the server as a context manager"
        host, port = self._httpd.server_address[:2]
        assert isinstance(host, str)  # an IPv4 address
        return f"http://{host}:{port}"

    @property
    def token_url(self) -> str:
        return f"{self.base_url}/token"

    @property
    def auth_url(self) -> str:
        return f"{self.base_url}/o/oauth2/auth"

    @property
    def revoke_url(self) -> str:
        return f"{self.base_url}/revoke"

    # -- set-up -----------------------------------------------------------------------------

    def add_service_account(self, email: str, public_key: rsa.RSAPublicKey) -> None:
        """Accept assertions from `email` signed by the private half of `public_key`."""
        with self._lock:
            self._state.keys.setdefault(email, []).append(public_key)

    def service_account_key(
        self, email: str = "fupan-bot@fupan-test.iam.gserviceaccount.com"
    ) -> tuple[dict[str, str], rsa.RSAPrivateKey]:
        """A fresh RSA key registered for `email`, and its JSON key file pointing here."""
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.add_service_account(email, key.public_key())
        return service_account_info(email, key, self.token_url), key

    def add_client(
        self,
        client_id: str = "1234-standin.apps.googleusercontent.com",
        client_secret: str | None = None,
        *,
        user: str = "ops@example.com",
    ) -> dict[str, Any]:
        """Register a Desktop-app OAuth client; returns its client-secrets document."""
        secret = client_secret or "GOCSPX-" + secrets.token_urlsafe(18)
        with self._lock:
            self._state.clients[client_id] = Client(client_id, secret, user)
        return {
            "installed": {
                "client_id": client_id,
                "project_id": "fupan-test",
                "auth_uri": self.auth_url,
                "token_uri": self.token_url,
                "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",
                "client_secret": secret,
                "redirect_uris": ["http://localhost"],
            }
        }

    def revoke(self, refresh_token: str | None = None) -> None:
        """Revoke one refresh token, or all of them (the user removed the app's access)."""
        with self._lock:
            for token, grant in self._state.refresh.items():
                if refresh_token in (None, token):
                    grant.revoked = True

    @property
    def refresh_tokens(self) -> list[str]:
        with self._lock:
            return list(self._state.refresh)

    # -- endpoints (called on the server's threads) ----------------------------------------

    def authorize(self, query: dict[str, str]) -> str:
        """The consent page: where the browser is sent next."""
        client = self._state.clients.get(query.get("client_id", ""))
        if client is None:
            raise OAuthFailure("invalid_client", "The OAuth client was not found.", 401)
        redirect = query.get("redirect_uri", "")
        parts = urlsplit(redirect)
        if parts.scheme != "http" or parts.hostname not in LOOPBACK_HOSTS:
            raise OAuthFailure("invalid_request", "redirect_uri must be a loopback address.")
        if query.get("response_type") != "code" or not query.get("scope"):
            raise OAuthFailure("invalid_request", "Required parameter is missing.")
        if query.get("code_challenge_method") != "S256" or not query.get("code_challenge"):
            raise OAuthFailure("invalid_request", "fupan must send a PKCE S256 challenge.")
        state = {"state": query["state"]} if "state" in query else {}
        if self.deny_consent:
            return f"{redirect}?{urlencode({**state, 'error': 'access_denied'})}"
        code = "4/standin-" + secrets.token_urlsafe(24)
        with self._lock:
            self._state.codes[code] = _Code(
                client.client_id, redirect, query["code_challenge"], query["scope"], client.user
            )
        return f"{redirect}?{urlencode({**state, 'code': code, 'scope': query['scope']})}"

    def token(self, form: dict[str, str], basic: tuple[str, str] | None) -> dict[str, Any]:
        """The token endpoint: one grant, judged and logged."""
        grant_type = form.get("grant_type", "")
        grant = Grant(grant_type, ok=False)
        try:
            if grant_type == JWT_BEARER:
                reply = self._jwt_bearer(form, grant)
            elif grant_type == "authorization_code":
                reply = self._authorization_code(form, basic, grant)
            elif grant_type == "refresh_token":
                reply = self._refresh_token(form, basic, grant)
            else:
                raise OAuthFailure("unsupported_grant_type", f"Invalid grant_type: {grant_type}")
        except OAuthFailure as exc:
            grant.error = exc.error
            raise
        finally:
            with self._lock:
                self.grants.append(grant)
        grant.ok = True
        return reply

    def revoke_token(self, token: str) -> None:
        with self._lock:
            if token in self._state.refresh:
                self._state.refresh[token].revoked = True
            elif self.issued.pop(token, None) is None:
                raise OAuthFailure("invalid_token", "Token expired or revoked")

    # -- grants -------------------------------------------------------------------------------

    def _jwt_bearer(self, form: dict[str, str], grant: Grant) -> dict[str, Any]:
        header, claims, signed, signature = _split_jwt(form.get("assertion", ""))
        email = str(claims.get("iss", ""))
        grant.subject = email
        keys = self._state.keys.get(email)
        if not keys:
            raise OAuthFailure("invalid_grant", "Invalid grant: account not found")
        if header.get("alg") != "RS256" or not any(_verifies(k, signed, signature) for k in keys):
            raise OAuthFailure("invalid_grant", "Invalid JWT Signature.")
        grant.signature_verified = True
        if claims.get("aud") not in AUDIENCES:
            raise OAuthFailure("invalid_grant", "Invalid JWT: Failed audience check.")
        if not self._timely(claims):
            raise OAuthFailure(
                "invalid_grant",
                "Invalid JWT: Token must be a short-lived token (60 minutes) and in a "
                "reasonable timeframe. Check your iat and exp values in the JWT claim.",
            )
        scope = claims.get("scope")
        if not isinstance(scope, str) or not scope.strip():
            raise OAuthFailure(
                "invalid_scope", "Invalid OAuth scope or ID token audience provided."
            )
        grant.scope = scope
        return self._issue(email)

    def _timely(self, claims: dict[str, Any]) -> bool:
        iat, exp, now = claims.get("iat"), claims.get("exp"), self.now()
        if not isinstance(iat, int | float) or not isinstance(exp, int | float):
            return False
        return (
            0 < exp - iat <= MAX_ASSERTION_SECONDS
            and iat <= now + CLOCK_SKEW
            and exp >= now - CLOCK_SKEW
        )

    def _authorization_code(
        self, form: dict[str, str], basic: tuple[str, str] | None, grant: Grant
    ) -> dict[str, Any]:
        client = self._client(form, basic)
        with self._lock:
            code = self._state.codes.pop(form.get("code", ""), None)  # single use
        if code is None or code.client_id != client.client_id:
            raise OAuthFailure("invalid_grant", "Malformed auth code.")
        if form.get("redirect_uri") != code.redirect_uri:
            raise OAuthFailure("redirect_uri_mismatch", "Bad Request")
        if _s256(form.get("code_verifier", "")) != code.challenge:
            raise OAuthFailure("invalid_grant", "Invalid code verifier.")
        grant.pkce_verified = True
        grant.subject, grant.scope = code.user, code.scope
        refresh_token = "1//standin-" + secrets.token_urlsafe(32)
        with self._lock:
            self._state.refresh[refresh_token] = _Refresh(client.client_id, code.user, code.scope)
        return {**self._issue(code.user), "refresh_token": refresh_token, "scope": code.scope}

    def _refresh_token(
        self, form: dict[str, str], basic: tuple[str, str] | None, grant: Grant
    ) -> dict[str, Any]:
        client = self._client(form, basic)
        held = self._state.refresh.get(form.get("refresh_token", ""))
        if held is None or held.revoked or held.client_id != client.client_id:
            raise OAuthFailure("invalid_grant", "Token has been expired or revoked.")
        asked = set(form.get("scope", held.scope).split())
        if not asked <= set(held.scope.split()):
            raise OAuthFailure("invalid_scope", "Bad Request")
        grant.subject, grant.scope = held.user, held.scope
        return {**self._issue(held.user), "scope": held.scope}

    def _client(self, form: dict[str, str], basic: tuple[str, str] | None) -> Client:
        client_id, secret = basic or (form.get("client_id", ""), form.get("client_secret", ""))
        client = self._state.clients.get(client_id)
        if client is None:
            raise OAuthFailure("invalid_client", "The OAuth client was not found.", 401)
        if not secrets.compare_digest(client.client_secret, secret):
            raise OAuthFailure("invalid_client", "Unauthorized", 401)
        return client

    def _issue(self, identity: str) -> dict[str, Any]:
        token = "ya29.standin-" + secrets.token_urlsafe(32)
        with self._lock:
            self.issued[token] = identity
        return {"access_token": token, "expires_in": 3599, "token_type": "Bearer"}


def service_account_info(email: str, key: rsa.RSAPrivateKey, token_uri: str) -> dict[str, str]:
    """A service-account JSON key as the Cloud console writes it, for `key`."""
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    return {
        "type": "service_account",
        "project_id": email.split("@")[1].split(".")[0],
        "private_key_id": secrets.token_hex(20),
        "private_key": pem,
        "client_email": email,
        "client_id": str(secrets.randbelow(10**21)),
        "auth_uri": "https://accounts.google.com/o/oauth2/auth",
        "token_uri": token_uri,
        "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",
        "universe_domain": "googleapis.com",
    }


def _split_jwt(assertion: str) -> tuple[dict[str, Any], dict[str, Any], bytes, bytes]:
    try:
        head, body, sig = assertion.split(".")
        header, claims = json.loads(_unb64(head)), json.loads(_unb64(body))
        signature = _unb64(sig)
    except ValueError:
        raise OAuthFailure("invalid_grant", "Invalid JWT: malformed.") from None
    if not isinstance(header, dict) or not isinstance(claims, dict):
        raise OAuthFailure("invalid_grant", "Invalid JWT: malformed.")
    return header, claims, f"{head}.{body}".encode(), signature


def _verifies(key: rsa.RSAPublicKey, signed: bytes, signature: bytes) -> bool:
    try:
        key.verify(signature, signed, padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature:
        return False
    return True


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode()).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


class _Handler(BaseHTTPRequestHandler):
    # HTTP/1.0: one request per connection, so no keep-alive socket outlives a test.
    protocol_version = "HTTP/1.0"

    @property
    def stand_in(self) -> GoogleTokenServer:
        return self.server.stand_in  # type: ignore[attr-defined]

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path != "/o/oauth2/auth":
            return self._json(404, {"error": "not_found", "error_description": url.path})
        try:
            location = self.stand_in.authorize(_single(parse_qs(url.query)))
        except OAuthFailure as exc:
            return self._json(
                exc.status, {"error": exc.error, "error_description": exc.description}
            )
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        form = _single(parse_qs(self.rfile.read(length).decode()))
        path = urlsplit(self.path).path
        try:
            if path == "/token":
                reply = self.stand_in.token(form, self._basic())
            elif path == "/revoke":
                query = _single(parse_qs(urlsplit(self.path).query))
                self.stand_in.revoke_token(form.get("token") or query.get("token", ""))
                reply = {}
            else:
                raise OAuthFailure("not_found", path, 404)
        except OAuthFailure as exc:
            return self._json(
                exc.status, {"error": exc.error, "error_description": exc.description}
            )
        self._json(200, reply)

    def _basic(self) -> tuple[str, str] | None:
        header = self.headers.get("Authorization", "")
        if not header.startswith("Basic "):
            return None
        user, _, password = base64.b64decode(header[6:]).decode().partition(":")
        # RFC 6749 2.3.1: both halves are form-encoded before joining.
        return unquote_plus(user), unquote_plus(password)

    def _failure(self, exc: OAuthFailure) -> None:
        self._json(exc.status, {"error": exc.error, "error_description": exc.description})

    def _json(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep test output clean; the stand-in's own log is GoogleTokenServer.grants


def _single(query: dict[str, list[str]]) -> dict[str, str]:
    return {name: values[-1] for name, values in query.items()}
