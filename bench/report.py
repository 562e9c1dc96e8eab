#!/usr/bin/python3
"""The table, the ratios and docs/BENCHMARKS.md's generated part, from the
files bench/run.sh leaves in its work directory:

  report.py WORKDIR BENCHMARKS.md|-

WORKDIR/runs: "LABEL WALL USER SYS MAXRSS_KB" a run (several runs of a label
  are reduced to the median of each column);
WORKDIR/poll.json: one object a poll run (bench/tcp_count.py's figures summed
  over the run's connections, plus the process's wall time);
WORKDIR/gen.json: bench/gen_mailbox.py's summary;
WORKDIR/size.json: store, zstd and search index bytes;
WORKDIR/store.json: bench/store.sh's rows, when it ran;
WORKDIR/facts: "KEY VALUE" lines (N, runs, machine, versions, wall time).
With "-" it prints only; else it also rewrites the part of the file between
the markers (appending them when the file has none).
"""
import json
import os
import statistics
import sys

BEGIN = "<!-- bench:begin (written by bench/run.sh; edit outside these markers) -->"
END = "<!-- bench:end -->"


def load(work):
    runs = {}
    for line in open(os.path.join(work, "runs")):
        w = line.split()
        runs.setdefault(w[0], []).append([float(x) for x in w[1:5]])
    med = {k: [statistics.median(col) for col in zip(*v)] + [len(v)] for k, v in runs.items()}
    facts = {}
    for line in open(os.path.join(work, "facts")):
        k, _, v = line.rstrip("\n").partition(" ")
        facts[k] = v

    def js(name):
        p = os.path.join(work, name)
        return json.load(open(p)) if os.path.exists(p) else None
    polls = [json.loads(l) for l in open(os.path.join(work, "poll.json"))] \
        if os.path.exists(os.path.join(work, "poll.json")) else []
    return med, facts, js("gen.json"), js("size.json"), js("store.json"), polls


def fmt_int(x):
    return "{:,}".format(int(round(x)))


