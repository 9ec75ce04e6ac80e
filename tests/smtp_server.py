"""A real SMTP server on loopback for the email tests: aiosmtpd with STARTTLS required (or TLS
from the first byte with --implicit-tls), a login, and a certificate from a CA made for the run
(trustme). Every message it accepts is saved as N.eml with N.json beside it (envelope, TLS in
use, login). Prints "READY <port>" once listening, and runs until stdin closes.

    python smtp_server.py --out DIR --ca CA.pem [--implicit-tls] [--refuse ADDRESS]
"""

import argparse
import json
import socket
import ssl
import sys
from pathlib import Path

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

USER, PASSWORD = b"first.responder", b"correct horse battery staple"


class Handler:
    def __init__(self, out: Path, refused: set[str]):
        self.out, self.refused, self.count = out, refused, 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refused:
            return "550 5.1.1 Recipient address rejected"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        stem = self.out / str(self.count)
        stem.with_suffix(".eml").write_bytes(envelope.original_content)
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "tls": session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None,
            "authenticated": bool(session.authenticated),
        }
        stem.with_suffix(".json").write_text(json.dumps(record))
        return "250 OK"


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (USER, PASSWORD)
    # handled=False: aiosmtpd then answers 535 itself.
    return AuthResult(success=ok, handled=False)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--ca", type=Path, required=True)
    parser.add_argument("--implicit-tls", action="store_true")
    parser.add_argument("--refuse", action="append", default=[])
    args = parser.parse_args()

    authority = trustme.CA()
    authority.cert_pem.write_to_path(str(args.ca))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("127.0.0.1", "localhost").configure_cert(context)

    port = free_port()
    options = dict(authenticator=authenticate, auth_required=True)
    if args.implicit_tls:
        # The whole connection is TLS; aiosmtpd's auth_require_tls looks for STARTTLS only.
        options.update(ssl_context=context, auth_require_tls=False)
    else:
        options.update(tls_context=context, require_starttls=True, auth_require_tls=True)
    handler = Handler(args.out, set(args.refuse))
    controller = Controller(handler, hostname="127.0.0.1", port=port, server_hostname="localhost", **options)
    if args.implicit_tls:
        # The controller's readiness probe would use the server's own context as a client's.
        def probe():
            client = ssl.create_default_context(cafile=str(args.ca))
            with socket.create_connection(("127.0.0.1", port), 5) as raw:
                with client.wrap_socket(raw, server_hostname="localhost") as secured:
                    secured.recv(1024)

        controller._trigger_server = probe
    controller.start()
    print(f"READY {port}", flush=True)
    sys.stdin.read()
    controller.stop()


if __name__ == "__main__":
    main()
