CREATE TABLE user_roles_old (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('resident', 'worker', 'admin')),
    granted_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, role)
);
INSERT INTO user_roles_old (user_id, role, granted_at)
    SELECT user_id, role, granted_at FROM user_roles WHERE role <> 'monitor';
DROP TABLE user_roles;
ALTER TABLE user_roles_old RENAME TO user_roles;
