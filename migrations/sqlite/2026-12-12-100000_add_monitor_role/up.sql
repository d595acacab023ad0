-- The monitor role: policy staff and council members, who read the monitor's aggregates only.
-- SQLite cannot change a CHECK constraint, so the table is made again with the wider one.
CREATE TABLE user_roles_new (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('resident', 'worker', 'admin', 'monitor')),
    granted_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, role)
);
INSERT INTO user_roles_new (user_id, role, granted_at)
    SELECT user_id, role, granted_at FROM user_roles;
DROP TABLE user_roles;
ALTER TABLE user_roles_new RENAME TO user_roles;
