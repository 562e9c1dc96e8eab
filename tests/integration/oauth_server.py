#!/usr/bin/python3
"""A local OAuth2 authorization server for the integration tests: a token
endpoint (RFC 6749 refresh_token grant, RFC 8628 device_code grant), a
device authorization endpoint, and a token introspection endpoint
(RFC 7662) that Dovecot's oauth2 passdb and smtpd.py ask whether an
access token is good.

  oauth_server.py --port N --dir DIR --client-id ID --user USER
                  [--refresh-token TOKEN] [--expires-in S] [--rotate]
                  [--client-secret SECRET]

  POST /token       grant_type=refresh_token: client_id must be ID (and
                    client_secret SECRET when given), refresh_token one
                    it issued or TOKEN; answers a new access token good
                    for --expires-in seconds (and, with --rotate, a new
                    refresh token that replaces the old one), else 400
                    {"error": "invalid_grant"} or "invalid_client".
                    grant_type=urn:ietf:params:oauth:grant-type:device_code:
                    "authorization_pending" twice, then the tokens.
  POST /device      client_id (no secret) and scope: a device code, a user
                    code and interval 1.
  POST /introspect  token=T: {"active": true, "username": USER} while T is
                    an unexpired access token, else {"active": false}.
  POST /control/revoke-access   every access token issued so far stops working
  POST /control/revoke-refresh  every refresh token stops working
  POST /control/answer?kind=huge|garbage|normal   what /token answers
  POST /control/expires?s=N     access tokens issued from now on live N seconds
  POST /control/rotate?on=1|0   whether a refresh also rotates the refresh token
  POST /control/refresh?token=T T becomes a good refresh token
  POST /control/user?name=U     introspection says tokens are U's from now on
  GET  /stats       counts: refreshes, refused, introspections, good
                    introspections, device polls; the last scope asked.

Writes DIR/ready when it listens; DIR/log has one line per request
(never a token). Stops on SIGTERM.
"""
import argparse
import json
import os
import secrets
import signal
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"


