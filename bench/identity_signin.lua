-- wrk script for bench/identity_signin.sh: sign-ins through POST /oauth2/token with the password
-- grant of the benchmark client hotel-bench. Each thread cycles through its own share of the
-- bench users (benchN@hotel.test), so that no account has more than one sign-in in flight (the
-- per-account throttle counts in-flight attempts). Every answer other than 200 is counted.
local users = tonumber(os.getenv("BENCH_USERS") or "32")
local secret = os.getenv("BENCH_SECRET") or ""
local password = os.getenv("BENCH_PASSWORD_ENCODED") or ""
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  failures = 0
  thread_count = next_id
end

local function basic(user, pass)
  local chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
  local input = user .. ":" .. pass
  return ((input:gsub(".", function(x)
    local r, b = "", x:byte()
    for i = 8, 1, -1 do r = r .. (b % 2 ^ i - b % 2 ^ (i - 1) > 0 and "1" or "0") end
    return r
  end) .. "0000"):gsub("%d%d%d?%d?%d?%d?", function(x)
    if #x < 6 then return "" end
    local c = 0
    for i = 1, 6 do c = c + (x:sub(i, i) == "1" and 2 ^ (6 - i) or 0) end
    return chars:sub(c + 1, c + 1)
  end) .. ({ "", "==", "=" })[#input % 3 + 1])
end

local headers = {
  ["Content-Type"] = "application/x-www-form-urlencoded",
  ["Authorization"] = "Basic " .. basic("hotel-bench", secret),
}

function request()
  counter = counter + 1
  local share = math.floor(users / 2)
  local n = (id % 2) * share + counter % share
  local body = "grant_type=password&scope=openid&username=bench" .. n ..
      "%40hotel.test&password=" .. password
  return wrk.format("POST", "/oauth2/token", headers, body)
end

function response(status, headers, body)
  if status ~= 200 then
    failures = failures + 1
    if failures == 1 then io.stderr:write("first failure: " .. status .. " " .. body .. "\n") end
  end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do failed = failed + thread:get("failures") end
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"failed":%d,"p50_ms":%.1f,"p90_ms":%.1f,"p99_ms":%.1f}\n',
    summary.requests, summary.duration / 1e6, failed, latency:percentile(50) / 1e3,
    latency:percentile(90) / 1e3, latency:percentile(99) / 1e3))
end
