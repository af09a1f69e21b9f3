#!/usr/bin/env python3
"""A webhook provider for the two-instance Redis scenario: sends COUNT signed Voucherify events, each SENDS times
(duplicates, as providers send them), each send to either instance, and retries every send that is not answered 2xx
until it is (as Voucherify and Adyen do, with the waits compressed). Runs THREADS senders over keep-alive connections.

    provider.py SEED_ENVELOPE SECRET COUNT SENDS THREADS DEADLINE_SECONDS URL [URL...]

Prints one summary line per fact and writes nothing else; exits 1 when a send was never answered 2xx before the
deadline (a lost delivery, as the provider would see it: it gives up)."""
import collections
import hashlib
import hmac
import http.client
import json
import random
import sys
import threading
import time
import urllib.parse

ROUTE = "/webhooks/voucherify"


def main() -> int:
    if len(sys.argv) < 8:
        print(__doc__, file=sys.stderr)
        return 2
    seed_path, secret = sys.argv[1], sys.argv[2].encode()
    count, sends, threads, deadline = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])
    urls = [urllib.parse.urlsplit(u) for u in sys.argv[7:]]
    with open(seed_path, encoding="utf-8") as seed_file:
        seed = json.load(seed_file)

    deliveries = []
    for n in range(count):
        seed["id"] = f"whs_restart_{n}"
        seed["event"]["id"] = f"evt_restart_{n}"
        body = json.dumps(seed, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        deliveries.append((n, body, hmac.new(secret, body, hashlib.sha256).hexdigest()))
    work = [d for d in deliveries for _ in range(sends)]
    random.Random(12).shuffle(work)

    lock = threading.Lock()
    answers = collections.Counter()
    acknowledged = collections.Counter()
    attempts = [0]
    retried_sends = [0]
    most_attempts = [0]
    next_index = [0]
    stop_at = time.monotonic() + deadline

    def connect(url):
        return http.client.HTTPConnection(url.hostname, url.port, timeout=30)

    def sender(number: int) -> None:
        rng = random.Random(number)
        connections = [connect(u) for u in urls]
        while True:
            with lock:
                if next_index[0] >= len(work):
                    return
                n, body, signature = work[next_index[0]]
                next_index[0] += 1
            target = rng.randrange(len(urls))
            tries = 0
            while time.monotonic() < stop_at:
                tries += 1
                # A retry may reach the other instance, as behind a load balancer.
                index = (target + tries - 1) % len(urls)
                status, outcome = post(connections, urls, index, body, signature)
                with lock:
                    attempts[0] += 1
                    answers[f"{status} {outcome}"] += 1
                if 200 <= status < 300:
                    with lock:
                        acknowledged[n] += 1
                        most_attempts[0] = max(most_attempts[0], tries)
                        if tries > 1:
                            retried_sends[0] += 1
                    break
                time.sleep(0.05 * min(tries, 10))

    def post(connections, urls, index, body, signature):
        for _ in range(2):
            try:
                connection = connections[index]
                connection.request("POST", ROUTE, body=body, headers={
                    "Content-Type": "application/json", "X-Voucherify-Signature": signature})
                response = connection.getresponse()
                text = response.read()
                try:
                    outcome = json.loads(text).get("outcome", "?")
                except ValueError:
                    outcome = "?"
                return response.status, outcome
            except (OSError, http.client.HTTPException):
                connections[index].close()
                connections[index] = connect(urls[index])
        return 0, "ConnectionFailed"

    workers = [threading.Thread(target=sender, args=(i,)) for i in range(threads)]
    started = time.monotonic()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.monotonic() - started

    lost = sum(1 for n, _, _ in deliveries if acknowledged[n] < sends)
    print(f"events {count}, deliveries {len(work)} ({sends} per event), attempts {attempts[0]}, "
          f"retries {attempts[0] - len(work)}, deliveries retried {retried_sends[0]}, most attempts of one delivery {most_attempts[0]}, "
          f"{elapsed:.1f} s")
    for answer, number in sorted(answers.items()):
        print(f"answer {answer}: {number}")
    print(f"events not acknowledged on every delivery: {lost}")
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main())
