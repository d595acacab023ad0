-- A mixed day: per request, 90 % the offer list of a random district, 5 % one random offer
-- (anonymous detail), 4 % recommendations of a random signed-in resident, 1 % a sign-up of a
-- random resident for a random offer. Data: districts.txt, offers.txt, tokens.txt.
-- The SENT line says how many of each were sent (wrk cannot tell which answer belongs to which).
-- Option mix=<list>/<detail>/<recommendations>/<sign-ups> (percentages, default 90/5/4/1) changes
-- the shares, for finding which kind makes the slowest answers: wrk keeps one latency histogram.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local districts, offers, tokens
local list_to, detail_to, recommendations_to = 90, 95, 99

function scenario_init(options)
  districts = read_lines("districts.txt")
  offers = read_lines("offers.txt")
  tokens = read_lines("tokens.txt")
  if options.mix then
    local list, detail, recommendations = options.mix:match("^(%d+)/(%d+)/(%d+)/%d+$")
    assert(list, "mix=<list>/<detail>/<recommendations>/<sign-ups>")
    list_to = tonumber(list)
    detail_to = list_to + tonumber(detail)
    recommendations_to = detail_to + tonumber(recommendations)
  end
end

function request()
  local roll = math.random(100)
  if roll <= list_to then
    count_sent("list")
    return wrk.format("GET", "/api/v1/offers?district=" .. pick(districts) .. "&limit=20")
  elseif roll <= detail_to then
    count_sent("detail")
    return wrk.format("GET", "/api/v1/offers/" .. pick(offers))
  elseif roll <= recommendations_to then
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
