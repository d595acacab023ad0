DROP INDEX signups_resident_active;
