-- The SPEC §9 benchmark's requests for wrk (see Wrk.java, which writes the arguments):
--   wrk -t T -c C -d Ds -s bench.lua URL -- MODE RATE T BASE FILE TRACKDIR TOKEN
-- MODE  noop | tips | watchlist | batch
-- RATE  requests per second offered in all (split over the T threads); each request has its
--       slot on a schedule (open model, as far as C connections allow: a request whose slot has
--       passed goes at once, so a slow server shows as a lower achieved rate, not a slower clock)
-- BASE  first sequence number of this run: tip accounts and unknown watchlist values are unique
--       per request across runs; a tip's phone is its number modulo 10,000,000, so two runs whose
--       bases differ by a multiple of that name the same phones (Wrk.java's steps never do)
-- FILE  watchlist: listed values, one a line; batch: the request body
-- TRACKDIR  tips with BENCH_TRACK=1: each thread appends "tipId receivedAt" of every 202 to TRACKDIR/accepted-N.txt
-- TOKEN bearer token (watchlist, batch)
-- done() prints one line "WRK_RESULT {json}" that Wrk.java reads.

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock, bench_timespec *t);
]]
local clock = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

local next_id = 0
function setup(thread)
  next_id = next_id + 1
  thread:set("id", next_id)
end

local mode, interval, threads, base, token, track
local listed = {}
local body_file
local start, slots, n = nil, 0, 0

function init(args)
  mode = args[1]
  local rate = tonumber(args[2])
  threads = tonumber(args[3])
  base = tonumber(args[4])
  interval = 1000.0 * threads / rate
  token = args[7]
  if mode == "watchlist" then
    for line in io.lines(args[5]) do
      listed[#listed + 1] = line
    end
  elseif mode == "batch" then
    local f = io.open(args[5], "r")
    body_file = f:read("*a")
    f:close()
  elseif mode == "tips" and args[6] ~= nil and args[6] ~= "-" then
    track = io.open(args[6] .. "/accepted-" .. id .. ".txt", "a")
  end
end

function delay()
  local t = now_ms()
  if start == nil then
    start = t
  end
  local due = start + slots * interval
  slots = slots + 1
  if due <= t then
    return 0
  end
  return math.floor(due - t)
end

-- this thread's next sequence number, interleaved with the other threads' (unique in the run)
local function sequence()
  n = n + 1
  return base + (n - 1) * threads + (id - 1)
end

local function iso(seconds_ago)
  return os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - seconds_ago)
end

local function tip(seq)
  return string.format(
    '{"channel": "MOBILE_APP", "location": {"provinceCode": "66"},' ..
    ' "occurredAt": "%s", "scamType": "IMPERSONATION_AUTHORITY",' ..
    ' "description": "Người tự xưng công an gọi điện, yêu cầu chuyển tiền để xác minh",' ..
    ' "amountLostVnd": 15000000,' ..
    ' "transfers": [{"bank": "970422", "accountNumber": "%d", "amountVnd": 15000000, "at": "%s"}],' ..
    ' "scammer": {"phones": ["091%07d"]}}',
    iso(3600), 100000000000 + seq, iso(1800), seq % 10000000)
end

function request()
  if mode == "tips" then
    return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, tip(sequence()))
  elseif mode == "watchlist" then
    local seq = sequence()
    local value
    if seq % 2 == 0 and #listed > 0 then
      value = listed[(seq / 2) % #listed + 1]
    else
      value = "970422:" .. (900000000000 + seq)
    end
    return wrk.format("GET", "/api/v1/watchlist/check?type=BANK_ACCOUNT&value=" ..
      value:gsub(":", "%%3A"), { ["Authorization"] = "Bearer " .. token })
  elseif mode == "batch" then
    return wrk.format("POST", nil, {
      ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body_file)
  end
  return wrk.format("GET", nil, nil, nil)
end

-- Only when tips are followed to the bank (environment BENCH_TRACK=1, read when wrk loads the
-- script, before init): with a response() function wrk reads every body, which costs it CPU.
if os.getenv("BENCH_TRACK") == "1" then
  function response(status, headers, body)
    if track ~= nil and status == 202 then
      local tip_id = body:match('"tipId"%s*:%s*"([0-9a-f%-]+)"')
      local received = body:match('"receivedAt"%s*:%s*"([^"]+)"')
      if tip_id ~= nil and received ~= nil then
        track:write(tip_id, " ", received, "\n")
        track:flush()
      end
    end
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_RESULT {"requests": %d, "durationMicros": %d, "connectErrors": %d, "readErrors": %d,' ..
    ' "writeErrors": %d, "statusErrors": %d, "timeouts": %d, "p50Micros": %d, "p90Micros": %d,' ..
    ' "p99Micros": %d, "maxMicros": %d}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
