-- The monitor role: policy staff and council members, who read the monitor's aggregates only.
ALTER TABLE user_roles DROP CONSTRAINT user_roles_role_check;
ALTER TABLE user_roles ADD CONSTRAINT user_roles_role_check
    CHECK (role IN ('resident', 'worker', 'admin', 'monitor'));
