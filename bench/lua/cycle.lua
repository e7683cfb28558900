-- wrk script: send the request paths listed in a file (one per line), each thread its own share,
-- every path made unique by a trailing SPARQL comment (URL-encoded "\n#t<thread>n<count>"), so
-- no request repeats and no cache can answer it.
--
--   wrk -t2 -c8 -d10s --latency -s bench/lua/cycle.lua http://127.0.0.1:PORT -- paths.txt [accept]

local counter = 1

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  if args[2] then wrk.headers["Accept"] = args[2] end
  position = (id - 1) * 997  -- threads start at different places in the (shuffled) list
  sent = 0
end

function request()
  local path = paths[(position % #paths) + 1]
  position = position + 1
  sent = sent + 1
  return wrk.format("GET", path .. "%0A%23t" .. id .. "n" .. sent)
end
