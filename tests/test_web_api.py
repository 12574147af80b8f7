"""The JSON API and pages with FastAPI's TestClient: every route, every filter,
every error in the one error shape."""
from __future__ import annotations

import io

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed (pip install '.[web]')")
from fastapi.testclient import TestClient  # noqa: E402

from diplograph.web import create_app  # noqa: E402


HOME = "http://localhost"  # what a page of this server sends as Origin


@pytest.fixture(scope="module")
def web_app(sample_store):
    return create_app(sample_store("web"), max_files=3, max_file_bytes=20_000, token="s3cret")


@pytest.fixture(scope="module")
def client(web_app):
    """A browser on the server's own pages."""
    with TestClient(web_app, base_url=HOME, headers={"origin": HOME}) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def bare(web_app):
    """A client that sends no Origin nor Referer (a script, or another site's
    form); no ``with``: leaving it would run the app's shutdown and close the
    store the other clients share."""
    return TestClient(web_app, base_url=HOME)


def ok(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.text[:300])
    return response.json()


def assert_error(response, status):
    """The one error shape, pinned."""
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "message", "detail"}
    assert body["error"]["status"] == status and body["error"]["message"]
    return body["error"]


def test_web_api_events_page_shape(client):
    page = ok(client, "/api/events?limit=5")
    assert set(page) == {"total", "limit", "offset", "items"}
    assert page["limit"] == 5 and len(page["items"]) == 5 and page["total"] > 5
    second = ok(client, "/api/events?limit=5&offset=5")
    assert {e["id"] for e in page["items"]}.isdisjoint(e["id"] for e in second["items"])


@pytest.mark.parametrize("query, check", [
    ("country=KHM", lambda e: "KHM" in e["parties"]),
    ("dyad=KHM-CIV", lambda e: {"CIV", "KHM"} <= set(e["parties"])),
    ("type=CONSULT", lambda e: e["type"] == "CONSULT"),
    ("status=planned", lambda e: e["status"] == "planned"),
    ("sector=trade", lambda e: "trade" in e["sectors"]),
    ("since=2025-03&until=2025-04-30", lambda e: e["date"] is None or "2025-03" <= e["date"][:7]
     <= "2025-04"),
    ("q=visa", lambda e: True),
])
def test_web_api_event_filters(client, query, check):
    page = ok(client, f"/api/events?{query}&limit=500")
    assert page["items"], query
    assert all(check(e) for e in page["items"]), query
    assert page["total"] == len(page["items"])


def test_web_api_event_and_its_sources(client):
    first = ok(client, "/api/events?dyad=CIV-KHM&status=done&type=CONSULT")["items"]
    merged = max(first, key=lambda e: e["source_count"])
    event = ok(client, f"/api/events/{merged['id']}")
    assert event["source_count"] == len({r["doc_id"] for r in event["reports"]}) >= 2
    assert all(r["evidence"] for r in event["reports"])


def test_web_api_agreements_and_history(client):
    page = ok(client, "/api/agreements?country=CIV")
    assert page["items"]
    visa = next(a for a in page["items"] if "visa" in a["title"])
    shown = ok(client, f"/api/agreements/{visa['id']}")
    assert [h["status"] for h in shown["history"]][-1] == "signed"
    assert ok(client, "/api/agreements?pending=true")["total"] >= 1
    assert all(a["status"] == "signed" for a in ok(client, "/api/agreements?status=signed")["items"])
    assert ok(client, "/api/agreements?sector=migration")["items"]


def test_web_api_actors_dyads_documents_stats_search(client):
    people = ok(client, "/api/actors?kind=person&limit=3")
    assert len(people["items"]) == 3 and all(a["kind"] == "person" for a in people["items"])
    assert all(a["country"] == "KHM" for a in ok(client, "/api/actors?country=KHM")["items"])
    dyads = ok(client, "/api/dyads?limit=5")["items"]
    assert dyads[0]["dyad"] == "CIV-KHM"
    pair = ok(client, "/api/dyads/KHM-CIV")
    assert pair["dyad"] == "CIV-KHM" and pair["events"] and pair["agreements"] and pair["people"]
    document = ok(client, "/api/documents/D1")
    assert document["text"] and document["evidence"]
    stats = ok(client, "/api/stats")
    assert stats["documents"] == 21
    found = ok(client, "/api/search?q=Chhem")
    assert found["actors"] and found["documents"]


