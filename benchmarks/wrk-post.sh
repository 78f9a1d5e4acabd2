# Sourced by the benchmark scripts: write_post_lua FILE writes the wrk script that creates the
# spec's example as $AUTH (user:password) from the JSON file $SPEC, so every script loads the
# server with the same request.
write_post_lua() {
  cat > "$1" <<LUA
wrk.method = "POST"
wrk.headers["Authorization"] = "Basic $(printf %s "$AUTH" | base64)"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$SPEC"); wrk.body = f:read("*a"); f:close()
wrk.path = "/api/postmortems"
LUA
}
