-- Bugle's one push script: for each job, SET its dedupe key NX with an expiry and, only if that set it,
-- run the job's pushes; all jobs of one call are atomic together.
-- ARGV[1]   dedupe expiry in ms, or '0' when deduplication is off
-- ARGV[2]   E, the number of "ensure" commands (idempotent, e.g. SADD queues q), shared by the jobs
-- then E x  command, argc, argv...                        (one key each, from KEYS in order)
-- then per job: marker, refc, ensure indexes..., opc, then opc x (command, argc, argv...)
--           KEYS: the job's dedupe key, then one key per op
-- Returns one integer per job: 1 pushed, 0 duplicate (its dedupe key already existed).
local ttl = ARGV[1]
local a, k = 3, 1
local ensures = {}
for e = 1, tonumber(ARGV[2]) do
  local argc = tonumber(ARGV[a + 1])
  ensures[e] = { ARGV[a], KEYS[k], a + 2, a + 1 + argc, false }
  a = a + 2 + argc
  k = k + 1
end
local result = {}
while a <= #ARGV do
  local fresh = ttl == '0' or redis.call('SET', KEYS[k], ARGV[a], 'NX', 'PX', ttl)
  k = k + 1
  local refc = tonumber(ARGV[a + 1])
  a = a + 2
  if fresh then
    for r = 0, refc - 1 do ensures[tonumber(ARGV[a + r])][5] = true end
  end
  a = a + refc
  local opc = tonumber(ARGV[a])
  a = a + 1
  for _ = 1, opc do
    local argc = tonumber(ARGV[a + 1])
    if fresh then redis.call(ARGV[a], KEYS[k], unpack(ARGV, a + 2, a + 1 + argc)) end
    a = a + 2 + argc
    k = k + 1
  end
  result[#result + 1] = fresh and 1 or 0
end
for e = 1, #ensures do
  local x = ensures[e]
  if x[5] then redis.call(x[1], x[2], unpack(ARGV, x[3], x[4])) end
end
return result
