-- A tamper-evident audit log (issue 22, ADR 0020): each row carries the hash of the previous row of its unit and its
-- own, so an edited, inserted or deleted row breaks the chain where it stands. Rows written before this version have
-- no hash and are not checked. Writers of one unit take turns on one of 64 lock rows (by the unit path's hash), so
-- two servers cannot both chain onto the same previous row.
ALTER TABLE audit ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE audit ADD COLUMN row_hash VARCHAR(64);
CREATE INDEX audit_unit_chain ON audit (unit_path, id);
CREATE TABLE audit_chain_lock (
    stripe INTEGER NOT NULL PRIMARY KEY
);
INSERT INTO audit_chain_lock (stripe) VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13),
    (14), (15), (16), (17), (18), (19), (20), (21), (22), (23), (24), (25), (26), (27), (28), (29), (30), (31), (32),
    (33), (34), (35), (36), (37), (38), (39), (40), (41), (42), (43), (44), (45), (46), (47), (48), (49), (50), (51),
    (52), (53), (54), (55), (56), (57), (58), (59), (60), (61), (62), (63);
