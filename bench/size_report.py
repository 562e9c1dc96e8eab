#!/usr/bin/env python3
"""size_report.py STORE MAILDIR: where the bytes of a store go (SQLite's
dbstat, per table with its indexes, the search index's shadow tables
together), against the raw mail of MAILDIR (*.eml) compressed message by
message with `zstd -3`, and the goal of issue 12: store <= 1.2 x (that +
the search index)."""
import glob, os, sqlite3, subprocess, sys, tempfile

store, maildir = sys.argv[1], sys.argv[2]
db = sqlite3.connect("file:%s?mode=ro" % store, uri=True)
owner = {name: tbl for name, tbl in db.execute("SELECT name, tbl_name FROM sqlite_master")}
pages = {}
for name, size in db.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"):
    tbl = owner.get(name, name)
    if tbl.startswith("search"):
        tbl = "search (FTS5)"
    elif name.startswith("sqlite_autoindex_"):
        tbl = name[len("sqlite_autoindex_"):].rsplit("_", 1)[0]
    pages[tbl] = pages.get(tbl, 0) + size
page_size = db.execute("PRAGMA page_size").fetchone()[0]
page_count = db.execute("PRAGMA page_count").fetchone()[0]
free = db.execute("PRAGMA freelist_count").fetchone()[0]
file_size = os.path.getsize(store)

with tempfile.TemporaryDirectory() as tmp:
    subprocess.run(["zstd", "-q", "-3", "-r", maildir, "--output-dir-flat", tmp,
                    "--exclude-compressed"], check=True)
    zsum = sum(os.path.getsize(os.path.join(tmp, f)) for f in os.listdir(tmp) if f.endswith(".eml.zst"))
raw_sum = sum(os.path.getsize(f) for f in glob.glob(os.path.join(maildir, "*.eml")))
n, stored, raw_bytes = db.execute("SELECT count(*), sum(length(data)), sum(size) FROM raw_messages").fetchone()
by_comp = db.execute("SELECT compression, count(*), sum(length(data)), sum(size) FROM raw_messages "
                     "GROUP BY compression").fetchall()
cols = ["body_text", "body_new", "snippet", "subject", "subject_norm", "to_addrs", "cc_addrs", "facts"]
colsz = db.execute("SELECT " + ", ".join("sum(length(CAST(%s AS BLOB)))" % c for c in cols) +
                   " FROM messages").fetchone()

MB = 1048576.0
print("store file %.2f MB (%d pages of %d, %d free), %d raw messages" %
      (file_size / MB, page_count, page_size, free, n))
print("raw mail %.2f MB; each message alone with zstd -3: %.2f MB" % (raw_sum / MB, zsum / MB))
for comp, k, s, r in by_comp:
    print("  raw_messages.data as %-12s %6d rows, %.2f MB (of %.2f MB raw)" % (comp, k, s / MB, r / MB))
print("%-22s %10s %7s" % ("table (+ its indexes)", "MB", "share"))
for tbl, size in sorted(pages.items(), key=lambda kv: -kv[1]):
    print("%-22s %10.2f %6.1f%%" % (tbl, size / MB, 100.0 * size / file_size))
print("messages' text columns (bytes of the values, inside the messages table):")
for c, s in zip(cols, colsz):
    print("  %-14s %8.2f MB" % (c, (s or 0) / MB))
search = pages.get("search (FTS5)", 0)
print("ratio store / zstd-3 raw: %.3f" % (file_size / zsum))
print("ratio store / (zstd-3 raw + search index): %.3f  (goal <= 1.2)" % (file_size / (zsum + search)))
