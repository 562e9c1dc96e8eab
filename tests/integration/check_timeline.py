#!/usr/bin/python3
"""Compares `followup timeline KEY --json` with corpus.py's expectations.

  check_timeline.py FOLLOWUP-BIN CONFIG

Prints one line per problem and exits 1 when there is any.
"""
import json
import subprocess
import sys

import corpus


def timeline(binary, config, key):
    out = subprocess.run([binary, "-c", config, "timeline", key, "--json"],
                         capture_output=True, check=False)
    if out.returncode != 0:
        return None, out.stderr.decode(errors="replace")
    return json.loads(out.stdout.decode("utf-8")), None


def main():
    binary, config = sys.argv[1], sys.argv[2]
    problems = []
    expected = corpus.expect()
    by_customer = {}
    for e in expected:
        by_customer.setdefault(e["customer"], []).append(e)
    threads = {}
    for key, wants in by_customer.items():
        entries, err = timeline(binary, config, key)
        if entries is None:
            problems.append("%s: timeline failed: %s" % (key, err.strip()))
            continue
        if not isinstance(entries, list):
            problems.append("%s: not a JSON array" % key)
            continue
        if len(entries) != len(wants):
            problems.append("%s: %d entries, expected %d: %s" % (
                key, len(entries), len(wants), [x.get("subject") for x in entries]))
        dates = [x["date"] for x in entries]
        if dates != sorted(dates):
            problems.append("%s: entries not ordered by date: %s" % (key, dates))
        for want in wants:
            got = [x for x in entries if x.get("subject") == want["subject"]]
            if len(got) != 1:
                problems.append("%s: %d entries with subject %r (have %r)" % (
                    key, len(got), want["subject"], [x.get("subject") for x in entries]))
                continue
            x = got[0]
            for field in ("kind", "direction", "customer"):
                if x.get(field) != want[field]:
                    problems.append("%s: %r: %s is %r, expected %r" % (
                        key, want["subject"], field, x.get(field), want[field]))
            if want["snippet"] not in x.get("snippet", ""):
                problems.append("%s: %r: snippet %r lacks %r" % (
                    key, want["subject"], x.get("snippet"), want["snippet"]))
            if "snippet_excludes" in want and want["snippet_excludes"] in x.get("snippet", ""):
                problems.append("%s: %r: snippet %r still has quoted %r" % (
                    key, want["subject"], x.get("snippet"), want["snippet_excludes"]))
            if "date" in want and x.get("date") != want["date"]:
                problems.append("%s: %r: date %r, expected %r" % (
                    key, want["subject"], x.get("date"), want["date"]))
            if want.get("derived_id") and not x.get("message_id", "").endswith("@followup.invalid"):
                problems.append("%s: %r: message_id %r is not derived" % (
                    key, want["subject"], x.get("message_id")))
            for field in ("date", "direction", "kind", "from", "to", "subject", "snippet",
                          "message_id", "thread", "customer"):
                if field not in x:
                    problems.append("%s: %r: no %s field" % (key, want["subject"], field))
            if "<" in x.get("message_id", "<"):
                problems.append("%s: message_id %r has angle brackets" % (key, x.get("message_id")))
            for field in ("language", "forwarded", "original_from"):
                if field in want and x.get(field) != want[field]:
                    problems.append("%s: %r: %s is %r, expected %r" % (
                        key, want["subject"], field, x.get(field), want[field]))
            for fact, value in want.get("facts", {}).items():
                got_fact = (x.get("facts") or {}).get(fact)
                if got_fact != value:
                    problems.append("%s: %r: fact %s is %r, expected %r" % (
                        key, want["subject"], fact, got_fact, value))
            if "thread_as" in want:
                threads.setdefault(want["thread_as"], set()).add(x.get("thread"))
    for name, ids in threads.items():
        if len(ids) != 1:
            problems.append("thread group %s spans threads %s" % (name, sorted(map(str, ids))))
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
