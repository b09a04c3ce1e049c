#!/usr/bin/env bash
# The REST API with nothing but curl: create a merchant with the operator key, log in, pay (one
# authorised and one declined card), list the history a page at a time by following the Link
# header, fetch one payment by the Location of the first.
#
#   PAYGATE_URL           the gateway (default http://localhost:8080)
#   PAYGATE_OPERATOR_KEY  the operator key (default: the contents of data/operator.key)
#   ACQUIRING_BANK        the acquirer the merchant is mapped to (default PiggyBank); any plug-in
#                         whose sandbox authorises 4111 1111 1111 1111 and declines
#                         4000 0000 0000 0002, such as KestrelBank (docs/writing-an-acquirer.md)
#
# Needs bash and curl only; JSON is picked apart with sed, so jq is not needed.
set -euo pipefail

url=${PAYGATE_URL:-http://localhost:8080}
url=${url%/}
bank=${ACQUIRING_BANK:-PiggyBank}
if [[ -z "${PAYGATE_OPERATOR_KEY:-}" && ! -r data/operator.key ]]; then
  echo "set PAYGATE_OPERATOR_KEY, or run from the folder holding data/operator.key" >&2
  exit 2
fi
operator_key=${PAYGATE_OPERATOR_KEY:-$(cat data/operator.key)}
login="curl-$RANDOM$RANDOM"
password="curl quick start $RANDOM$RANDOM"
expiry_year=$(( $(date +%Y) + 3 ))

# The value of a string field of a JSON object: json_field token '{"token":"abc"}' prints abc.
json_field() {
  sed -n 's/.*"'"$1"'":"\([^"]*\)".*/\1/p' <<<"$2"
}

# A header of a "curl -i" answer, without the trailing carriage return.
header() {
  sed -n 's/^'"$1"': *\(.*\)\r$/\1/Ip' <<<"$2" | head -n 1
}

# POST with curl: fails (and prints the answer) unless the status is 2xx.
post() {
  local path=$1 body=$2; shift 2
  curl -sS -i --fail-with-body "$url$path" -H 'Content-Type: application/json' "$@" -d "$body"
}

# 1. The operator creates a merchant on the bank (Piggy Bank unless ACQUIRING_BANK says otherwise).
post /createuser "{\"login\":\"$login\",\"name\":\"Curl shop\",\"password\":\"$password\",\"acquiringbank\":\"$bank\"}" \
  -H "Authorization: Bearer $operator_key" >/dev/null
echo "Created merchant $login"

# 2. The merchant logs in: an access token (short-lived) and a refresh token.
answer=$(post /login "{\"login\":\"$login\",\"password\":\"$password\"}")
token=$(json_field token "$answer")
echo "Logged in, token expires $(json_field expires "$answer")"

# 3. Pay. The Idempotency-Key makes a retry safe: the same key answers with the same payment.
pay() {
  post /api/process "{\"cardnumber\":\"$1\",\"cvv\":\"123\",\"expirymonth\":12,\"expiryyear\":$expiry_year,\"amount\":$2,\"currency\":\"$3\",\"cardholdername\":\"Santa Claus\"}" \
    -H "Authorization: Bearer $token" -H "Idempotency-Key: $login-$RANDOM$RANDOM"
}
answer=$(pay '4111 1111 1111 1111' 42.50 EUR)
location=$(header Location "$answer")
echo "$(json_field status "$answer") 42.50 EUR, payment $(json_field id "$answer")"
answer=$(pay 4000000000000002 10.00 USD)
echo "$(json_field status "$answer") 10.00 USD, payment $(json_field id "$answer"), reason $(json_field errorCode "$answer")"

# 4. The history, one payment a page: the next page is the Link header's URL, followed as given.
next="/api/history?limit=1"
page=0
while [[ -n "$next" ]]; do
  page=$((page + 1))
  answer=$(curl -sS -i --fail-with-body "$url$next" -H "Authorization: Bearer $token")
  body=${answer##*$'\r\n\r\n'}
  echo "History page $page: $(json_field id "$body") $(json_field status "$body")"
  next=$(header Link "$answer" | sed -n 's/^<\([^>]*\)>; *rel="next".*/\1/p')
done

# 5. The first payment again, by the Location its answer gave.
answer=$(curl -sS --fail-with-body "$url$location" -H "Authorization: Bearer $token")
echo "Fetched $location: $(json_field status "$answer"), card $(json_field cardNumber "$answer")"
