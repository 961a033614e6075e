-- wrk script: send the session cookie, then print latency percentiles and counts as JSON.
local cookie = os.getenv("BENCH_COOKIE")
if cookie and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end

statuses = {}  -- global: done() reads it from each thread with thread:get
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

-- wrk runs response() in per-thread Lua states; collect them in done() via the threads table.
local threads = {}
setup = function(thread)
  table.insert(threads, thread)
end

done = function(summary, latency, requests)
  local parts = {}
  for _, thread in ipairs(threads) do
    local counts = thread:get("statuses")
    for status, n in pairs(counts or {}) do
      parts[#parts + 1] = string.format('"%d": %d', status, n)
    end
  end
  io.write(string.format(
    '{"requests": %d, "p50_ms": %.1f, "p95_ms": %.1f, "p99_ms": %.1f, "errors": %d, "statuses": {%s}, "seconds": %.2f}\n',
    summary.requests,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
      + summary.errors.timeout,
    table.concat(parts, ", "),
    summary.duration / 1e6
  ))
end
