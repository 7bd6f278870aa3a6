-- Bugle's one push script. For each job: SET its dedupe key NX PX and, only if that set it, add the job's
-- writes. Writes are grouped by (command, key) and run at the end as one variadic call per group (LPUSH q a b c
-- equals LPUSH q a; LPUSH q b; LPUSH q c), so a job costs one SET plus its share of a few calls.
-- The whole call is atomic: no reader sees a dedupe key without its job, nor a job without its dedupe key.
--
-- ARGV[1]  the dedupe keys' expiry in ms, or '0' when deduplication is off
-- ARGV[2]  G, the number of groups; then per group: command, argc.
--          argc > 0: each job that refers to the group gives argc args, and the group runs with the args of the
--          jobs that were pushed; argc <= 0: -argc args follow, and the group runs once with them if any job
--          that refers to it was pushed (e.g. SADD queues q)
-- then L, the number of layouts (the groups a job writes to, shared by the jobs of the same shape); per layout:
--          m, then m group numbers
-- then per job: its layout number, then for each collecting group of its layout, that group's argc args
-- KEYS[1..G] the groups' keys, then one dedupe key per job
-- Returns one integer per job: 1 pushed, 0 duplicate (its dedupe key already existed).
local call, ttl, groups = redis.call, ARGV[1], tonumber(ARGV[2])
local command, argcs, first, last, collected, count, used = {}, {}, {}, {}, {}, {}, {}
local a = 3
for g = 1, groups do
  command[g] = ARGV[a]
  local argc = tonumber(ARGV[a + 1])
  a = a + 2
  argcs[g] = argc
  if argc > 0 then
    collected[g], count[g] = {}, 0
  else
    first[g], last[g] = a, a - argc - 1
    a = a - argc
  end
end
local layouts = {}
for l = 1, tonumber(ARGV[a]) do
  local m, layout = tonumber(ARGV[a + 1]), {}
  for i = 1, m do layout[i] = tonumber(ARGV[a + 1 + i]) end
  layouts[l] = layout
  a = a + 1 + m
end
a = a + 1
local types = { LPUSH = 'list', RPUSH = 'list', SADD = 'set', HSET = 'hash' }
for g = 1, groups do
  local expected, actual = types[command[g]], call('TYPE', KEYS[g]).ok
  if actual ~= 'none' and actual ~= expected then
    return redis.error_reply('WRONGTYPE ' .. KEYS[g] .. ' holds a ' .. actual .. ', not a ' .. expected
      .. '; nothing was written')
  end
end
local result, n, k, dedupe = {}, #ARGV, groups, ttl ~= '0'
while a <= n do
  k = k + 1
  local fresh = not dedupe or call('SET', KEYS[k], '1', 'NX', 'PX', ttl)
  local layout = layouts[tonumber(ARGV[a])]
  a = a + 1
  for i = 1, #layout do
    local g = layout[i]
    local argc = argcs[g]
    if argc > 0 then
      if fresh then
        local t, c = collected[g], count[g]
        for i = a, a + argc - 1 do
          c = c + 1
          t[c] = ARGV[i]
        end
        count[g] = c
      end
      a = a + argc
    elseif fresh then
      used[g] = true
    end
  end
  result[#result + 1] = fresh and 1 or 0
end
for g = 1, groups do
  if argcs[g] > 0 then
    if count[g] > 0 then call(command[g], KEYS[g], unpack(collected[g], 1, count[g])) end
  elseif used[g] then
    call(command[g], KEYS[g], unpack(ARGV, first[g], last[g]))
  end
end
return result
