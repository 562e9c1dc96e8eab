#!/usr/bin/python3
"""The crash test's driver: kills followupd with SIGKILL at random moments
while it syncs a large mailbox and sends acknowledgements, restarts it
after each kill, records what every kill interrupted, and afterwards
checks the store, the outbox and what the SMTP server received.

  crashlab.py run --context FILE
  crashlab.py collect --context FILE
  crashlab.py verify --context FILE CHECK

`run` writes OUT/report.json (one entry per kill), `collect` OUT/facts.json
(the server's messages, the store, the outbox, the deliveries); each
`verify CHECK` reads both, prints what is wrong and exits 1, or exits 0.
The context file (written by the shell test) names the binaries, the
configuration, the store, the SMTP server's folder, the IMAP port, the
mailbox folder and OUT.

Each life is `followupd -c CONF --now NOW` in daemon mode, its stderr read
through a pipe and every line stamped with the time it arrived. Before each
life the store (read-only) says what work is left, and the seeded RNG
picks the moment of the kill:
  - the mailbox is not all filed: a moment 0.2-3 s after the start
    (logins, listings, batches fetched, parsed and filed);
  - otherwise: a moment 0.2-2.5 s after the start (the sends);
  - but while the wave's acknowledgements are not queued, 2-3 times per
    wave: after the debug line "rules: planning a pass" (logged once the
    planning transaction has begun), if that comes first, within the time
    it takes to queue two thirds of them (0.23 ms per inquiry here):
    inside the planning transaction.
After the kill, once the SMTP server has closed every connection, the
store and the server's files say what the kill interrupted:
  sending-claimed   a message claimed ('sending') and not yet handed over
  sending-before-250  a message in an SMTP transaction the server had not
                    taken (it discards it): must not give a second copy
  sending-taken     a message the server took, 'sent' not committed: the
                    documented window, one second copy allowed. The
                    server's events say when: after its 250 went out;
                    stored, before its 250; or the whole message was sent
                    and the server, not yet aware that the client was
                    gone, stored it just after the kill
  before-sending    messages pending, no SMTP connection yet in this life
                    (login, listing, the planning pass)
  restart           a message still 'sending' from the last kill: this
                    life was killed before it recovered it
  between-sends     nothing claimed, messages pending (the claim or the
                    answer's transaction, a new pass)
  planning          inquiries undecided; the planning transaction rolled back
  sync              messages on the server not filed yet
  idle              nothing left to do
Wave 2 of the mailbox is appended to Dovecot between two lives once about
half of wave 1's acknowledgements are sent, so sync and planning are
interrupted again while the outbox is busy.
"""
import argparse
import glob
import imaplib
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time

RULE = "ack-inquiry"
USER = "sales@example.com"
PASSWORD = os.environ.get("TEST_PASSWORD", "secret")   # lib.sh's Dovecot user
MAX_AGE_S = 24 * 3600
# Planning takes about 0.23 ms per inquiry on the development machine
# (70 ms for 300); slower machines only move the kills earlier in it.
PLAN_S_PER_INQUIRY = 0.00023
QUEUED = re.compile(r"acknowledgement to \S+ for <[^>]*> queued")
# Logged at debug once the planning transaction has begun (what a plan
# queued is logged only after it committed).
PLANNING = re.compile(r"rules: planning a pass")
LOGGED_IN = re.compile(r": logged in$")
RECOVERED = re.compile(r"<([^>]*)> was being sent when followupd stopped")


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def save_json(path, obj):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=1, ensure_ascii=False)
    os.rename(tmp, path)


def rfc3339_epoch(text):
    import datetime
    return int(datetime.datetime.fromisoformat(text).timestamp())


# ---------------------------------------------------------------- observing

