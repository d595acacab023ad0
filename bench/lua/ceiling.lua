-- The ceiling: GET /json on bench/ceiling.rs, a trivial actix-web JSON handler.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

function request()
  count_sent("json")
  return wrk.format("GET", "/json")
end
