-- Planned notifications are kept here until sent, keyed by their delivery id; a sender claims due rows for a lease
-- (claimed_by, lease_utc_ticks) with FOR UPDATE SKIP LOCKED, and settles them (delivered or abandoned). Settled rows
-- stay, so that the same delivery id enqueued again is recognised. The partial index holds only the rows still to send.
CREATE TABLE notification_outbox (
    delivery_id         text             PRIMARY KEY,
    alert_key           text             NOT NULL,
    rule_id             text             NOT NULL,
    subject             text             NOT NULL,
    contact             text             NOT NULL,
    kind                integer          NOT NULL,
    reason              integer          NOT NULL,
    planned_utc_ticks   bigint           NOT NULL,
    value               double precision,
    enqueued_utc_ticks  bigint           NOT NULL,
    due_utc_ticks       bigint           NOT NULL,
    claims              integer          NOT NULL DEFAULT 0 CHECK (claims >= 0),
    claimed_by          text,
    lease_utc_ticks     bigint,
    delivered_utc_ticks bigint,
    abandoned_utc_ticks bigint,
    last_error          text,
    CHECK ((claimed_by IS NULL) = (lease_utc_ticks IS NULL))
);

CREATE INDEX notification_outbox_due ON notification_outbox (due_utc_ticks)
    WHERE delivered_utc_ticks IS NULL AND abandoned_utc_ticks IS NULL;

-- The ledger names the delivery id of each delivery; NULL for deliveries recorded before ids existed. Adding a
-- nullable column rewrites no row, so the append-only trigger is not involved.
ALTER TABLE notification_deliveries ADD COLUMN delivery_id text;
