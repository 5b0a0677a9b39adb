#!/usr/bin/env python3
"""How many bytes SQLite itself writes to copy a read-model table in short transactions (issue 13).

Copies one table of a seeded database (read-only) into an empty file with the same definition, a chunk of companies
at a time, each chunk's rows in a given order and in transactions of a given size, copying the write-ahead log into
the database after each transaction, as the aside rebuild does. Prints the time and the bytes this process wrote.
No CrmAlliance code runs: the figures are SQLite's own.

  python3 sqlite_write_amplification.py SEEDED.db YieldCells --order "upper(CompanyId), Grain, PeriodStart, OfferKind, TargetGroup"
  python3 sqlite_write_amplification.py SEEDED.db YieldCells --order "Grain, PeriodStart, OfferKind, TargetGroup, upper(CompanyId)"
  python3 sqlite_write_amplification.py SEEDED.db YieldCells --without-indexes
  python3 sqlite_write_amplification.py SEEDED.db YieldPlacementFacts --order PlacementId
"""
import argparse
import os
import sqlite3
import time


def written_bytes():
    with open("/proc/self/io") as io:
        return next(int(line.split()[1]) for line in io if line.startswith("write_bytes"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("seeded")
    parser.add_argument("table")
    parser.add_argument("--order", default="rowid", help="ORDER BY within a chunk of companies")
    parser.add_argument("--companies-per-chunk", type=int, default=125)
    parser.add_argument("--rows-per-transaction", type=int, default=20_000)
    parser.add_argument("--without-indexes", action="store_true", help="leave the table's own indexes out")
    parser.add_argument("--target", default="/tmp/sqlite-write-amplification.db")
    args = parser.parse_args()

    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(args.target + suffix):
            os.remove(args.target + suffix)
    db = sqlite3.connect(args.target, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "wal_autocheckpoint=0", "cache_size=-16384"):
        db.execute(f"PRAGMA {pragma}")
    db.execute("ATTACH ? AS src", (f"file:{args.seeded}?mode=ro",))
    definitions = db.execute(
        "SELECT type, sql FROM src.sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL ORDER BY type DESC", (args.table,)).fetchall()
    for kind, sql in definitions:
        if kind == "table" or not args.without_indexes:
            db.execute(sql.replace('"IX_', '"copy_IX_'))
    columns = len(db.execute(f'PRAGMA table_info("{args.table}")').fetchall())
    insert = f'INSERT INTO main."{args.table}" VALUES ({",".join("?" * columns)})'
    companies = [row[0] for row in db.execute("SELECT CompanyId FROM src.YieldCompanies ORDER BY upper(CompanyId)")]

    before, started, transactions = written_bytes(), time.time(), 0
    for first in range(0, len(companies), args.companies_per_chunk):
        chunk = companies[first:first + args.companies_per_chunk]
        rows = db.execute(
            f'SELECT * FROM src."{args.table}" WHERE CompanyId IN ({",".join("?" * len(chunk))}) ORDER BY {args.order}', chunk).fetchall()
        for start in range(0, len(rows), args.rows_per_transaction):
            db.execute("BEGIN")
            db.executemany(insert, rows[start:start + args.rows_per_transaction])
            db.execute("COMMIT")
            db.execute("PRAGMA wal_checkpoint(PASSIVE)")
            transactions += 1
    print(f"{args.table}, order {args.order}{', without its indexes' if args.without_indexes else ''}: "
          f"{transactions} transactions, {time.time() - started:.1f} s, {(written_bytes() - before) / 1e9:.2f} GB written, "
          f"file {os.path.getsize(args.target) / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
