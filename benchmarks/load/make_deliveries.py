#!/usr/bin/env python3
"""Writes N signed Voucherify deliveries for the load test, one per line: the hex HMAC-SHA256 signature, a tab, and
the body as one line of JSON. Each delivery has its own event id (evt_load_<n>) and delivery id (whs_load_<n>), so
the receiver sees N distinct events; wrk's script sends some of them again (duplicates) and some with a wrong
signature. Signed here, with Python's hmac, because wrk's Lua has no HMAC."""
import hashlib
import hmac
import json
import sys

def main() -> int:
    if len(sys.argv) != 5:
        print("usage: make_deliveries.py SEED_ENVELOPE SECRET COUNT OUT", file=sys.stderr)
        return 2
    seed_path, secret, count, out_path = sys.argv[1], sys.argv[2].encode(), int(sys.argv[3]), sys.argv[4]
    with open(seed_path, encoding="utf-8") as seed_file:
        seed = json.load(seed_file)
    with open(out_path, "w", encoding="utf-8") as out:
        for n in range(count):
            seed["id"] = f"whs_load_{n}"
            seed["event"]["id"] = f"evt_load_{n}"
            body = json.dumps(seed, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
            signature = hmac.new(secret, body, hashlib.sha256).hexdigest()
            out.write(signature + "\t" + body.decode("utf-8") + "\n")
    return 0

if __name__ == "__main__":
    sys.exit(main())
