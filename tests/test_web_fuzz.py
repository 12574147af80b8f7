"""Fuzz the OpenAPI schema with schemathesis: whatever the inputs, no route
answers with a server error, and errors keep the one error shape."""
from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed (pip install '.[web]')")
schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from diplograph.store import open_store  # noqa: E402
from diplograph.web import create_app  # noqa: E402
from tests_support import small_records  # noqa: E402


TOKEN = "fuzz-token"


def _app(tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz") / "fuzz.duckdb"
    with open_store(path) as store:
        for record in small_records():
            store.ingest_record(record)
    return create_app(path, max_files=2, max_file_bytes=5_000, token=TOKEN,
                      allowed_hosts={"testserver"})  # the name schemathesis calls it by


@pytest.fixture(scope="module")
def web_app(tmp_path_factory):
    return _app(tmp_path_factory)


def _operations(app) -> list:
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    return [r.ok() for r in schema.get_all_operations()]


def test_web_fuzz_no_server_errors(web_app):
    """Every operation, 40 generated requests each (15 for POST /api/ingest, which
    runs the extraction), as schemathesis strategies driven by hypothesis: its
    pytest plugin does not run on pytest 9."""
    operations = _operations(web_app)
    assert len(operations) >= 11 and any(op.method.upper() == "POST" for op in operations)
    calls = []
    for operation in operations:
        examples = 15 if operation.method.upper() == "POST" else 40

        @given(case=operation.as_strategy())
        @settings(max_examples=examples, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def run(case):
            response = case.call(headers={"x-diplograph-token": TOKEN})  # writes reach the app
            calls.append(response.status_code)
            case.validate_response(response, checks=[not_a_server_error])
            if response.status_code >= 400:
                body = response.json()
                assert set(body) == {"error"}, (operation.path, body)
                assert body["error"]["status"] == response.status_code

        run()
    assert len(calls) >= 10 * len(operations)
    assert any(code >= 400 for code in calls) and any(code == 200 for code in calls)
