/**
 * Prints a data migration generated from the normaliser (see app/modules/geo/migration-sql.ts): the
 * iso_regions one by default, the event_contest_states one with --event-contest-states.
 */
import { eventContestStatesMigrationSql, isoRegionsMigrationSql } from "../app/modules/geo/migration-sql.ts";

process.stdout.write(process.argv.includes("--event-contest-states") ? eventContestStatesMigrationSql() : isoRegionsMigrationSql());