@pytest.mark.parametrize("url, status", [
    ("/api/events/E999999", 404), ("/api/events/A1", 404), ("/api/agreements/E1", 404),
    ("/api/documents/D999", 404), ("/api/nowhere", 404),
    ("/api/events?country=France", 400), ("/api/events?dyad=RUS", 400),
    ("/api/events?type=MEET", 400), ("/api/events?since=yesterday", 400),
    ("/api/agreements?status=maybe", 400), ("/api/dyads/RUS", 400),
    ("/api/events?limit=0", 422), ("/api/events?offset=-1", 422), ("/api/search", 422),
    ("/api/events?limit=abc", 422),
])
def test_web_api_errors_have_one_shape(client, url, status):
    assert_error(client.get(url), status)


def test_web_api_wrong_method_has_the_shape(client):
    assert_error(client.delete("/api/events"), 405)


def test_web_api_ingest_text_and_files(client):
    text = ("Le Sénégal et la Gambie renforcent leur coopération\n\n"
            "DAKAR, 3 juin 2025 - Le ministre sénégalais des Affaires étrangères a reçu mardi "
            "à Dakar son homologue gambien. Les deux ministres ont signé un mémorandum "
            "d'entente sur la pêche.")
    before = ok(client, "/api/stats")["documents"]
    response = client.post("/api/ingest", data={"text": text, "published": "2025-06-03"})
    assert response.status_code == 200, response.text
    assert response.json()["stored"] == 1
    again = client.post("/api/ingest", data={"text": text, "published": "2025-06-03"}).json()
    assert again["results"][0]["status"] == "already stored"
    files = [("files", ("empty.txt", io.BytesIO(b""), "text/plain")),
             ("files", ("image.png", io.BytesIO(b"\x89PNG"), "image/png")),
             ("files", ("big.txt", io.BytesIO(b"a" * 30_000), "text/plain"))]
    mixed = client.post("/api/ingest", files=files).json()
    assert mixed["stored"] == 0 and mixed["rejected"] == 3
    assert all(r["error"] for r in mixed["results"])
    assert ok(client, "/api/stats")["documents"] == before + 1


@pytest.mark.parametrize("kwargs, status", [
    ({}, 400),
    ({"data": {"text": "x", "published": "June"}}, 422),
    ({"files": [("files", (f"{n}.txt", io.BytesIO(b"x"), "text/plain")) for n in range(4)]},
     413),
])
def test_web_api_ingest_limits_and_errors(client, kwargs, status):
    assert_error(client.post("/api/ingest", **kwargs), status)


@pytest.mark.parametrize("url, needle", [
    ("/", "Countries"), ("/dyad/CIV-KHM", "Timeline"), ("/agreements", "Pending"),
    ("/agreements?country=CIV&pending=true", "Pending"), ("/search?q=visa", "Articles"),
    ("/upload", "Extract and store"), ("/documents/D1", "The record as JSON"),
    ("/docs", "swagger"),
])
def test_web_pages_render(client, url, needle):
    response = client.get(url)
    assert response.status_code == 200 and needle in response.text
    assert "cdn" not in response.text.lower()


def test_web_pages_event_highlights_evidence_and_links_documents(client):
    event = ok(client, "/api/events?dyad=CIV-KHM&type=CONSULT&status=done")["items"][0]
    page = client.get(f"/events/{event['id']}").text
    assert '<mark class="evidence">' in page and 'href="/documents/D' in page


def test_web_pages_errors_are_pages(client):
    response = client.get("/events/E999999")
    assert response.status_code == 404 and "Error 404" in response.text


def test_web_pages_upload_form_shows_results(client):
    response = client.post("/upload", data={"text": "Texte bref sans intérêt diplomatique "
                                                     "mais en français, écrit pour le test."},
                           files={"files": ("", io.BytesIO(b""), "application/octet-stream")})
    assert response.status_code == 200 and "stored" in response.text


def test_web_api_keeps_answering_while_ingesting(client, samples_dir):
    """Reads during an ingest answer at once and see whole documents only."""
    import threading
    import time

    paths = sorted((samples_dir / "articles").glob("0[4-6]_*.txt"))
    texts = [("files", (f"copy-{p.name}", p.read_bytes().replace(b"\n\n", b"\n\n\n"),
                        "text/plain")) for p in paths]
    outcome = {}
    worker = threading.Thread(target=lambda: outcome.update(
        client.post("/api/ingest", files=texts).json()))
    before = ok(client, "/api/stats")["documents"]
    worker.start()
    seen, slowest = [], 0.0
    while worker.is_alive():
        started = time.perf_counter()
        stats = ok(client, "/api/stats")
        slowest = max(slowest, time.perf_counter() - started)
        seen.append(stats["documents"])
        ok(client, "/api/events?limit=5")
        time.sleep(0.05)
    worker.join()
    assert outcome["stored"] == 3
    assert len(seen) >= 3 and slowest < 1.0
    assert all(before <= n <= before + 3 for n in seen)
    assert ok(client, "/api/stats")["documents"] == before + 3


