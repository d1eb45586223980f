-- A zone's line balance as the live loop left it (LiveOccupancy); a null balance: the counters not integrated yet;
-- counted: each line sensor's latest count in the balance (LineBalanceState.CountedText).
CREATE TABLE zone_balances (
    zone_id                 text             PRIMARY KEY,
    balance                 double precision,
    integrated_utc_ticks    bigint           NOT NULL,
    last_crossing_utc_ticks bigint           NOT NULL,
    counted                 text             NOT NULL
);
