-- wrk script for bench/run's tickets figure: every request issues a ticket, as a kiosk does.
-- POST /api/v1/tickets with the kiosk token from ONEWINDOW_BENCH_TOKEN, cycling over a few
-- real service ids, with an Idempotency-Key unique per request (thread number + counter), so
-- that every request makes a new ticket. Counts the answers that are not 201 per thread and
-- reports them from done() as "non-201: N" (and one "status S: N" line per other status),
-- and the 99th percentile latency as "p99_us: N".

local token = os.getenv("ONEWINDOW_BENCH_TOKEN")
if token == nil or token == "" then
   error("set ONEWINDOW_BENCH_TOKEN to a kiosk token")
end

local services = { "MZ-HY-001", "MZ-JZ-001", "MZ-SZ-001", "MZ-YL-001" }
local bodies = {}
for i, id in ipairs(services) do
   bodies[i] = '{"serviceId":"' .. id .. '","priority":false}'
end

-- Main state: number the threads and keep them, to collect their counters in done().
local threads = {}
local thread_count = 0

function setup(thread)
   thread_count = thread_count + 1
   thread:set("thread_id", thread_count)
   table.insert(threads, thread)
end

-- Per-thread state (each wrk thread has its own Lua state; thread_id is set by setup()).
local counter = 0
non201 = 0
statuses = {}

function request()
   counter = counter + 1
   local headers = {
      ["Content-Type"] = "application/json",
      ["Authorization"] = "Bearer " .. token,
      ["Idempotency-Key"] = "bench-" .. thread_id .. "-" .. counter,
   }
   return wrk.format("POST", nil, headers, bodies[counter % #bodies + 1])
end

function response(status, headers, body)
   if status ~= 201 then
      non201 = non201 + 1
      statuses[status] = (statuses[status] or 0) + 1
      if non201 <= 3 then
         io.stderr:write("tickets.lua: HTTP " .. status .. ": " .. tostring(body) .. "\n")
      end
   end
end

function done(summary, latency, requests)
   local total = 0
   local by_status = {}
   for _, thread in ipairs(threads) do
      total = total + (thread:get("non201") or 0)
      local s = thread:get("statuses")
      if s ~= nil then
         for status, n in pairs(s) do
            by_status[status] = (by_status[status] or 0) + n
         end
      end
   end
   io.write(string.format("non-201: %d\n", total))
   io.write(string.format("p99_us: %d\n", latency:percentile(99)))
   for status, n in pairs(by_status) do
      io.write(string.format("status %s: %d\n", tostring(status), n))
   end
end
