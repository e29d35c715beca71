-- wrk at a fixed rate: requests spaced evenly in time instead of sent as fast as the connections
-- allow, the way users arrive. (hey's -q paces each worker on its own ticker and all of them start
-- together, so its "1 000 requests/s" is bursts of as many requests as it has workers.)
-- wrk runs one Lua state per thread; each thread sends PACED_RATE_PER_THREAD requests a second,
-- handing out send times one step apart to whichever of its connections asks next. wrk measures
-- each request from its sending, so a server that falls behind shows as a lower rate achieved.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } paced_timespec;
int clock_gettime(int clock_id, paced_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local clock = ffi.new("paced_timespec")

local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, clock)
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

local step, due

function init(args)
  local rate = tonumber(os.getenv("PACED_RATE_PER_THREAD"))
  assert(rate and rate > 0, "set PACED_RATE_PER_THREAD")
  step = 1000 / rate
  due = now_ms()
end

-- Milliseconds before the next request; wrk calls it before each one.
function delay()
  due = due + step
  local wait = due - now_ms()
  if wait < 0 then
    -- Behind: send now, and do not try to catch up with a burst.
    due = now_ms()
    return 0
  end
  return wait
end
