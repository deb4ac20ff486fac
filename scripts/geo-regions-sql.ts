/** Prints the iso_regions data migration, generated from the normaliser (see app/modules/geo/migration-sql.ts). */
import { isoRegionsMigrationSql } from "../app/modules/geo/migration-sql.ts";

process.stdout.write(isoRegionsMigrationSql());
