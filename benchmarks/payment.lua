-- wrk script: POST one authorised payment per request, with the bearer token from $TOKEN
-- (empty for the baseline, which ignores it).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local token = os.getenv("TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
wrk.body = '{"cardnumber":"4111111111111111","cvv":"123","expirymonth":12,"expiryyear":2031,'
  .. '"amount":42.50,"currency":"EUR","cardholdername":"Santa Claus"}'
