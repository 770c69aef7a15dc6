-- wrk scenario for GET /v1/search: cycles through the request targets in $SEARCH_PATHS (one per
-- line), each thread from its own offset, with the bearer token in $SEARCH_TOKEN. Prints one JSON
-- line of results at the end.
local paths = {}
for line in io.lines(os.getenv("SEARCH_PATHS")) do
  paths[#paths + 1] = line
end
local headers = { ["Authorization"] = "Bearer " .. os.getenv("SEARCH_TOKEN") }
local counter = 0
local threads = 0

function init(args)
  counter = (wrk.thread:get("id") or 0) * 7919
end

function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1], headers)
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,"requests":%d,' ..
    '"duration_s":%.3f,"rps":%.1f,"socket_errors":%d,"non_2xx":%d}\n',
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.requests,
    summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    errors.connect + errors.read + errors.write + errors.timeout, errors.status))
end
