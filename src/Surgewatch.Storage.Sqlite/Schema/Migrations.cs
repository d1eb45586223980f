namespace Surgewatch.Storage.Sqlite.Schema;

/// <summary>One forward step of the schema. Steps are never edited once released; a change is a new step.</summary>
/// <param name="Version">The version the database has after this step.</param>
/// <param name="Description">What the step does, recorded in <c>schema_version</c>.</param>
/// <param name="Sql">The statements, run in one transaction.</param>
internal sealed record Migration(int Version, string Description, string Sql);

/// <summary>The schema's history, oldest first. The last entry's version is the one this build writes.</summary>
internal static class Migrations
{
    /// <summary>Marks a file as a Surgewatch store (<c>PRAGMA application_id</c>, "SWCH").</summary>
    public const int ApplicationId = 0x53574348;

    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "sensors, readings, forecasts, alert events, ingest log", V1),
        new(2, "api keys", V2),
        new(3, "zones", V3),
        new(4, "alert snapshots, notification deliveries, silences, audit log", V4),
        new(5, "models", V5),
        new(6, "remove implausible readings; withhold non-finite alert values", V6),
        new(7, "api keys: last use and revocation", V7),
        new(8, "models: surge rule and validation figures", V8),
        new(9, "silences: ids never reused", V9),
        new(10, "models: what they forecast and warn about (counters or roads)", V10),
        new(11, "road graph", V11),
        new(12, "zone line balances", V12),
        new(13, "notification outbox; delivery ids in the ledger", V13),
        new(14, "zone densities (the forecast rules' local trend)", V14),
        new(15, "zone revision (zone lists kept until the zones change)", V15),
    ];

    public static int Latest => All[^1].Version;

    // Labels are seconds since the label 1970-01-01T00:00 (naive local time); instants are UTC ticks.
    // Readings name their sensor by an integer key so that a row costs a few bytes, not the id text.
    private const string V1 = """
        CREATE TABLE sensors (
            key          INTEGER PRIMARY KEY,
            id           TEXT    NOT NULL UNIQUE,
            name         TEXT    NOT NULL,
            latitude     REAL,
            longitude    REAL,
            kind         INTEGER NOT NULL,
            step_seconds INTEGER NOT NULL CHECK (step_seconds > 0),
            CHECK ((latitude IS NULL) = (longitude IS NULL))
        );

        CREATE TABLE readings (
            sensor INTEGER NOT NULL REFERENCES sensors (key),
            label  INTEGER NOT NULL,
            value  REAL    NOT NULL,
            PRIMARY KEY (sensor, label)
        ) WITHOUT ROWID;

        CREATE TABLE forecasts (
            id        INTEGER PRIMARY KEY,
            sensor    INTEGER NOT NULL REFERENCES sensors (key),
            model     TEXT    NOT NULL,
            issued_at INTEGER NOT NULL,
            target    INTEGER NOT NULL,
            mean      REAL,
            UNIQUE (sensor, model, issued_at, target)
        );

        CREATE TABLE forecast_intervals (
            forecast INTEGER NOT NULL REFERENCES forecasts (id) ON DELETE CASCADE,
            level    REAL    NOT NULL CHECK (level > 0 AND level < 1),
            lower    REAL,
            upper    REAL,
            PRIMARY KEY (forecast, level)
        ) WITHOUT ROWID;

        CREATE TABLE alert_events (
            seq          INTEGER PRIMARY KEY,
            alert_key    TEXT    NOT NULL,
            rule_id      TEXT    NOT NULL,
            subject      TEXT    NOT NULL,
            state        INTEGER NOT NULL,
            at_utc_ticks INTEGER NOT NULL,
            value        REAL,
            actor        TEXT,
            note         TEXT
        );

        CREATE INDEX alert_events_by_time ON alert_events (at_utc_ticks);
        CREATE INDEX alert_events_by_key ON alert_events (alert_key, at_utc_ticks);

        -- The alert history doubles as an audit log: rows are appended, never changed.
        CREATE TRIGGER alert_events_no_update BEFORE UPDATE ON alert_events
        BEGIN SELECT RAISE(ABORT, 'alert_events is append-only'); END;
        CREATE TRIGGER alert_events_no_delete BEFORE DELETE ON alert_events
        BEGIN SELECT RAISE(ABORT, 'alert_events is append-only'); END;

        CREATE TABLE ingest_log (
            id            INTEGER PRIMARY KEY,
            at_utc_ticks  INTEGER NOT NULL,
            received      INTEGER NOT NULL,
            written       INTEGER NOT NULL,
            sensors       INTEGER NOT NULL,
            first_label   INTEGER,
            last_label    INTEGER
        );
        """;

    // Only the SHA-256 of a key's secret is kept; the id is the public part of the key, used to find the row.
    private const string V2 = """
        CREATE TABLE api_keys (
            id                   TEXT    PRIMARY KEY,
            name                 TEXT    NOT NULL,
            role                 INTEGER NOT NULL CHECK (role BETWEEN 1 AND 3),
            secret_sha256        BLOB    NOT NULL CHECK (length(secret_sha256) = 32),
            created_at_utc_ticks INTEGER NOT NULL
        ) WITHOUT ROWID;
        """;

    // A zone's outline and sources are small JSON documents; levels are columns so they can be queried and checked.
    private const string V3 = """
        CREATE TABLE zones (
            id               TEXT    PRIMARY KEY,
            name             TEXT    NOT NULL,
            rings_json       TEXT    NOT NULL,
            area_m2          REAL    NOT NULL CHECK (area_m2 > 0),
            width_m          REAL    CHECK (width_m IS NULL OR width_m > 0),
            capacity         INTEGER CHECK (capacity IS NULL OR capacity > 0),
            density_warning  REAL    NOT NULL,
            density_alarm    REAL    NOT NULL,
            density_critical REAL    NOT NULL,
            flow_warning     REAL    NOT NULL,
            flow_alarm       REAL    NOT NULL,
            flow_critical    REAL    NOT NULL,
            sources_json     TEXT    NOT NULL
        ) WITHOUT ROWID;
        """;

    // Alert snapshots are the monitor's state (replaced as a whole each step); deliveries and the audit log are
    // append-only like alert_events. Silences hold one-off (from/until) or recurring (time zone, local start/end) rows.
    private const string V4 = """
        CREATE TABLE alert_snapshots (
            alert_key             TEXT    PRIMARY KEY,
            rule_id               TEXT    NOT NULL,
            subject               TEXT    NOT NULL,
            state                 INTEGER NOT NULL,
            since_utc_ticks       INTEGER NOT NULL,
            last_seen_utc_ticks   INTEGER NOT NULL,
            last_value            REAL,
            ack_actor             TEXT,
            ack_utc_ticks         INTEGER,
            firing_before_no_data INTEGER NOT NULL,
            told_kind             INTEGER,
            told_utc_ticks        INTEGER,
            episode_utc_ticks     INTEGER,
            steps_reached         INTEGER NOT NULL,
            owed                  INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE notification_deliveries (
            seq          INTEGER PRIMARY KEY,
            alert_key    TEXT    NOT NULL,
            rule_id      TEXT    NOT NULL,
            subject      TEXT    NOT NULL,
            contact      TEXT    NOT NULL,
            kind         INTEGER NOT NULL,
            reason       INTEGER NOT NULL,
            planned_utc_ticks INTEGER NOT NULL,
            value        REAL,
            channel      TEXT    NOT NULL,
            at_utc_ticks INTEGER NOT NULL,
            delivered    INTEGER NOT NULL,
            attempts     INTEGER NOT NULL,
            error        TEXT
        );

        CREATE INDEX notification_deliveries_by_time ON notification_deliveries (at_utc_ticks);
        CREATE TRIGGER notification_deliveries_no_update BEFORE UPDATE ON notification_deliveries
        BEGIN SELECT RAISE(ABORT, 'notification_deliveries is append-only'); END;
        CREATE TRIGGER notification_deliveries_no_delete BEFORE DELETE ON notification_deliveries
        BEGIN SELECT RAISE(ABORT, 'notification_deliveries is append-only'); END;

        CREATE TABLE silences (
            id                 INTEGER PRIMARY KEY,
            rule_id            TEXT,
            subject            TEXT,
            from_utc_ticks     INTEGER,
            until_utc_ticks    INTEGER,
            time_zone          TEXT,
            start_local_ticks  INTEGER,
            end_local_ticks    INTEGER,
            created_by         TEXT    NOT NULL,
            comment            TEXT    NOT NULL,
            created_utc_ticks  INTEGER NOT NULL,
            CHECK ((from_utc_ticks IS NULL) <> (time_zone IS NULL))
        );

        CREATE TABLE audit_log (
            seq          INTEGER PRIMARY KEY,
            at_utc_ticks INTEGER NOT NULL,
            actor        TEXT    NOT NULL,
            action       TEXT    NOT NULL,
            target       TEXT    NOT NULL,
            detail       TEXT
        );

        CREATE INDEX audit_log_by_time ON audit_log (at_utc_ticks);
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        """;

    // A fitted model: its feature description (JSON), training window (labels), step, sensors (JSON array of ids) and
    // its state (booster bytes and interval calibration), so that forecasts can be made later without fitting again.
    private const string V5 = """
        CREATE TABLE models (
            id                   INTEGER PRIMARY KEY,
            name                 TEXT    NOT NULL,
            version              TEXT    NOT NULL,
            created_at_utc_ticks INTEGER NOT NULL,
            features             TEXT    NOT NULL,
            train_from           INTEGER NOT NULL,
            train_to             INTEGER NOT NULL CHECK (train_to >= train_from),
            step_seconds         INTEGER NOT NULL CHECK (step_seconds > 0),
            sensors              TEXT    NOT NULL,
            state                BLOB    NOT NULL
        );

        CREATE INDEX models_by_name ON models (name, id);
        """;

    // Earlier versions accepted any finite reading, so a value such as 1e308 could be stored; sums over it overflowed
    // to infinity and every view that wrote them failed. Readings no sensor can give (counts above ten million or
    // negative, speeds above 400 or negative: Core's PlausibleValues) are removed, forecasts made from them with
    // them, and alert values past any plausible density, flow or count are withheld (NULL) with a note saying so.
    // The append-only triggers are dropped for this one correction and made again as they were.
    private const string V6 = """
        DELETE FROM readings
        WHERE value < 0 OR value > 10000000
           OR (value > 400 AND sensor IN (SELECT key FROM sensors WHERE kind = 2));

        DELETE FROM forecasts
        WHERE abs(mean) > 1e12
           OR id IN (SELECT forecast FROM forecast_intervals WHERE abs(lower) > 1e12 OR abs(upper) > 1e12);

        DROP TRIGGER alert_events_no_update;
        UPDATE alert_events
        SET value = NULL, note = coalesce(note || '; ', '') || 'value withheld: not a plausible number (schema 6)'
        WHERE abs(value) > 1e12;
        CREATE TRIGGER alert_events_no_update BEFORE UPDATE ON alert_events
        BEGIN SELECT RAISE(ABORT, 'alert_events is append-only'); END;

        DROP TRIGGER notification_deliveries_no_update;
        UPDATE notification_deliveries SET value = NULL WHERE abs(value) > 1e12;
        CREATE TRIGGER notification_deliveries_no_update BEFORE UPDATE ON notification_deliveries
        BEGIN SELECT RAISE(ABORT, 'notification_deliveries is append-only'); END;

        UPDATE alert_snapshots SET last_value = NULL WHERE abs(last_value) > 1e12;
        """;

    // A key is revoked by stamping it, not deleting it, so the list still shows who had access and until when.
    private const string V7 = """
        ALTER TABLE api_keys ADD COLUMN last_used_at_utc_ticks INTEGER;
        ALTER TABLE api_keys ADD COLUMN revoked_at_utc_ticks INTEGER;
        """;

    // The surge rule is deployed with the model it was calibrated with; the figures describe both on held-out weeks.
    private const string V8 = """
        ALTER TABLE models ADD COLUMN surge_rule BLOB;
        ALTER TABLE models ADD COLUMN validation TEXT;
        """;

    // A silence id is named in the audit log and in operators' notes: it must never come back for another silence,
    // which a plain INTEGER PRIMARY KEY does after the newest one is deleted. AUTOINCREMENT keeps the highest id ever
    // given in sqlite_sequence; the copy seeds it with the ids given so far.
    private const string V9 = """
        CREATE TABLE silences_v9 (
            id                 INTEGER PRIMARY KEY AUTOINCREMENT,
            rule_id            TEXT,
            subject            TEXT,
            from_utc_ticks     INTEGER,
            until_utc_ticks    INTEGER,
            time_zone          TEXT,
            start_local_ticks  INTEGER,
            end_local_ticks    INTEGER,
            created_by         TEXT    NOT NULL,
            comment            TEXT    NOT NULL,
            created_utc_ticks  INTEGER NOT NULL,
            CHECK ((from_utc_ticks IS NULL) <> (time_zone IS NULL))
        );
        INSERT INTO silences_v9 SELECT * FROM silences;
        DROP TABLE silences;
        ALTER TABLE silences_v9 RENAME TO silences;
        INSERT INTO sqlite_sequence (name, seq)
            SELECT 'silences', MAX(COALESCE((SELECT MAX(id) FROM silences), 0),
                                  COALESCE((SELECT MAX(CAST(target AS INTEGER)) FROM audit_log WHERE action = 'silence.create'), 0))
            WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'silences');
        UPDATE sqlite_sequence SET seq = MAX(seq, COALESCE((SELECT MAX(CAST(target AS INTEGER)) FROM audit_log WHERE action = 'silence.create'), 0))
            WHERE name = 'silences';
        """;

    // Counters and roads each deploy the latest model of their own; every model saved before roads had one was for counters.
    private const string V10 = """
        ALTER TABLE models ADD COLUMN subjects TEXT NOT NULL DEFAULT 'counters' CHECK (subjects IN ('counters', 'roads'));
        """;

    // The road graph: directed, weighted links between sensors (edges.csv). Sensors are never deleted, so the keys
    // stay valid; the store checks that both sensors exist before it writes an edge.
    private const string V11 = """
        CREATE TABLE road_edges (
            from_sensor INTEGER NOT NULL REFERENCES sensors (key),
            to_sensor   INTEGER NOT NULL REFERENCES sensors (key),
            weight      REAL    NOT NULL CHECK (weight > 0),
            PRIMARY KEY (from_sensor, to_sensor)
        ) WITHOUT ROWID;
        """;

    // A zone's line balance as the live loop left it (LiveOccupancy); null balance: the counters not integrated yet;
    // counted: each line sensor's latest count in the balance (LineBalanceState.CountedText).
    private const string V12 = """
        CREATE TABLE zone_balances (
            zone_id                 TEXT    PRIMARY KEY,
            balance                 REAL,
            integrated_utc_ticks    INTEGER NOT NULL,
            last_crossing_utc_ticks INTEGER NOT NULL,
            counted                 TEXT    NOT NULL
        ) WITHOUT ROWID;
        """;

    // Planned notifications are kept here until sent, keyed by their delivery id; a sender claims due rows for a
    // lease (claimed_by, lease_utc_ticks) and settles them (delivered or abandoned). Settled rows stay, so that the same
    // delivery id enqueued again is recognised. The partial index holds only the rows still to send. The ledger's new
    // column is NULL for deliveries recorded before ids existed.
    private const string V13 = """
        CREATE TABLE notification_outbox (
            delivery_id         TEXT    PRIMARY KEY,
            alert_key           TEXT    NOT NULL,
            rule_id             TEXT    NOT NULL,
            subject             TEXT    NOT NULL,
            contact             TEXT    NOT NULL,
            kind                INTEGER NOT NULL,
            reason              INTEGER NOT NULL,
            planned_utc_ticks   INTEGER NOT NULL,
            value               REAL,
            enqueued_utc_ticks  INTEGER NOT NULL,
            due_utc_ticks       INTEGER NOT NULL,
            claims              INTEGER NOT NULL DEFAULT 0 CHECK (claims >= 0),
            claimed_by          TEXT,
            lease_utc_ticks     INTEGER,
            delivered_utc_ticks INTEGER,
            abandoned_utc_ticks INTEGER,
            last_error          TEXT,
            CHECK ((claimed_by IS NULL) = (lease_utc_ticks IS NULL))
        ) WITHOUT ROWID;

        CREATE INDEX notification_outbox_due ON notification_outbox (due_utc_ticks)
            WHERE delivered_utc_ticks IS NULL AND abandoned_utc_ticks IS NULL;

        ALTER TABLE notification_deliveries ADD COLUMN delivery_id TEXT;
        """;

    // A zone's recent densities as the live loop's zone monitor keeps them (one per minute slot, oldest first, NaN
    // where none): little-endian doubles; last_slot_utc_ticks is the start of the newest slot.
    private const string V14 = """
        CREATE TABLE zone_densities (
            zone_id             TEXT    PRIMARY KEY,
            last_slot_utc_ticks INTEGER NOT NULL,
            densities           BLOB    NOT NULL
        ) WITHOUT ROWID;
        """;

    // A number that grows with every change to the zones (added, replaced or deleted, by any process on this file), so
    // that a server can keep its list of zones and read it again only when it changed (IZoneStore.ZonesRevisionAsync).
    // The triggers bump it in the changing statement's transaction; INSERT OR REPLACE fires the insert trigger.
    private const string V15 = """
        CREATE TABLE zone_revision (
            id       INTEGER PRIMARY KEY CHECK (id = 1),
            revision INTEGER NOT NULL
        );

        INSERT INTO zone_revision (id, revision) VALUES (1, 0);

        CREATE TRIGGER zones_revision_insert AFTER INSERT ON zones BEGIN UPDATE zone_revision SET revision = revision + 1; END;
        CREATE TRIGGER zones_revision_update AFTER UPDATE ON zones BEGIN UPDATE zone_revision SET revision = revision + 1; END;
        CREATE TRIGGER zones_revision_delete AFTER DELETE ON zones BEGIN UPDATE zone_revision SET revision = revision + 1; END;
        """;
}
