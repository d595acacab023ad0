-- Sign-ups by random residents (token pool) for random published offers:
--   POST /api/v1/offers/<id>/signups  {}
-- 201 (accepted, pending or waitlisted) and 409 (already signed up) are both normal answers.
-- Data: tokens.txt, offers.txt.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local tokens, offers

function scenario_init()
  tokens = read_lines("tokens.txt")
  offers = read_lines("offers.txt")
end

function request()
  count_sent("signup")
  return wrk.format("POST", "/api/v1/offers/" .. pick(offers) .. "/signups", {
    ["Authorization"] = "Bearer " .. pick(tokens),
    ["Content-Type"] = "application/json",
  }, "{}")
end
