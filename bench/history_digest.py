#!/usr/bin/env python3
"""Prints a digest of a generated history: per table its row count and a SHA-256 of its rows,
then one digest of them all.

Two generations with the same arguments, hall days and SWIFT_DETERMINISTIC_HASHING=1 give the
same digest whatever the generator's batching: rows are compared sorted, not in rowid order,
and the two things a run draws from the system's randomness are left out: ticket ids (UUIDv7,
random after the millisecond) are replaced by the ticket's number (hall day, prefix,
sequence), and evaluation codes' hashes are dropped. Event ids are kept: the log's order is
part of what the daemon reads.

Usage: bench/history_digest.py DATABASE
"""
import hashlib
import sqlite3
import sys

TICKET_COLUMNS = {"ticket_id", "current_ticket_id"}
DROPPED = {("ticket", "evaluation_code_hash")}


def main():
    db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    numbers = {
        row[0]: f"{row[1]}/{row[2]}{row[3]}"
        for row in db.execute("SELECT id, hall_day, prefix, sequence FROM ticket")
    }
    tables = [
        row[0]
        for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    ]
    total = hashlib.sha256()
    for table in tables:
        columns = [row[1] for row in db.execute(f'PRAGMA table_info("{table}")')]
        keep = [c for c in columns if (table, c) not in DROPPED]
        mapped = {c for c in keep if c in TICKET_COLUMNS or (table == "ticket" and c == "id")}
        select = ", ".join(f'"{c}"' for c in keep)
        rows = []
        for row in db.execute(f'SELECT {select} FROM "{table}"'):
            values = [numbers.get(v, v) if c in mapped else v for c, v in zip(keep, row)]
            rows.append(repr(values))
        rows.sort()
        digest = hashlib.sha256("\n".join(rows).encode()).hexdigest()
        total.update(f"{table} {len(rows)} {digest}\n".encode())
        print(f"{table:22} {len(rows):>10} {digest[:16]}")
    print(f"history digest {total.hexdigest()}")


if __name__ == "__main__":
    main()