def main():
    work, out = sys.argv[1], sys.argv[2]
    med, facts, gen, size, store, polls = load(work)
    n = int(facts["N"])
    lines = []
    goals = []   # (goal, measured, met)

    def goal(what, measured, text, met):
        goals.append((what, measured, text, met))

    lines.append("| run | what it does | wall s | CPU s (user+sys) | msg/s | peak RSS | runs |")
    lines.append("|---|---|---:|---:|---:|---:|---:|")
    what = {"followupd-sync": "first sync, IMAP → store (fetch, parse, classify, thread, index)",
            "mbsync-sync": "IMAP → Maildir (fetch, write)",
            "followup-reparse": "parse, classify, thread, index the store's raw mail",
            "notmuch-new": "parse + index mbsync's Maildir (GMime, Xapian)",
            "mu-index": "parse + index mbsync's Maildir (GMime, Xapian)"}
    for label in ["followupd-sync", "mbsync-sync", "followup-reparse", "notmuch-new", "mu-index"]:
        if label not in med:
            continue
        wall, user, sys_, rss, k = med[label]
        lines.append("| %s | %s | %.2f | %.2f | %s | %.1f MB | %d |" % (
            label, what[label], wall, user + sys_, fmt_int(n / wall) if wall else "-", rss / 1024, k))

    def ratio(a, b):
        return med[a][0] / med[b][0] if a in med and b in med and med[b][0] else None

    r = ratio("followupd-sync", "mbsync-sync")
    if r is not None:
        goal("first sync time ÷ mbsync's", "%.2f×" % r, "≤ 1.0", r <= 1.0)
    for peer, need in (("notmuch-new", 3.0), ("mu-index", 2.0)):
        r = ratio(peer, "followup-reparse")   # throughput ratio = peer's time ÷ ours
        if r is not None:
            goal("reparse throughput ÷ %s's" % peer.split("-")[0], "%.2f×" % r, "≥ %g" % need, r >= need)
    if "followupd-sync" in med:
        rss = med["followupd-sync"][3] / 1024
        goal("followupd peak RSS, first sync", "%.1f MB" % rss, "< 64 MB", rss < 64)

    if polls:
        def pm(key):
            vals = [p[key] for p in polls if p.get(key) is not None]
            return statistics.median(vals) if vals else None
        lines.append("")
        lines.append("Idle poll of the unchanged mailbox (a second `followupd --once`, %d runs, median):" % len(polls))
        lines.append("")
        lines.append("| measured | whole run | after the login |")
        lines.append("|---|---:|---:|")
        lines.append("| time: process (start to exit) | %.1f ms | |" % (pm("process_ms")))
        after_ms = pm("ms_after_login")
        lines.append("| time: IMAP connections (accept to close) | %.1f ms | %s |" % (
            pm("conn_ms"), "%.1f ms" % after_ms if after_ms is not None else "-"))
        after_b = pm("bytes_after_login")
        lines.append("| bytes exchanged (both ways) | %s | %s |" % (
            fmt_int(pm("bytes")), fmt_int(after_b) if after_b is not None else "-"))
        lines.append("| connections | %d | |" % pm("connections"))
        goal("idle poll time (connections, accept to close)", "%.1f ms" % pm("conn_ms"), "< 50 ms",
             pm("conn_ms") < 50)
        goal("idle poll bytes exchanged", "%s B" % fmt_int(pm("bytes")), "< 10 KB", pm("bytes") < 10240)

    if size:
        denom = size["zstd_bytes"] + size["search_index_bytes"]
        r = size["store_bytes"] / denom
        lines.append("")
        lines.append("Store size: %.1f MB (file and WAL after the first sync); each message compressed alone "
                     "with `zstd -3`: %.1f MB; the search index (dbstat): %.1f MB; raw mail: %.1f MB." % (
                         size["store_bytes"] / 1e6, size["zstd_bytes"] / 1e6,
                         size["search_index_bytes"] / 1e6, size["raw_bytes"] / 1e6))
        goal("store ÷ (zstd -3 of each message + search index)", "%.2f×" % r, "≤ 1.2", r <= 1.2)

    if store:
        lines.append("")
        lines.append("The store (bench/store.sh: %s messages written straight into SQLite, "
                     "each CLI job timed over many runs):" % fmt_int(float(facts.get("STORE_N") or 0)))
        lines.append("")
        lines.append("| job | runs | p50 ms | p99 ms | peak RSS | goal | met |")
        lines.append("|---|---:|---:|---:|---:|---|---|")
        for row in store:
            p99 = row.get("p99_ms")
            lines.append("| %s | %s | %.1f | %s | %.1f MB | %s | %s |" % (
                row["job"], row.get("runs", "-"), row["p50_ms"], "-" if p99 is None else "%.1f" % p99,
                (row.get("peak_rss_kb") or 0) / 1024, row.get("goal") or "-",
                "-" if row.get("met") is None else ("met" if row["met"] else "NOT met")))
            has_goal = row.get("goal") and row.get("met") is not None and "no goal" not in row["goal"]
            if has_goal:
                goal("store: " + row["job"], "p99 %.1f ms" % p99 if p99 is not None else "p50 %.1f ms" % row["p50_ms"],
                     row["goal"], bool(row.get("met")))
            if row.get("peak_rss_kb") is not None and not (has_goal and "RSS" in row["goal"]):
                goal("store: %s peak RSS" % row["job"], "%.1f MB" % (row["peak_rss_kb"] / 1024), "< 64 MB",
                     row["peak_rss_kb"] < 64 * 1024)
    elif facts.get("store") == "missing":
        lines.append("")
        lines.append("The million-message store: not measured (bench/store.sh is not in this tree).")

    lines.append("")
    lines.append("| goal | measured | target | |")
    lines.append("|---|---:|---|---|")
    for what_, measured, target, met in goals:
        lines.append("| %s | %s | %s | %s |" % (what_, measured, target, "met" if met else "**NOT met**"))

    table = "\n".join(lines)
    print(table)
    print("\nharness wall time: %s s" % facts.get("harness_seconds", "?"))
    if out == "-":
        return

    mk = []
    mk.append("Run of %s UTC, N = %s messages, %s; harness wall time %s s. "
              "Figures are wall seconds; CPU is user+sys of the process and its children "
              "(`/usr/bin/time`)." % (facts["date"], fmt_int(n),
                                       "median of %s runs" % facts["runs"] if int(facts["runs"]) > 1 else "one run each",
                                       facts.get("harness_seconds", "?")))
    mk.append("")
    mk.append("Machine: %s cores (%s), %s RAM, Linux %s, Debian %s. Versions: followup %s, Dovecot %s, "
              "%s, notmuch %s, mu %s, SQLite %s, %s." % (
                  facts["nproc"], facts["cpu"], facts["ram"], facts["kernel"], facts["debian"],
                  facts["followup"], facts["dovecot"], facts["mbsync"], facts["notmuch"], facts["mu"],
                  facts["sqlite"], facts["zstd"]))
    if facts.get("load"):
        mk.append("Load average when the run started: %s." % facts["load"])
    mk.append("")
    if gen:
        s = gen["share"]
        mk.append("The mailbox (bench/gen_mailbox.py): %s messages (INBOX %s, Sent %s), %.0f MB, %.1f KB a "
                  "message on average; %.0f%% with an HTML alternative, %.0f%% with attachments "
                  "(%d pdf, %d xlsx, %d jpg, %d KB on average), %.0f%% Chinese text; "
                  "inquiries %.0f%%, quotes %.0f%%, replies %.0f%%, orders %.0f%%, order confirmations %.0f%%, "
                  "follow-ups %.0f%%, auto-replies %.1f%%, bounces %.1f%%, newsletters %.1f%%. "
                  "Charsets: %s. Transfer encodings: %s. Generated in %.0f s." % (
                      fmt_int(gen["messages"]), fmt_int(gen["INBOX"]), fmt_int(gen["Sent"]),
                      gen["bytes"] / 1e6, gen["avg_kb"], s["html"], s["attachment"],
                      gen["attachments"]["pdf"], gen["attachments"]["xlsx"], gen["attachments"]["jpg"],
                      gen["attachments"]["avg_kb"], s["chinese"], s["inquiry"], s["quote"], s["reply"],
                      s["order"], s["confirm"], s["followup"], s["autoreply"], s["bounce"], s["newsletter"],
                      ", ".join("%s %s" % kv for kv in gen["charsets"].items()),
                      ", ".join("%s %s" % kv for kv in gen["transfer_encodings"].items()), gen["seconds"]))
        mk.append("")
    mk.append(table)
    mk.append("")
    mk.append("Reproduce: `make -j2 && make bench N=%d%s`." % (
        n, " STORE_N=%s" % facts["STORE_N"] if facts.get("STORE_N") else ""))
    generated = "\n".join(mk)

    try:
        doc = open(out, encoding="utf-8").read()
    except FileNotFoundError:
        doc = "# Benchmarks\n\n"
    if BEGIN in doc and END in doc:
        head, rest = doc.split(BEGIN, 1)
        tail = rest.split(END, 1)[1]
    else:
        head, tail = doc.rstrip("\n") + "\n\n", "\n"
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(head + BEGIN + "\n" + generated + "\n" + END + tail)
    os.replace(tmp, out)
    print("bench: wrote %s" % out)


if __name__ == "__main__":
    main()
