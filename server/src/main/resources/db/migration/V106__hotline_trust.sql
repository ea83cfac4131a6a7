-- The hotline's trust (issue 22, ADR 0022). Portable SQL: H2 2.x and PostgreSQL 15.

-- Wrong PINs are counted per number AND the address the call came from, and back a pair off for a while instead of
-- locking the number: a caller forging the leader's number from elsewhere cannot shut the leader out of the trunk.
-- A right PIN from the pair, or an admin's unlock, deletes its row.
CREATE TABLE hotline_pin_failure (
    number_id     BIGINT      NOT NULL REFERENCES hotline_number (id) ON DELETE CASCADE,
    address       VARCHAR(64) NOT NULL,
    failures      INTEGER     NOT NULL,
    blocked_until TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (number_id, address)
);

-- A desk phone or softphone that calls the hotline directly proves itself with SIP digest (RFC 2617/7616, MD5 as
-- phones speak it): HA1 = MD5(number:realm:password) is kept, never the password. NULL: calls via the trunk, PIN only.
ALTER TABLE hotline_number ADD COLUMN sip_ha1 VARCHAR(32);

-- hotline_number.locked and .failures stay: a number locked under the old rule stays locked until an admin unlocks it
-- (the safe reading of a past attack); PIN failures no longer set them.
