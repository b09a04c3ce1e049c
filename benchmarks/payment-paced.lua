-- wrk script: payment.lua at about $RATE requests a second over $CONNS connections: each
-- connection waits CONNS/RATE s before its next request. Closed loop: the wait is added to the
-- answer's time, so the rate reached is a little lower than asked and a stall is under-counted;
-- webhooks.sh prints the rate reached beside the latency.
dofile("benchmarks/payment.lua")
local gap = tonumber(os.getenv("CONNS")) * 1000 / tonumber(os.getenv("RATE"))
function delay()
  return gap
end