def store_state(db, now):
    """What the store holds, read-only (the daemon is not running)."""
    st = {"locations": 0, "undecided": 0, "outbox": {}, "integrity": "no store"}
    if not os.path.exists(db):
        return st
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True, timeout=30)
    try:
        st["integrity"] = "; ".join(r[0] for r in con.execute("PRAGMA integrity_check"))
        if not con.execute("SELECT 1 FROM sqlite_master WHERE name = 'outbox'").fetchone():
            return st
        st["locations"] = con.execute("SELECT count(*) FROM locations").fetchone()[0]
        st["undecided"] = con.execute(
            "SELECT count(*) FROM messages m WHERE m.kind = 'inquiry' AND m.direction = 'in' "
            "AND m.date >= ? AND NOT EXISTS (SELECT 1 FROM ack_decisions d "
            "WHERE d.rule = ? AND d.message = m.id)", (now - MAX_AGE_S, RULE)).fetchone()[0]
        for row in con.execute("SELECT id, state, attempts, message_id FROM outbox"):
            st["outbox"][str(row[0])] = {"state": row[1], "attempts": row[2], "mid": row[3]}
    finally:
        con.close()
    return st


def deliveries(smtp_dir):
    """Message-ID -> number of copies the SMTP server stored."""
    out = {}
    for path in glob.glob(os.path.join(smtp_dir, "*.json")):
        mid = load_json(path).get("message_id", "")
        out[mid] = out.get(mid, 0) + 1
    return out


