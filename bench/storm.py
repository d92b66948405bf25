"""bench/run --storm: 10,000 verified phones book tomorrow's slots in the second booking opens.

Each round runs a fresh daemon (release build, access log off) on services.json with
appointments for A (婚姻登记, MZ-HY-001): tomorrow made a working day, 20 slots of 30 minutes
from 08:00 with 400 places each (8,000 places), booking opening 1 day ahead at the next whole
minute of the hall's clock. Before it opens, each of the 10,000 phones asks for a code
(POST /api/v1/appointments/verification, all 202); the codes are read from the waiting
messages (no notifier: they wait in the outbox), each number opened with the hall's phone key
as the notifier's sender would. At the opening second 64 connections send the 10,000 bookings
as fast as the daemon answers, phone i for slot i mod 20: 500 phones per slot for 400 places.

Fails the round on any 5xx or unexpected status, when the bookings on disk are not exactly
the 8,000 places (400 in every slot), when the 201s are not those on disk, or at a p99 over
100 ms. Reports bookings per second (201s over the time from the first booking sent to the
last answer) and the p50/p99 latency, median and spread of the rounds. After the storm, with
its bookings in place, it times GET /api/v1/appointments/slots for 14 days (today and the 13
after) over one kept-alive connection, one request at a time (SLOT_READS of them): the
issue's target is an answer in under 5 ms."""

import asyncio
import base64
import datetime
import json
import sqlite3
import time
from statistics import median
from zoneinfo import ZoneInfo

PHONES = 10_000
SLOT_READS = 500
CONNECTIONS = 64
SLOTS = 20
PLACES = 400
SERVICE = "MZ-HY-001"


def catalogue(root, work, opens_at, tomorrow):
    document = json.load(open(root / "services.json", encoding="utf-8"))
    hall = document["hall"]
    hall["holidays"] = [day for day in hall.get("holidays", []) if day != tomorrow]
    hall["workdays"] = sorted(set(hall.get("workdays", [])) | {tomorrow})
    hall["appointments"] = {
        "sessions": [{"from": "08:00", "to": "18:00"}], "slotMinutes": 30, "capacity": {"A": PLACES},
        "daysAhead": 1, "opensAt": opens_at,
        "limits": {"codesPerAddressPerHour": 10_000, "codesPerPhonePerHour": 5},
    }
    path = work / "services-storm.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


async def exchange(reader, writer, request):
    """Sends one request on a kept-alive connection; returns (status, body)."""
    writer.write(request)
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    body = await reader.readexactly(length) if length else b""
    return status, body


def post(path, body):
    data = json.dumps(body).encode()
    return (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(data)}\r\n\r\n").encode() + data


async def fire(port, requests):
    """Sends `requests` over CONNECTIONS kept-alive connections, each as soon as the last answer
    on its connection came; returns [(status, body, seconds)] in request order and the wall time."""
    results = [None] * len(requests)
    queue = list(enumerate(requests))
    queue.reverse()

    async def connection():
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        while queue:
            index, request = queue.pop()
            start = time.monotonic()
            status, body = await exchange(reader, writer, request)
            results[index] = (status, body, time.monotonic() - start)
        writer.close()

    started = time.monotonic()
    await asyncio.gather(*(connection() for _ in range(CONNECTIONS)))
    return results, time.monotonic() - started


async def read_slots(port, first, last):
    """Latencies in seconds of SLOT_READS reads of 14 days' slots, one at a time on one connection."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    request = (f"GET /api/v1/appointments/slots?serviceId={SERVICE}&from={first}&to={last} HTTP/1.1\r\n"
               "Host: 127.0.0.1\r\n\r\n").encode()
    latencies = []
    for _ in range(SLOT_READS):
        start = time.monotonic()
        status, body = await exchange(reader, writer, request)
        latencies.append(time.monotonic() - start)
        if status != 200 or not json.loads(body).get("slots"):
            raise RuntimeError(f"slots: {status} {body[:200]!r}")
    writer.close()
    return sorted(latencies)


def phone(i):
    return f"139{i:08d}"


def codes(database, key_file):
    """Each phone's code, from the waiting verification messages, numbers opened with the key."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF
    master = bytes.fromhex(open(key_file).read().strip())
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"onewindow phone seal").derive(master)
    found = {}
    with sqlite3.connect(database) as db:
        for (payload,) in db.execute("SELECT payload FROM outbox WHERE topic = 'message'"):
            message = json.loads(payload)
            sealed = base64.b64decode(message["phone"])
            number = AESGCM(key).decrypt(sealed[:12], sealed[12:], None).decode()
            found[number] = message["params"]["code"]
    return found