@pytest.mark.parametrize("url", ["/events/D1", "/documents/E2", "/agreements/E2"])
def test_web_pages_refuse_ids_of_another_kind(client, url):
    response = client.get(url)
    assert response.status_code == 404 and "Error 404" in response.text


def test_web_pairs_are_pairs_of_states(client):
    for pair in ok(client, "/api/dyads?limit=500")["items"]:
        assert ":" not in pair["dyad"]
        assert client.get(f"/dyad/{pair['dyad']}").status_code == 200


def test_web_search_link_is_encoded(client):
    page = client.get("/search", params={"q": "a&b#c"}).text
    assert "/api/search?q=a%26b%23c" in page


def test_web_api_refuses_posts_from_other_sites_and_huge_bodies(client):
    assert_error(client.post("/api/ingest", data={"text": "x"},
                             headers={"origin": "http://evil.example"}), 403)
    assert_error(client.post("/api/ingest", content=b"x" * 200_000,
                             headers={"content-type": "text/plain"}), 413)


@pytest.mark.parametrize("headers", [
    {},  # neither Origin nor Referer
    {"referer": "http://evil.example/page"},
    {"referer": "https://localhost/upload"},  # another scheme is another site
    {"origin": "https://localhost"},
    {"origin": "null"},
    {"x-diplograph-token": "wrong"},
], ids=["none", "foreign-referer", "referer-scheme", "origin-scheme", "origin-null",
        "wrong-token"])
def test_web_api_writes_from_anywhere_but_the_own_pages_are_refused(bare, headers):
    assert_error(bare.post("/api/ingest", data={"text": "x"}, headers=headers), 403)


@pytest.mark.parametrize("headers", [
    {"referer": "http://localhost/upload"},
    {"x-diplograph-token": "s3cret"},
    {"authorization": "Bearer s3cret"},
], ids=["own-referer", "token-header", "bearer"])
def test_web_api_writes_from_the_own_pages_or_with_the_token_are_read(bare, headers):
    response = bare.post("/api/ingest", data={"text": "Texte bref."}, headers=headers)
    assert response.status_code == 200, response.text


def test_web_api_dns_rebinding_is_refused_before_anything_is_read(web_app):
    rebound = TestClient(web_app, base_url="http://attacker.example",
                         headers={"origin": "http://attacker.example"})
    assert_error(rebound.get("/api/stats"), 421)
    assert_error(rebound.post("/api/ingest", data={"text": "x"}), 421)


def test_web_api_chunked_body_past_the_limit_is_refused(client):
    def chunks():  # no Content-Length: the bytes themselves are counted
        for _ in range(200):
            yield b"x" * 10_000

    assert_error(client.post("/api/ingest", content=chunks(),
                             headers={"content-type": "text/plain"}), 413)


@pytest.mark.parametrize("url", ["/", "/api/stats", "/nowhere", "/api/events?limit=x"])
def test_web_every_answer_carries_the_security_headers(client, url):
    headers = client.get(url).headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "same-origin"


def test_web_head_is_answered_like_get_without_a_body(client):
    response = client.head("/api/stats")
    assert response.status_code == 200 and response.content == b""
    assert response.headers["content-type"].startswith("application/json")


def test_web_pages_have_no_inline_style_or_script(client):
    for url in ["/", "/agreements", "/upload"]:
        page = client.get(url).text
        assert "style=" not in page and "<script" not in page, url


def test_web_token_required_beyond_loopback_even_from_the_own_pages(sample_store):
    app = create_app(sample_store("web"), token="s3cret", token_required=True)
    with TestClient(app, base_url=HOME, headers={"origin": HOME}) as browser:
        assert_error(browser.post("/api/ingest", data={"text": "x"}), 401)
        assert 'name="token"' in browser.get("/upload").text
        answer = browser.post("/upload", data={"text": "Texte bref.", "token": "s3cret"})
        assert answer.status_code == 200, answer.text