class State:
    def __init__(self, args):
        self.args = args
        self.lock = threading.Lock()
        self.refresh_tokens = {args.refresh_token} if args.refresh_token else set()
        self.access = {}          # token -> expiry (time.time())
        self.devices = {}         # device code -> polls so far
        self.answer = "normal"
        self.stats = {"refreshes": 0, "refused": 0, "introspections": 0,
                      "good_introspections": 0, "device_polls": 0, "scope": None}
        self.log = open(os.path.join(args.dir, "log"), "a", buffering=1)

    def issue(self, with_refresh):
        token = "at-" + secrets.token_urlsafe(24)
        self.access[token] = time.time() + self.args.expires_in
        answer = {"access_token": token, "token_type": "Bearer",
                  "expires_in": self.args.expires_in}
        if with_refresh:
            refresh = "rt-" + secrets.token_urlsafe(24)
            self.refresh_tokens.add(refresh)
            answer["refresh_token"] = refresh
        return answer


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def reply(self, code, obj=None, raw=None):
        body = raw if raw is not None else json.dumps(obj).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def form(self):
        n = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(n).decode("ascii", "replace")
        return {k: v[0] for k, v in urllib.parse.parse_qs(body, keep_blank_values=True).items()}

    def do_GET(self):
        st = self.server.state
        if self.path == "/stats":
            with st.lock:
                return self.reply(200, st.stats)
        self.reply(404, {"error": "not_found"})

    def do_POST(self):
        st = self.server.state
        path, _, query = self.path.partition("?")
        form = self.form()
        with st.lock:
            st.log.write("POST %s %s\n" % (path, form.get("grant_type", "")))
            if path == "/token":
                return self.token(st, form)
            if path == "/device":
                return self.device(st, form)
            if path == "/introspect":
                return self.introspect(st, form)
            if path == "/control/revoke-access":
                st.access.clear()
                return self.reply(200, {})
            if path == "/control/revoke-refresh":
                st.refresh_tokens.clear()
                return self.reply(200, {})
            if path == "/control/expires":
                st.args.expires_in = int(urllib.parse.parse_qs(query)["s"][0])
                return self.reply(200, {})
            if path == "/control/rotate":
                st.args.rotate = urllib.parse.parse_qs(query)["on"][0] == "1"
                return self.reply(200, {})
            if path == "/control/user":
                st.args.user = urllib.parse.parse_qs(query)["name"][0]
                return self.reply(200, {})
            if path == "/control/refresh":
                st.refresh_tokens.add(urllib.parse.parse_qs(query)["token"][0])
                return self.reply(200, {})
            if path == "/control/answer":
                st.answer = urllib.parse.parse_qs(query)["kind"][0]
                return self.reply(200, {})
        self.reply(404, {"error": "not_found"})

    def client_ok(self, st, form):
        return (form.get("client_id") == st.args.client_id and
                (st.args.client_secret is None or
                 form.get("client_secret") == st.args.client_secret))

    def token(self, st, form):
        if st.answer == "huge":
            return self.reply(200, raw=b'{"access_token": "' + b"a" * (1 << 20) + b'"}')
        if st.answer == "garbage":
            return self.reply(200, raw=b"<html>\x00\xff not json")
        if not self.client_ok(st, form):
            st.stats["refused"] += 1
            return self.reply(401, {"error": "invalid_client"})
        grant = form.get("grant_type")
        if grant == "refresh_token":
            if form.get("refresh_token") not in st.refresh_tokens:
                st.stats["refused"] += 1
                return self.reply(400, {"error": "invalid_grant",
                                        "error_description": "Token has been expired or revoked."})
            st.stats["refreshes"] += 1
            if st.args.rotate:
                st.refresh_tokens.discard(form["refresh_token"])
            return self.reply(200, st.issue(st.args.rotate))
        if grant == DEVICE_GRANT:
            code = form.get("device_code")
            if code not in st.devices:
                return self.reply(400, {"error": "invalid_grant"})
            st.stats["device_polls"] += 1
            st.devices[code] += 1
            if st.devices[code] <= 2:
                return self.reply(400, {"error": "authorization_pending"})
            del st.devices[code]
            return self.reply(200, st.issue(True))
        return self.reply(400, {"error": "unsupported_grant_type"})

    def device(self, st, form):
        # RFC 8628 3.1 as Google and Microsoft take it: the client ID, no secret.
        if form.get("client_id") != st.args.client_id:
            return self.reply(401, {"error": "invalid_client"})
        st.stats["scope"] = form.get("scope")
        code = "dc-" + secrets.token_urlsafe(16)
        st.devices[code] = 0
        port = self.server.server_address[1]
        return self.reply(200, {"device_code": code, "user_code": "WDJB-MJHT",
                                "verification_uri": "http://127.0.0.1:%d/verify" % port,
                                "expires_in": 300, "interval": 1})

    def introspect(self, st, form):
        st.stats["introspections"] += 1
        expiry = st.access.get(form.get("token"))
        if expiry is None or expiry < time.time():
            return self.reply(200, {"active": False})
        st.stats["good_introspections"] += 1
        return self.reply(200, {"active": True, "username": st.args.user})


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--dir", required=True)
    p.add_argument("--client-id", required=True)
    p.add_argument("--client-secret")
    p.add_argument("--user", required=True)
    p.add_argument("--refresh-token")
    p.add_argument("--expires-in", type=int, default=3600)
    p.add_argument("--rotate", action="store_true")
    args = p.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    server.state = State(args)
    signal.signal(signal.SIGTERM, lambda *a: threading.Thread(target=server.shutdown).start())
    open(os.path.join(args.dir, "ready"), "w").close()
    server.serve_forever()


if __name__ == "__main__":
    main()
