-- wrk script: posts signed Voucherify deliveries read from DELIVERIES (made by make_deliveries.py).
-- Of every 100 requests, DUPLICATE_PERCENT resend a delivery this thread sent before, FORGED_PERCENT carry a wrong
-- signature, and the rest are new deliveries. Each thread takes its own share of the file, so no two threads send the
-- same new delivery. Answers are counted by status code and outcome, and printed at the end.

local deliveries = {}
local threads = {}

local function load(path)
  local list = {}
  for line in io.lines(path) do
    local tab = line:find("\t", 1, true)
    list[#list + 1] = { signature = line:sub(1, tab - 1), body = line:sub(tab + 1) }
  end
  return list
end

function setup(thread)
  thread:set("index", #threads)
  threads[#threads + 1] = thread
end

function init(args)
  deliveries = load(os.getenv("DELIVERIES"))
  duplicate_percent = tonumber(os.getenv("DUPLICATE_PERCENT") or "10")
  forged_percent = tonumber(os.getenv("FORGED_PERCENT") or "5")
  thread_count = tonumber(os.getenv("THREADS") or "1")
  next_new = index + 1
  sent = {}
  statuses = {}
  math.randomseed(1234 + index)
end

function request()
  local roll = math.random(100)
  local delivery
  local signature
  if roll <= duplicate_percent and #sent > 0 then
    delivery = sent[math.random(#sent)]
    signature = delivery.signature
  else
    delivery = deliveries[next_new]
    if delivery == nil then
      next_new = index + 1
      delivery = deliveries[next_new]
    end
    next_new = next_new + thread_count
    sent[#sent + 1] = delivery
    signature = delivery.signature
    if roll > 100 - forged_percent then
      signature = string.rep("0", 64)
    end
  end
  return wrk.format("POST", "/webhooks/voucherify", {
    ["Content-Type"] = "application/json",
    ["x-voucherify-signature"] = signature,
  }, delivery.body)
end

function response(status, headers, body)
  local outcome = body and body:match('"outcome":%s*"(%a+)"') or "?"
  local key = status .. " " .. outcome
  statuses[key] = (statuses[key] or 0) + 1
end

function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    local counts = thread:get("statuses")
    for status, count in pairs(counts) do
      totals[status] = (totals[status] or 0) + count
    end
  end
  local lines = {}
  for status, count in pairs(totals) do
    lines[#lines + 1] = string.format("answer %s: %d", status, count)
  end
  table.sort(lines)
  io.write(string.format("requests/s: %.0f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50: %.2f ms, p99: %.2f ms\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
  io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d; non-2xx/3xx %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status))
  for _, line in ipairs(lines) do
    io.write(line .. "\n")
  end
end