def events(smtp_dir):
    """The SMTP server's events: (time, what, session, detail)."""
    out = []
    try:
        with open(os.path.join(smtp_dir, "events"), encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split(" ", 3)
                if len(parts) >= 3:
                    out.append((float(parts[0]), parts[1], parts[2],
                                parts[3] if len(parts) > 3 else ""))
    except FileNotFoundError:
        pass
    return out


def settle_smtp(smtp_dir, timeout=10.0):
    """Waits until the SMTP server has closed every connection: what a
    killed client left unfinished is discarded or stored by then."""
    end = time.time() + timeout
    while time.time() < end:
        ev = events(smtp_dir)
        opened = sum(1 for e in ev if e[1] == "open")
        closed = sum(1 for e in ev if e[1] == "close")
        if opened == closed:
            return True
        time.sleep(0.01)
    return False


class Life:
    """One followupd process; a thread reads its stderr and stamps each line."""

    def __init__(self, cmd, logpath):
        self.lines = []
        self.cond = threading.Condition()
        self.log = open(logpath, "w", encoding="utf-8")
        self.t_start = time.time()
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for raw in self.proc.stderr:
            t = time.time()
            text = raw.decode("utf-8", "replace").rstrip("\n")
            self.log.write("%.6f %s\n" % (t, text))
            with self.cond:
                self.lines.append((t, text))
                self.cond.notify_all()
        with self.cond:
            self.lines.append((time.time(), None))  # end of output
            self.cond.notify_all()

    def wait_line(self, pattern, timeout):
        """The time the first line matching pattern arrived, or None."""
        end = time.time() + timeout
        with self.cond:
            while True:
                for t, text in self.lines:
                    if text is None:
                        return None
                    if pattern.search(text):
                        return t
                left = end - time.time()
                if left <= 0:
                    return None
                self.cond.wait(left)

    def sleep_until(self, when):
        """Sleeps until `when`; False if the process ended meanwhile."""
        while True:
            if self.proc.poll() is not None:
                return False
            left = when - time.time()
            if left <= 0:
                return True
            time.sleep(min(left, 0.005))

    def kill(self):
        t = time.time()
        alive = self.proc.poll() is None
        if alive:
            os.kill(self.proc.pid, signal.SIGKILL)
        rc = self.proc.wait()
        self.reader.join()
        self.log.close()
        return t, alive, rc

    def text(self):
        return [text for _, text in self.lines if text is not None]


def imap_total(port):
    """Messages on the server, all folders."""
    m = imaplib.IMAP4("127.0.0.1", port)
    m.login(USER, PASSWORD)
    total = 0
    for folder in ("INBOX", "Sent"):
        typ, data = m.select('"%s"' % folder, readonly=True)
        if typ == "OK":
            total += int(data[0])
    m.logout()
    return total


def describe_session(ev, t_start, t_kill, mid):
    """What the SMTP server was doing with mid at the kill: None when no
    connection of this life was for it, else a description."""
    sessions = {}
    for t, what, session, detail in ev:
        sessions.setdefault(session, []).append((t, what, detail))
    ours = None
    for session, evs in sessions.items():
        if evs[0][1] != "open" or evs[0][0] < t_start - 0.01 or evs[0][0] > t_kill:
            continue
        mids = {d.split(" ")[0] for _, what, d in evs if what in ("data", "stored")}
        if mid in mids or not mids:
            ours = evs          # the last connection of this life for it
    if ours is None:
        return None
    before = [e for e in ours if e[0] <= t_kill]
    after = [e[1] for e in ours if e[0] > t_kill]
    return "server: '%s' %.0f ms before the kill%s" % (
        before[-1][1], (t_kill - before[-1][0]) * 1000,
        ", then " + ", ".join(after) if after else "")


# ---------------------------------------------------------------- run

def cmd_run(ctx, args):
    lives = []
    try:
        return kill_loop(ctx, lives)
    finally:
        # An error in the driver never leaves a followupd behind.
        for life in lives:
            if life.proc.poll() is None:
                life.proc.kill()
                life.proc.wait()


def kill_loop(ctx, lives):
    out = ctx["out"]
    now = rfc3339_epoch(ctx["now"])
    seed, n_kills = ctx["seed"], ctx["kills"]
    rng = random.Random(seed)
    expected = load_json(ctx["expected"])
    acks_wave1 = sum(1 for f in expected["fresh"] if f["wave"] == 1)
    wave2_at = rng.uniform(0.35, 0.6)   # fraction of wave 1's acks sent
    plan_quota = {1: rng.randint(2, 3), 2: rng.randint(2, 3)}
    wave = 1
    acks_upto = {1: acks_wave1, 2: len(expected["fresh"])}
    server_total = imap_total(ctx["imap_port"])
    cmd = [os.path.join(ctx["bin"], "followupd"), "-c", ctx["conf"], "--now", ctx["now"],
           "--log-level", "debug"]
    kills = []
    exits = []
    print("# seed %d: %d kills, wave 2 after %.0f%% of wave 1's acknowledgements are sent"
          % (seed, n_kills, wave2_at * 100), flush=True)
    # A life that filed and sent nothing was killed before its first
    # commit: on a loaded machine (tests side by side) that can happen
    # every time, and the loop would never reach planning or sending.
    # The offsets then stretch until lives make progress again.
    stretch = 1.0
    for k in range(1, n_kills + 1):
        before = store_state(ctx["db"], now)
        deliv_before = deliveries(ctx["smtp_dir"])
        planned = len(before["outbox"]) >= acks_upto[wave]
        synced = before["locations"] >= server_total
        if not synced:
            target, offset = "sync", rng.uniform(0.2, 3.0) * stretch
        elif not planned and plan_quota[wave] > 0:
            target, offset = "planning", 60.0
        else:
            target, offset = "sending", rng.uniform(0.2, 2.5) * stretch
        # While the wave's acknowledgements are not queued, the planning
        # transaction is a moment of its own: after the line that says it
        # began, within the time it takes to queue two thirds of them.
        to_queue = acks_upto[wave] - len(before["outbox"])
        plan_offset = (rng.uniform(0.0, to_queue * PLAN_S_PER_INQUIRY * 2 / 3)
                       if not planned and plan_quota[wave] > 0 else None)
        life = Life(cmd, os.path.join(out, "life-%02d.log" % k))
        lives.append(life)
        # Offsets count from the login, not from exec: on a loaded machine
        # (tests side by side) start-up alone can take seconds, and a kill
        # before the store exists tests nothing.
        t_up = life.wait_line(LOGGED_IN, 60)
        anchor = t_up if t_up is not None else life.t_start
        deadline = anchor + offset
        if plan_offset is not None:
            t_queued = life.wait_line(PLANNING, deadline - time.time())
            if t_queued is not None and t_queued + plan_offset < deadline:
                target, offset = "planning", plan_offset
                deadline = t_queued + plan_offset
                plan_quota[wave] -= 1
        life.sleep_until(deadline)
        t_kill, alive, rc = life.kill()
        if not alive:
            exits.append({"life": k, "rc": rc, "log": life.text()[-5:]})
        settled = settle_smtp(ctx["smtp_dir"])
        after = store_state(ctx["db"], now)
        deliv_after = deliveries(ctx["smtp_dir"])
        ev = events(ctx["smtp_dir"])

        sending = [(i, r) for i, r in after["outbox"].items() if r["state"] == "sending"]
        pending = [i for i, r in after["outbox"].items() if r["state"] == "pending"]
        new_rows = len(after["outbox"]) - len(before["outbox"])
        sent_life = sum(1 for i, r in after["outbox"].items() if r["state"] == "sent"
                        and before["outbox"].get(i, {}).get("state") != "sent")
        queued_lines = sum(1 for text in life.text() if QUEUED.search(text))
        entry = {"kill": k, "target": target, "offset_ms": round(offset * 1000),
                 "at_s": round(t_kill - life.t_start, 3), "alive": alive,
                 "smtp_settled": settled, "integrity": after["integrity"],
                 "filed": after["locations"] - before["locations"],
                 "sent": sent_life, "wave": wave}
        work_left = target == "sync" or any(r["state"] != "sent"
                                            for r in before["outbox"].values())
        if work_left and entry["filed"] == 0 and sent_life == 0 and new_rows == 0:
            stretch = min(stretch * 1.5, 6.0)
        else:
            stretch = max(1.0, stretch / 1.5)
        carried = [i for i, r in sending if before["outbox"].get(i) == r]
        if carried:
            # Killed before it recovered what the last kill left 'sending':
            # this life did not touch the message.
            entry["what"] = "restart"
            entry["carried"] = True
            entry["detail"] = "killed before the recovery of row %s" % carried[0]
        elif sending:
            row_id, row = sending[0]
            taken = deliv_after.get(row["mid"], 0) - deliv_before.get(row["mid"], 0)
            entry["row"] = row_id
            entry["mid"] = row["mid"]
            entry["sending_rows"] = len(sending)
            desc = describe_session(ev, life.t_start, t_kill, row["mid"])
            if taken > 0:
                entry["what"] = "sending-taken"
                t_stored = max(e[0] for e in ev if e[1] == "stored" and
                               e[3].split(" ")[0] == row["mid"])
                t_replied = [e[0] for e in ev if e[1] == "replied" and e[3] == row["mid"]
                             and e[0] >= t_stored]
                if t_replied and t_replied[0] <= t_kill:
                    entry["taken"] = "after its 250"
                elif t_stored <= t_kill:
                    entry["taken"] = "stored, before its 250"
                else:
                    entry["taken"] = "whole message sent, stored after the kill"
            elif desc is None:
                entry["what"] = "sending-claimed"
            else:
                entry["what"] = "sending-before-250"
            entry["detail"] = "<%s> %s" % (row["mid"], desc or "claimed, no connection yet")
        elif after["locations"] < server_total:
            entry["what"] = "sync"
            entry["detail"] = "%d of %d messages filed, %d in this life" % (
                after["locations"], server_total, entry["filed"])
        elif after["undecided"] > 0:
            entry["what"] = "planning"
            entry["detail"] = ("%d inquiries undecided; %d 'queued' lines logged, %d rows "
                               "committed" % (after["undecided"], queued_lines, new_rows))
        elif pending and not any(e[1] == "open" and e[0] >= life.t_start for e in ev):
            entry["what"] = "before-sending"
            entry["detail"] = "%d pending, no SMTP connection yet in this life" % len(pending)
        elif pending:
            entry["what"] = "between-sends"
            entry["detail"] = "%d pending" % len(pending)
        else:
            entry["what"] = "idle"
            entry["detail"] = "nothing pending"
        kills.append(entry)
        print("# kill %2d at %6.3f s (%s +%d ms): %s: %s; %d filed, %d sent in this life"
              % (k, entry["at_s"], "queued" if target == "planning" else "start",
                 entry["offset_ms"], entry["what"], entry["detail"], entry["filed"], sent_life),
              flush=True)

        sent_wave1 = sum(1 for r in after["outbox"].values() if r["state"] == "sent")
        if wave == 1 and (sent_wave1 >= wave2_at * acks_wave1 or k >= n_kills - 18):
            subprocess.run([sys.executable, os.path.join(ctx["tools"], "imaptool.py"),
                            "--port", str(ctx["imap_port"]), "load",
                            os.path.join(ctx["mailbox"], "wave2", "manifest.json")], check=True)
            wave = 2
            server_total = imap_total(ctx["imap_port"])
            print("# wave 2 appended after kill %d: %d messages on the server" % (k, server_total),
                  flush=True)
            kills[-1]["wave2_after"] = True
    report = {"seed": seed, "kills": kills, "exits": exits, "server_total": server_total}
    save_json(os.path.join(out, "report.json"), report)
    return 0


# ---------------------------------------------------------------- collect

def imap_messages(port):
    """Every message on the server: folder -> (uidvalidity, {uid: Message-ID})."""
    m = imaplib.IMAP4("127.0.0.1", port)
    m.login(USER, PASSWORD)
    out = {}
    for folder in ("INBOX", "Sent"):
        typ, data = m.select('"%s"' % folder, readonly=True)
        if typ != "OK":
            continue
        typ, data = m.response("UIDVALIDITY")
        uidvalidity = int(data[0])
        uids = {}
        typ, data = m.uid("FETCH", "1:*", "(UID BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])")
        for item in data:
            if not isinstance(item, tuple):
                continue
            uid = int(re.search(rb"UID (\d+)", item[0]).group(1))
            mid = re.search(rb"<([^>]*)>", item[1])
            uids[uid] = mid.group(1).decode() if mid else ""
        out[folder] = {"uidvalidity": uidvalidity, "uids": uids}
    m.logout()
    return out


def cli_json(ctx, *argv):
    p = subprocess.run([os.path.join(ctx["bin"], "followup"), "-c", ctx["conf"]] + list(argv)
                       + ["--json"], capture_output=True, check=True)
    return json.loads(p.stdout)


def cmd_collect(ctx, args):
    facts = {"server": imap_messages(ctx["imap_port"])}
    con = sqlite3.connect("file:%s?mode=ro" % ctx["db"], uri=True)
    facts["integrity"] = [r[0] for r in con.execute("PRAGMA integrity_check")]
    facts["foreign_keys"] = [list(r) for r in con.execute("PRAGMA foreign_key_check")]
    facts["locations"] = [list(r) for r in con.execute(
        "SELECT f.name, l.uidvalidity, l.uid, m.message_id FROM locations l "
        "JOIN folders f ON f.id = l.folder_id JOIN messages m ON m.id = l.message")]
    facts["messages"] = [list(r) for r in con.execute(
        "SELECT message_id, kind, thread_id FROM messages")]
    facts["decisions"] = [list(r) for r in con.execute(
        "SELECT m.message_id, d.verdict FROM ack_decisions d JOIN messages m ON m.id = d.message "
        "WHERE d.rule = ?", (RULE,))]
    facts["outbox_sql"] = [list(r) for r in con.execute(
        "SELECT id, kind, state, attempts, message_id, regarding, recipient, thread_id FROM outbox")]
    con.close()
    facts["outbox"] = cli_json(ctx, "outbox", "--all")
    facts["customers"] = cli_json(ctx, "customers")
    facts["stats"] = cli_json(ctx, "stats")
    dl = []
    for path in sorted(glob.glob(os.path.join(ctx["smtp_dir"], "*.json"))):
        env = load_json(path)
        with open(path[:-5] + ".eml", "rb") as f:
            head = f.read().split(b"\r\n\r\n", 1)[0].decode("utf-8", "replace")
        irt = re.search(r"^In-Reply-To:\s*<([^>]*)>", head, re.M | re.I)
        env["in_reply_to"] = irt.group(1) if irt else None
        env["file"] = os.path.basename(path)
        dl.append(env)
    facts["deliveries"] = dl
    facts["logs"] = {}
    for path in sorted(glob.glob(os.path.join(ctx["out"], "*.log"))):
        with open(path, encoding="utf-8", errors="replace") as f:
            facts["logs"][os.path.basename(path)] = f.read().splitlines()
    save_json(os.path.join(ctx["out"], "facts.json"), facts)
    return 0


# ---------------------------------------------------------------- verify

def fail(lines):
    for line in lines[:40]:
        print(line)
    if len(lines) > 40:
        print("... %d more" % (len(lines) - 40))
    return 1


def window_kills(report):
    """Message-ID -> kills that left it taken by the server but not recorded as sent."""
    out = {}
    for k in report["kills"]:
        if k.get("what") == "sending-taken":
            out[k["mid"]] = out.get(k["mid"], 0) + 1
    return out


def check_kills(ctx, report, facts, expected):
    kills = report["kills"]
    bad = ["life %d ended by itself with status %s before its kill: %s" % (e["life"], e["rc"],
           e["log"]) for e in report["exits"]]
    if len(kills) != ctx["kills"]:
        bad.append("%d kills, not %d" % (len(kills), ctx["kills"]))
    bad += ["kill %d: the SMTP server still had a connection open 10 s later" % k["kill"]
            for k in kills if not k["smtp_settled"]]
    whats = {k["what"] for k in kills}
    for need in ("sync", "planning", "sending-before-250"):
        if need not in whats:
            bad.append("no kill landed in %s" % need)
    return fail(bad) if bad else 0


def check_integrity_each(ctx, report, facts, expected):
    bad = ["kill %d: integrity_check says %s" % (k["kill"], k["integrity"])
           for k in report["kills"] if k["integrity"] != "ok"]
    return fail(bad) if bad else 0


def check_integrity(ctx, report, facts, expected):
    bad = []
    if facts["integrity"] != ["ok"]:
        bad.append("integrity_check: %s" % facts["integrity"])
    if facts["foreign_keys"]:
        bad.append("foreign_key_check: %s" % facts["foreign_keys"][:10])
    return fail(bad) if bad else 0


def check_server_in_store(ctx, report, facts, expected):
    bad = []
    server = facts["server"]
    loc = {}
    for folder, uidvalidity, uid, mid in facts["locations"]:
        loc.setdefault((folder, uidvalidity, uid), []).append(mid)
    n_server = 0
    for folder, f in server.items():
        for uid, mid in f["uids"].items():
            n_server += 1
            got = loc.get((folder, f["uidvalidity"], int(uid)), [])
            if got != [mid]:
                bad.append("%s UID %s <%s>: in the store %d times (%s)" % (folder, uid, mid,
                           len(got), got))
    n_loc = sum(len(v) for v in loc.values())
    if n_loc != n_server:
        bad.append("%d locations in the store, %d messages on the server" % (n_loc, n_server))
    server_mids = [mid for f in server.values() for mid in f["uids"].values()]
    if len(set(server_mids)) != len(server_mids):
        bad.append("the server holds duplicate Message-IDs: the test's mailbox is wrong")
    stored = [m[0] for m in facts["messages"] if m[1] != "ack"]
    if sorted(stored) != sorted(server_mids):
        missing = set(server_mids) - set(stored)
        extra = set(stored) - set(server_mids)
        bad.append("Message-IDs: %d on the server, %d in the store; missing %s; extra %s" % (
            len(server_mids), len(stored), sorted(missing)[:5], sorted(extra)[:5]))
    want = expected["messages"]["1"] + expected["messages"]["2"]
    if n_server != want:
        bad.append("%d messages on the server, the generator made %d" % (n_server, want))
    return fail(bad) if bad else 0


def check_cli_counts(ctx, report, facts, expected):
    bad = []
    n_server = sum(len(f["uids"]) for f in facts["server"].values())
    sent_acks = sum(1 for r in facts["outbox"] if r["kind"] == "ack" and r["state"] == "sent")
    internal = sum(1 for m in facts["messages"] if m[1] == "internal")
    total = sum(c["messages"] for c in facts["customers"])
    if total != n_server + sent_acks - internal:
        bad.append("followup customers: %d messages, want %d on the server + %d acknowledgements"
                   " - %d internal (no customer)" % (total, n_server, sent_acks, internal))
    st = facts["stats"][0]
    if st["messages"] != n_server + sent_acks:
        bad.append("followup stats: %d messages, want %d" % (st["messages"], n_server + sent_acks))
    if st["kinds"].get("ack", 0) != sent_acks:
        bad.append("followup stats: %d of kind ack, %d sent" % (st["kinds"].get("ack", 0), sent_acks))
    for f in st["folders"]:
        s = facts["server"].get(f["folder"])
        if s is None or f["messages"] != len(s["uids"]) or f["last_uid"] != max(map(int, s["uids"])):
            bad.append("followup stats: folder %s: %s" % (f["folder"], f))
    return fail(bad) if bad else 0


def check_acks_queued(ctx, report, facts, expected):
    bad = []
    rows = {}
    for r in facts["outbox"]:
        rows.setdefault(r["regarding"], []).append(r)
    fresh = {f["inquiry"]: f for f in expected["fresh"]}
    for mid, f in fresh.items():
        got = rows.get(mid, [])
        if len(got) != 1:
            bad.append("inquiry <%s>: %d outbox rows" % (mid, len(got)))
            continue
        r = got[0]
        if r["kind"] != "ack" or r["state"] != "sent" or r["recipient"] != f["recipient"]:
            bad.append("inquiry <%s>: %s %s to %s (want a sent ack to %s)" % (
                mid, r["kind"], r["state"], r["recipient"], f["recipient"]))
    for mid, rs in rows.items():
        if mid not in fresh:
            bad.append("an outbox row for <%s>, which is no fresh inquiry: %s" % (mid, rs[0]["kind"]))
    decided = {mid: v for mid, v in facts["decisions"]}
    for mid in fresh:
        if decided.get(mid) != "sent":
            bad.append("inquiry <%s>: decision %r" % (mid, decided.get(mid)))
    for mid in expected["no_ack"]:
        if decided.get(mid, "none") == "sent":
            bad.append("<%s> must get no acknowledgement, decided 'sent'" % mid)
    return fail(bad) if bad else 0


def check_acks_delivered(ctx, report, facts, expected):
    bad = []
    by_mid = {}
    for d in facts["deliveries"]:
        by_mid.setdefault(d["message_id"], []).append(d)
    for r in facts["outbox"]:
        if r["kind"] != "ack":
            continue
        got = by_mid.get(r["message_id"], [])
        if not got:
            bad.append("ack <%s> for <%s> never reached the server" % (r["message_id"], r["regarding"]))
        for d in got:
            if d["rcpt_tos"] != [r["recipient"]] or d["mail_from"] not in ("", "<>") or \
                    d["in_reply_to"] != r["regarding"]:
                bad.append("ack <%s>: delivered to %s from <%s> in reply to <%s>; want %s, <>, <%s>"
                           % (r["message_id"], d["rcpt_tos"], d["mail_from"], d["in_reply_to"],
                              r["recipient"], r["regarding"]))
    return fail(bad) if bad else 0


def check_duplicates(ctx, report, facts, expected):
    """Copies per Message-ID = 1 + the kills after the server took it."""
    bad = []
    window = window_kills(report)
    copies = {}
    for d in facts["deliveries"]:
        copies[d["message_id"]] = copies.get(d["message_id"], 0) + 1
    outbox_mids = {r["message_id"] for r in facts["outbox"]}
    for mid, n in copies.items():
        if mid not in outbox_mids:
            bad.append("<%s> delivered %d times, but it is in no outbox row" % (mid, n))
        elif n != 1 + window.get(mid, 0):
            bad.append("<%s> delivered %d times; kills after the server took it: %d" % (
                mid, n, window.get(mid, 0)))
    for mid, n in window.items():
        if copies.get(mid, 0) != 1 + n:
            bad.append("<%s>: %d kills after the server took it, %d copies" % (
                mid, n, copies.get(mid, 0)))
    return fail(bad) if bad else 0


def check_attempts(ctx, report, facts, expected):
    """Each claim is one attempt: a row has 1 + the kills that caught it 'sending'."""
    bad = []
    caught = {}
    for k in report["kills"]:
        if k.get("row") is not None:
            caught[str(k["row"])] = caught.get(str(k["row"]), 0) + 1
        if k.get("sending_rows", 1) != 1:
            bad.append("kill %d left %d rows 'sending' (one is sent at a time)" % (
                k["kill"], k["sending_rows"]))
    for r in facts["outbox"]:
        want = 1 + caught.get(str(r["id"]), 0)
        if r["attempts"] != want:
            bad.append("row %s <%s>: %d attempts, want %d" % (r["id"], r["message_id"],
                       r["attempts"], want))
    return fail(bad) if bad else 0


def check_recovery_logged(ctx, report, facts, expected):
    """A send a kill interrupted is announced by the next start, with its Message-ID."""
    bad = []
    kills = report["kills"]
    for k in kills:
        if k.get("mid") is None:
            continue
        # The next life that went as far as the recovery.
        later = [j["kill"] for j in kills[k["kill"]:] if not j.get("carried")]
        nxt = "life-%02d.log" % later[0] if later else "final.log"
        lines = facts["logs"].get(nxt, [])
        got = [RECOVERED.search(line).group(1) for line in lines if RECOVERED.search(line)]
        if got != [k["mid"]]:
            bad.append("kill %d left <%s> 'sending'; %s says %s" % (k["kill"], k["mid"], nxt, got))
    return fail(bad) if bad else 0


def check_outbox_settled(ctx, report, facts, expected):
    bad = ["row %s <%s>: %s (%s)" % (r["id"], r["message_id"], r["state"], r.get("last_error"))
           for r in facts["outbox"] if r["state"] != "sent"]
    return fail(bad) if bad else 0


def check_acks_on_timeline(ctx, report, facts, expected):
    """Each sent acknowledgement is filed once, as kind ack, on its inquiry's thread."""
    bad = []
    msgs = {}
    for mid, kind, thread in facts["messages"]:
        msgs[mid] = (kind, thread)
    acks_filed = [mid for mid, (kind, _) in msgs.items() if kind == "ack"]
    sent = {r["message_id"]: r for r in facts["outbox"] if r["state"] == "sent"}
    if sorted(acks_filed) != sorted(sent):
        bad.append("%d acknowledgements filed, %d sent" % (len(acks_filed), len(sent)))
    for mid, r in sent.items():
        if mid not in msgs or r["regarding"] not in msgs:
            bad.append("<%s> or its inquiry <%s> is not in the store" % (mid, r["regarding"]))
        elif msgs[mid][1] != msgs[r["regarding"]][1]:
            bad.append("<%s> is on thread %s, its inquiry on %s" % (mid, msgs[mid][1],
                       msgs[r["regarding"]][1]))
    return fail(bad) if bad else 0


def check_logs_clean(ctx, report, facts, expected):
    """No life logged an error or a warning but the announced recovery."""
    bad = []
    for name, lines in sorted(facts["logs"].items()):
        for line in lines:
            text = line.split(" ", 1)[1] if name != "final.log" else line
            # followupd's stderr is not the journal here: its level words.
            if re.match(r"(error|warning): ", text) and not RECOVERED.search(text):
                bad.append("%s: %s" % (name, text))
    return fail(bad) if bad else 0


CHECKS = {
    "logs-clean": check_logs_clean,
    "kills": check_kills,
    "integrity-each": check_integrity_each,
    "integrity": check_integrity,
    "server-in-store": check_server_in_store,
    "cli-counts": check_cli_counts,
    "acks-queued": check_acks_queued,
    "acks-delivered": check_acks_delivered,
    "duplicates": check_duplicates,
    "attempts": check_attempts,
    "recovery-logged": check_recovery_logged,
    "outbox-settled": check_outbox_settled,
    "acks-on-timeline": check_acks_on_timeline,
}


def cmd_verify(ctx, args):
    report = load_json(os.path.join(ctx["out"], "report.json"))
    facts = load_json(os.path.join(ctx["out"], "facts.json"))
    expected = load_json(ctx["expected"])
    return CHECKS[args.check](ctx, report, facts, expected)


def cmd_summary(ctx, args):
    """The figures of the run, for the TAP output."""
    report = load_json(os.path.join(ctx["out"], "report.json"))
    facts = load_json(os.path.join(ctx["out"], "facts.json"))
    whats = {}
    for k in report["kills"]:
        whats[k["what"]] = whats.get(k["what"], 0) + 1
    taken = {}
    for k in report["kills"]:
        if k["what"] == "sending-taken":
            taken[k["taken"]] = taken.get(k["taken"], 0) + 1
    copies = len(facts["deliveries"])
    unique = len({d["message_id"] for d in facts["deliveries"]})
    n_server = sum(len(f["uids"]) for f in facts["server"].values())
    print("seed %d: %d messages on the server, %d acknowledgements sent, %d copies delivered: "
          "%d second copies, from %d kills after the server took the message (%s)" % (
              report["seed"], n_server, unique, copies, copies - unique, sum(taken.values()),
              ", ".join("%s %d" % kv for kv in sorted(taken.items())) or "none"))
    print("kills: " + ", ".join("%s %d" % kv for kv in sorted(whats.items())))
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("command", choices=["run", "collect", "verify", "summary"])
    ap.add_argument("check", nargs="?", choices=sorted(CHECKS))
    ap.add_argument("--context", required=True)
    args = ap.parse_args()
    ctx = load_json(args.context)
    return {"run": cmd_run, "collect": cmd_collect, "verify": cmd_verify,
            "summary": cmd_summary}[args.command](ctx, args)


if __name__ == "__main__":
    sys.exit(main())
