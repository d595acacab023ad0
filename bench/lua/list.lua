-- The public offer list of a random leaf district (the cached path once warm):
--   GET /api/v1/offers?district=<random district>&limit=20
-- Data: districts.txt (the synthetic world's leaf districts).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local districts

function scenario_init()
  districts = read_lines("districts.txt")
end

function request()
  count_sent("list")
  return wrk.format("GET", "/api/v1/offers?district=" .. pick(districts) .. "&limit=20")
end
