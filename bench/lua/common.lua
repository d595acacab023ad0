-- Shared by every scenario under bench/lua/ (loaded with dofile by each of them):
--   * every wrk thread gets its own random seed (without one, LuaJIT starts each thread's
--     math.random at the same state and all threads send the same requests);
--   * every answer's status is counted per thread in response();
--   * done() adds up the threads and prints machine-readable lines that bench/load.sh reads:
--       RESULT requests=… duration_us=… rps=… p50_us=… p90_us=… p99_us=… max_us=…
--       STATUS 200=1234 201=56 409=7
--       ERRORS connect=0 read=0 write=0 timeout=0 status=7
--       SENT list=900 detail=50 …          (what the scenario asked for, when it says)
--       INFO keyspace=… …                  (scenario facts, the largest value over the threads)
-- A scenario defines request() and may define scenario_init(opts); opts come from the
-- command line after `--` as key=value pairs (e.g. `-- phase=warmup`). Data files (one value a
-- line) are read from the directory in the BENCH_DATA environment variable.

local threads = {}

local function entropy()
  local f = io.open("/dev/urandom", "rb")
  if f then
    local bytes = f:read(4)
    f:close()
    if bytes and #bytes == 4 then
      local n = 0
      for i = 1, 4 do n = n * 256 + bytes:byte(i) end
      return n
    end
  end
  return os.time()
end

-- BENCH_SEED makes a run repeatable; otherwise every run draws fresh seeds.
local base_seed = tonumber(os.getenv("BENCH_SEED") or "") or entropy()

-- Runs in wrk's main Lua state once per thread, before that thread's init().
function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_index", #threads)
  thread:set("thread_seed", (base_seed + #threads * 7919) % 2147483647)
end

-- Thread state.
counts = {}
sent = {}
info = {}
opts = {}

function read_lines(name)
  local dir = os.getenv("BENCH_DATA") or "."
  local path = dir .. "/" .. name
  local f = assert(io.open(path, "r"), "cannot read " .. path)
  local lines = {}
  for line in f:lines() do
    if line ~= "" then lines[#lines + 1] = line end
  end
  f:close()
  assert(#lines > 0, path .. " is empty")
  return lines
end

function pick(list)
  return list[math.random(#list)]
end

function count_sent(kind)
  sent[kind] = (sent[kind] or 0) + 1
end

json_headers = { ["Content-Type"] = "application/json" }

function init(args)
  for _, arg in ipairs(args) do
    local key, value = arg:match("^([%w_]+)=(.*)$")
    if key then opts[key] = value end
  end
  -- Warm-up and measured run differ in their seeds even under BENCH_SEED.
  local phase = tonumber(opts.phase_number or "0") or 0
  math.randomseed((thread_seed or 1) + phase * 1000003)
  -- LuaJIT's first draws after seeding are weakly mixed: throw a few away.
  for _ = 1, 10 do math.random() end
  if scenario_init then scenario_init(opts) end
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

local function add_into(total, part, combine)
  for key, value in pairs(part or {}) do
    total[key] = total[key] and combine(total[key], value) or value
  end
end

local function sorted_pairs_line(tag, tbl)
  local keys = {}
  for key in pairs(tbl) do keys[#keys + 1] = key end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  local parts = { tag }
  for _, key in ipairs(keys) do parts[#parts + 1] = tostring(key) .. "=" .. tostring(tbl[key]) end
  return table.concat(parts, " ")
end

function done(summary, latency, requests)
  local all_counts, all_sent, all_info = {}, {}, {}
  local sum = function(a, b) return a + b end
  local max = function(a, b) return math.max(a, b) end
  for _, thread in ipairs(threads) do
    add_into(all_counts, thread:get("counts"), sum)
    add_into(all_sent, thread:get("sent"), sum)
    add_into(all_info, thread:get("info"), max)
  end
  local counted = 0
  for _, n in pairs(all_counts) do counted = counted + n end
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d counted=%d duration_us=%d rps=%.2f p50_us=%d p90_us=%d p99_us=%d max_us=%d\n",
    summary.requests, counted, summary.duration,
    seconds > 0 and summary.requests / seconds or 0,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
  io.write(sorted_pairs_line("STATUS", all_counts), "\n")
  local e = summary.errors
  io.write(string.format("ERRORS connect=%d read=%d write=%d timeout=%d status=%d\n",
    e.connect, e.read, e.write, e.timeout, e.status))
  if next(all_sent) then io.write(sorted_pairs_line("SENT", all_sent), "\n") end
  if next(all_info) then io.write(sorted_pairs_line("INFO", all_info), "\n") end
end
