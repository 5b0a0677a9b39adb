#!/usr/bin/env bash
# What SQLite alone needs for the yield rebuild's reads and writes (issue 13): no CrmAlliance code runs.
#
#   bash sqlite_rebuild_floor.sh SEEDED.db [wal|off]
#
# Reads: the placements with their candidates' target groups and their outcomes, the two queries the rebuild's facts
# come from, each as one query over the whole file (read-only).
# Writes: the seeded file's read-model tables copied into a new file of their own in ONE transaction, rows first
# (the cells in the period index's order), indexes built afterwards — the fastest SQLite can write that model, with
# no other writer to leave room for. "wal" (default) as the Api's database runs; "off" with no journal and no syncs.
set -euo pipefail
seeded=$(realpath "$1")
journal=${2:-wal}
target=/tmp/sqlite-rebuild-floor.db
rm -f "$target" "$target-wal" "$target-shm"
if [ "$journal" = off ]; then pragmas="PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"; else pragmas="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"; fi

echo "== reads (whole file, one query each)"
sqlite3 "file:$seeded?mode=ro" <<SQL
.timer on
SELECT count(*) AS placements FROM Placements p JOIN Candidates c ON p.CandidateId = c.Id WHERE p.ActualStart IS NOT NULL AND length(c.TargetGroup) > 0;
SELECT count(*) AS outcomes FROM Placements p JOIN Outcomes o ON p.Id = o.PlacementId WHERE p.ActualStart IS NOT NULL;
SQL

echo "== writes (one transaction into $target, journal $journal)"
start=$(date +%s%N)
sqlite3 "$target" <<SQL
.output /dev/null
$pragmas
.output stdout
ATTACH 'file:$seeded?mode=ro' AS src;
BEGIN;
CREATE TABLE YieldCells AS SELECT * FROM src.YieldCells WHERE 0;
CREATE TABLE YieldPlacementFacts AS SELECT * FROM src.YieldPlacementFacts WHERE 0;
CREATE TABLE YieldVacancyFacts AS SELECT * FROM src.YieldVacancyFacts WHERE 0;
CREATE TABLE YieldContactFacts AS SELECT * FROM src.YieldContactFacts WHERE 0;
INSERT INTO YieldCells SELECT * FROM src.YieldCells ORDER BY Grain, PeriodStart, OfferKind, TargetGroup, CompanyId;
INSERT INTO YieldPlacementFacts SELECT * FROM src.YieldPlacementFacts;
INSERT INTO YieldVacancyFacts SELECT * FROM src.YieldVacancyFacts;
INSERT INTO YieldContactFacts SELECT * FROM src.YieldContactFacts;
CREATE UNIQUE INDEX cells_key ON YieldCells (CompanyId, Grain, PeriodStart, OfferKind, TargetGroup);
CREATE INDEX cells_period ON YieldCells (Grain, PeriodStart, OfferKind, TargetGroup, CompanyId);
CREATE UNIQUE INDEX placements_key ON YieldPlacementFacts (PlacementId);
CREATE INDEX placements_ended ON YieldPlacementFacts (CompanyId, EndedOn);
CREATE INDEX placements_started ON YieldPlacementFacts (CompanyId, StartedOn);
CREATE INDEX placements_ended_on ON YieldPlacementFacts (EndedOn);
CREATE UNIQUE INDEX vacancies_key ON YieldVacancyFacts (VacancyId);
CREATE INDEX vacancies_posted ON YieldVacancyFacts (CompanyId, PostedOn);
CREATE UNIQUE INDEX contacts_key ON YieldContactFacts (ContactLogId);
COMMIT;
.output /dev/null
PRAGMA wal_checkpoint(TRUNCATE);
SQL
end=$(date +%s%N)
echo "written in $(( (end - start) / 1000000 )) ms; file $(($(stat -c %s "$target") / 1000000)) MB"
rm -f "$target" "$target-wal" "$target-shm"
