-- wrk script for bench/run's call-next figure: each wrk thread is one clerk at its own window,
-- with one connection (run wrk with as many threads as connections: -t20 -c20).
-- The clerk calls the next ticket (POST /api/v1/windows/W/call-next) and, once one is called,
-- completes it (POST /api/v1/tickets/ID/complete), then calls again: a window serves one
-- ticket at a time, as at the hall. Thread n is window n and uses the n-th clerk token of
-- ONEWINDOW_BENCH_TOKENS (comma-separated). done() prints "served: N", "empty: N" (call-next
-- answered 204: the queue ran dry), "errors: N" and "p99_us: N" over every request.

local tokens = {}
for token in string.gmatch(os.getenv("ONEWINDOW_BENCH_TOKENS") or "", "[^,]+") do
   table.insert(tokens, token)
end
if #tokens == 0 then
   error("set ONEWINDOW_BENCH_TOKENS to clerk tokens, one per thread, comma-separated")
end

local threads = {}

function setup(thread)
   table.insert(threads, thread)
   thread:set("window", tostring(#threads))
   thread:set("token", tokens[(#threads - 1) % #tokens + 1])
end

-- Per-thread state; window and token come from setup().
local ticket = nil   -- the ticket called to this window, not yet completed
local asked = nil    -- what the request in flight was: "call" or "complete"
served = 0
empty = 0
errors = 0

function request()
   local headers = { ["Authorization"] = "Bearer " .. token }
   if ticket ~= nil then
      asked = "complete"
      headers["Content-Type"] = "application/json"
      return wrk.format("POST", "/api/v1/tickets/" .. ticket .. "/complete", headers,
         '{"window":"' .. window .. '","outcome":"completed"}')
   end
   asked = "call"
   return wrk.format("POST", "/api/v1/windows/" .. window .. "/call-next", headers)
end

function response(status, headers, body)
   if asked == "call" and status == 200 then
      ticket = string.match(body, '"id":"([^"]+)"')
   elseif asked == "call" and status == 204 then
      empty = empty + 1
   elseif asked == "complete" and status == 200 then
      served = served + 1
      ticket = nil
   else
      errors = errors + 1
      if errors <= 3 then
         io.stderr:write("clerks.lua: window " .. window .. ": " .. asked .. ": HTTP " .. status .. ": " .. tostring(body) .. "\n")
      end
   end
end

function done(summary, latency, requests)
   local totals = { served = 0, empty = 0, errors = 0 }
   for _, thread in ipairs(threads) do
      for name, _ in pairs(totals) do
         totals[name] = totals[name] + (thread:get(name) or 0)
      end
   end
   io.write(string.format("served: %d\nempty: %d\nerrors: %d\n", totals.served, totals.empty, totals.errors))
   io.write(string.format("p99_us: %d\n", latency:percentile(99)))
end
