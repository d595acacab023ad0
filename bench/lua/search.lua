-- The offer list with a search word, every request a cache miss:
--   GET /api/v1/offers?district=<d>&q=<word>[&kind=<kind>]&limit=<5..50>[&weekday=<1..7>]
--
-- The server caches public list answers by their query string and rejects unknown parameters
-- (422), so a nonce parameter cannot force misses. Instead every request is a different real
-- query: a key in district × word × (no kind | 4 kinds) × limit 5..50 × (no weekday | 1..7),
-- 60 × 24 × 5 × 46 × 8 = 2,649,600 keys in the synthetic world. Keys are visited in a
-- scrambled order (an affine bijection k -> (a·k) mod N with gcd(a, N) = 1), and every wrk
-- thread of every phase (warm-up, measured run) walks its own disjoint slice of the sequence,
-- so no key is asked twice on one server until a slice runs out; INFO wrapped=1 says it did.
-- The words follow the synthetic world's offers (TITLE_WORDS in src/seed/synthetic.rs: every
-- title has one, every description two and "in de buurt"; keep the lists in step): the words
-- themselves, parts and variants of them (tuin, fiets, taal: found only where the search
-- matches parts of words; taalcafe and Koffie: accent and case), and two words that every offer
-- has (aanbod, meedoen). Words go into the URL percent-encoded.
-- Options: phase_number=0|1 (which slice), threads=<wrk -t> (how many slices per phase).
-- Data: districts.txt.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local words = {
  -- TITLE_WORDS of the synthetic seed
  "moestuin", "koken", "fietsen", "taalcaf%C3%A9", "sport", "wandelen", "computerles", "koffie",
  "muziek", "creatief", "buurthuis", "schilderen", "voorlezen", "klussen", "tuinieren", "zingen",
  -- parts and variants of them
  "tuin", "fiets", "taal", "buurt", "taalcafe", "Koffie",
  -- in every synthetic offer
  "aanbod", "meedoen",
}
local kinds = { false, "volunteer_work", "urban_farming", "day_activity", "course" }
local LIMIT_LOW, LIMIT_HIGH = 5, 50
local WEEKDAYS = 8 -- none, 1..7

local districts, keyspace, multiplier, first, span, n

local function gcd(a, b)
  while b ~= 0 do a, b = b, a % b end
  return a
end

function scenario_init(options)
  districts = read_lines("districts.txt")
  local limits = LIMIT_HIGH - LIMIT_LOW + 1
  keyspace = #districts * #words * #kinds * limits * WEEKDAYS
  multiplier = math.floor(keyspace * 0.6180339887)
  while gcd(multiplier, keyspace) ~= 1 do multiplier = multiplier + 1 end
  local thread_count = tonumber(options.threads or "") or 16
  local phase = tonumber(options.phase_number or "0") or 0
  local slices = 2 * thread_count
  span = math.floor(keyspace / slices)
  first = ((phase % 2) * thread_count + (thread_index - 1) % thread_count) * span
  -- Start at a random point of the slice so repeated runs do not ask the same keys.
  n = math.random(0, span - 1)
  info.keyspace = keyspace
  info.slice = span
  info.wrapped = 0
end

local sent_here = 0

function request()
  local key = (multiplier * (first + n)) % keyspace
  n = (n + 1) % span
  sent_here = sent_here + 1
  if sent_here > span then info.wrapped = 1 end
  local district = key % #districts; key = (key - district) / #districts
  local word = key % #words; key = (key - word) / #words
  local kind = key % #kinds; key = (key - kind) / #kinds
  local limits = LIMIT_HIGH - LIMIT_LOW + 1
  local limit = key % limits; key = (key - limit) / limits
  local weekday = key % WEEKDAYS
  local path = "/api/v1/offers?district=" .. districts[district + 1] .. "&q=" .. words[word + 1]
  if kinds[kind + 1] then path = path .. "&kind=" .. kinds[kind + 1] end
  path = path .. "&limit=" .. (LIMIT_LOW + limit)
  if weekday > 0 then path = path .. "&weekday=" .. weekday end
  count_sent("search")
  return wrk.format("GET", path)
end
