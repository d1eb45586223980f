-- Counters and roads each deploy the latest model of their own; every model saved before roads had one was for counters.
ALTER TABLE models ADD COLUMN subjects TEXT NOT NULL DEFAULT 'counters' CHECK (subjects IN ('counters', 'roads'));
