-- A mixed day: per request, 90 % the offer list of a random district, 5 % one random offer
-- (anonymous detail), 4 % recommendations of a random signed-in resident, 1 % a sign-up of a
-- random resident for a random offer. Data: districts.txt, offers.txt, tokens.txt.
-- The SENT line says how many of each were sent (wrk cannot tell which answer belongs to which).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local districts, offers, tokens

function scenario_init()
  districts = read_lines("districts.txt")
  offers = read_lines("offers.txt")
  tokens = read_lines("tokens.txt")
end

function request()
  local roll = math.random(100)
  if roll <= 90 then
    count_sent("list")
    return wrk.format("GET", "/api/v1/offers?district=" .. pick(districts) .. "&limit=20")
  elseif roll <= 95 then
    count_sent("detail")
    return wrk.format("GET", "/api/v1/offers/" .. pick(offers))
  elseif roll <= 99 then
    count_sent("recommendations")
    return wrk.format("GET", "/api/v1/me/recommendations",
      { ["Authorization"] = "Bearer " .. pick(tokens) })
  else
    count_sent("signup")
    return wrk.format("POST", "/api/v1/offers/" .. pick(offers) .. "/signups", {
      ["Authorization"] = "Bearer " .. pick(tokens),
      ["Content-Type"] = "application/json",
    }, "{}")
  end
end
