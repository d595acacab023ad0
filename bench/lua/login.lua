-- A login flood: random synthetic residents sign in with the shared synthetic password
--   POST /api/v1/auth/login  {"email": …, "password": "synthetic-password-123"}
-- Every request hashes a password (argon2id). Data: emails.txt.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local emails
local password = os.getenv("BENCH_PASSWORD") or "synthetic-password-123"

function scenario_init()
  emails = read_lines("emails.txt")
end

function request()
  count_sent("login")
  return wrk.format("POST", "/api/v1/auth/login", json_headers,
    '{"email":"' .. pick(emails) .. '","password":"' .. password .. '"}')
end
