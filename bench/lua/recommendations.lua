-- Recommendations of a signed-in resident, a random one of the token pool per request:
--   GET /api/v1/me/recommendations   Authorization: Bearer <access token>
-- Data: tokens.txt (access tokens from POST /api/v1/auth/login, made by bench/load.sh).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local tokens

function scenario_init()
  tokens = read_lines("tokens.txt")
end

function request()
  count_sent("recommendations")
  return wrk.format("GET", "/api/v1/me/recommendations",
    { ["Authorization"] = "Bearer " .. pick(tokens) })
end
