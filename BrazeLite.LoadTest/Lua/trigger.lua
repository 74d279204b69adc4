-- POST /campaigns/trigger/send with a new user in every request (created from its attributes).
-- Environment: CAMPAIGN_ID, API_KEY, USER_PREFIX; optional LOG_DIR (each 201's dispatch_id is appended to a
-- file per thread, line-buffered, for the crash check) and DELAY_MS (a pause before each request, to hold a rate).
local campaign = os.getenv("CAMPAIGN_ID")
local key = os.getenv("API_KEY")
local prefix = os.getenv("USER_PREFIX") or "u"
local log_dir = os.getenv("LOG_DIR")
local delay_ms = tonumber(os.getenv("DELAY_MS") or "")
local created = 0

function setup(thread)
  created = created + 1
  thread:set("tid", created)
end

local counter = 0
local log = nil

function init(args)
  if log_dir then
    log = io.open(log_dir .. "/acked-" .. tid .. ".txt", "w")
    log:setvbuf("line")
  end
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. key

function request()
  counter = counter + 1
  -- Zero-padded, so ids sort in the order they are made, as a sequence-numbered user table's would.
  local id = prefix .. "-" .. tid .. "-" .. string.format("%09d", counter)
  local body = '{"campaign_id":"' .. campaign .. '","trigger_properties":{"product":"Mug","price":12.5},'
    .. '"recipients":[{"external_user_id":"' .. id .. '","send_to_existing_only":false,'
    .. '"attributes":{"first_name":"Ana","email":"' .. id .. '@example.com","phone":"+15555550100"}}]}'
  return wrk.format(nil, nil, nil, body)
end

if delay_ms then
  function delay()
    return delay_ms
  end
end

if log_dir then
  function response(status, headers, body)
    if status == 201 then
      local dispatch = string.match(body, '"dispatch_id":"(%x+)"')
      if dispatch then
        log:write(dispatch, "\n")
      end
    end
  end
end