def storm_round(helpers, binary, work, round_number):
    Daemon, ROOT = helpers["Daemon"], helpers["ROOT"]
    zone = ZoneInfo("Asia/Shanghai")
    now = datetime.datetime.now(zone)
    opens = (now + datetime.timedelta(seconds=45)).replace(second=0, microsecond=0) + datetime.timedelta(minutes=1)
    tomorrow = (opens + datetime.timedelta(days=1)).date().isoformat()
    path = catalogue(ROOT, work, opens.strftime("%H:%M"), tomorrow)
    database = work / f"storm-{round_number}.sqlite"
    daemon = Daemon(binary, path, database, work)
    daemon.wait_healthy()
    problems = []
    asked, _ = asyncio.run(fire(daemon.port, [
        post("/api/v1/appointments/verification", {"phone": phone(i)}) for i in range(PHONES)]))
    other = [status for status, _, _ in asked if status != 202]
    if other:
        problems.append(f"verification: {len(other)} answers not 202, e.g. {other[:5]}")
    sent = codes(database, work / "phone.key")
    if len(sent) != PHONES:
        problems.append(f"{len(sent)} codes found for {PHONES} phones")
    starts = [f"{8 + s // 2:02d}:{30 * (s % 2):02d}" for s in range(SLOTS)]
    bookings = [post("/api/v1/appointments", {
        "serviceId": SERVICE, "day": tomorrow, "start": starts[i % SLOTS], "phone": phone(i),
        "code": sent.get(phone(i), "000000")}) for i in range(PHONES)]
    wait = opens.timestamp() - time.time()
    print(f"   {PHONES} codes sent; booking opens at {opens:%H:%M:%S} (in {wait:.0f} s)", flush=True)
    if wait > 0:
        time.sleep(wait)
    booked, seconds = asyncio.run(fire(daemon.port, bookings))
    statuses = {}
    for status, body, _ in booked:
        code = json.loads(body)["error"]["code"] if status >= 400 else ""
        statuses[(status, code)] = statuses.get((status, code), 0) + 1
    if set(statuses) - {(201, ""), (409, "slot_full")}:
        problems.append(f"answers other than 201 and 409 slot_full: {statuses}")
    latencies = sorted(latency for _, _, latency in booked)
    p99 = latencies[int(len(latencies) * 0.99)] * 1000
    p50 = latencies[len(latencies) // 2] * 1000
    if p99 >= 100:
        problems.append(f"p99 {p99:.1f} ms, not under 100 ms")
    created = statuses.get((201, ""), 0)
    today = opens.date()
    reads = asyncio.run(read_slots(daemon.port, today.isoformat(), (today + datetime.timedelta(days=13)).isoformat()))
    slots_p50 = reads[len(reads) // 2] * 1000
    slots_p99 = reads[int(len(reads) * 0.99)] * 1000
    rss = daemon.peak_rss_mib()
    if daemon.stop() != 0:
        problems.append("the storm daemon did not exit 0 on SIGTERM")
    with sqlite3.connect(database) as db:
        per_slot = dict(db.execute(
            "SELECT start_minutes, COUNT(*) FROM booking WHERE status = 'booked' GROUP BY start_minutes"))
    if created != SLOTS * PLACES or sum(per_slot.values()) != created or set(per_slot.values()) != {PLACES}:
        problems.append(f"capacity not exact: {created} answered 201, on disk per slot {per_slot}")
    return {"rate": created / seconds, "p50": p50, "p99": p99, "created": created, "rss": rss,
            "slots_p50": slots_p50, "slots_p99": slots_p99}, problems


def compare(helpers, binary, work, rounds):
    """Returns the table's text and the problems found."""
    figures = []
    problems = []
    for r in range(1, rounds + 1):
        print(f"== storm round {r} of {rounds}", flush=True)
        figure, found = storm_round(helpers, binary, work, r)
        figures.append(figure)
        problems += found
    lines = ["| what | median | min–max |", "|---|---|---|"]
    for name, label, form in [("rate", "bookings/s (201s over the storm's wall time)", "{:,.0f}"),
                              ("p50", "p50 ms", "{:.1f}"), ("p99", "p99 ms", "{:.1f}"),
                              ("created", "bookings on disk (of 8,000 places)", "{:,.0f}"),
                              ("rss", "peak RSS MiB", "{:.0f}"),
                              ("slots_p50", "GET slots for 14 days, p50 ms (target < 5)", "{:.2f}"),
                              ("slots_p99", "GET slots for 14 days, p99 ms", "{:.2f}")]:
        values = [f[name] for f in figures]
        lines.append(f"| {label} | {form.format(median(values))} | "
                     f"{form.format(min(values))}–{form.format(max(values))} |")
    return "\n".join(lines), problems
