-- wrk script for bench/flood.sh: FLOOD_MODE=anonymous sends plain GETs; FLOOD_MODE=random-token sends each request
-- with a new random 43-character bearer token (long enough to be hashed and looked up, as a real key would be).
-- At the end it prints one FLOOD line: replies by status, 429s carrying Retry-After, and socket errors.
local mode = os.getenv("FLOOD_MODE") or "anonymous"
local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_id", #threads)
end

function init(args)
  math.randomseed(os.time() * 100 + thread_id)
  statuses = {}
  retry_after = 0
end

function request()
  if mode ~= "random-token" then
    return wrk.format()
  end
  local token = {}
  for i = 1, 43 do
    local n = math.random(1, #alphabet)
    token[i] = alphabet:sub(n, n)
  end
  return wrk.format(nil, nil, { ["Authorization"] = "Bearer " .. table.concat(token) })
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status == 429 and (headers["Retry-After"] or headers["retry-after"]) then
    retry_after = retry_after + 1
  end
end

function done(summary, latency, requests)
  local replies, ok, limited, other, with_retry_after = 0, 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      replies = replies + n
      if status == 200 then ok = ok + n elseif status == 429 then limited = limited + n else other = other + n end
    end
    with_retry_after = with_retry_after + thread:get("retry_after")
  end
  local e = summary.errors
  io.write(string.format("FLOOD replies=%d ok=%d limited=%d other=%d retry_after=%d socket_errors=%d p99_ms=%.1f\n",
    replies, ok, limited, other, with_retry_after, e.connect + e.read + e.write + e.timeout, latency:percentile(99) / 1000))
end
