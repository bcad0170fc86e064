"""Under ``ulimit -v`` the kit's DuckDB keeps within the process's limit.

DuckDB sizes itself by the machine's RAM, so a capped process (a shared login node, a
notebook started with ``ulimit -v``) would fail to allocate on a big log instead of
spilling to disk. ``benchmarks/measure.py --big-csv-gb 6 --memory-cap-gb 3`` measures a
4.5 GB CSV under a 3 GiB cap; this test checks the setting that allows it.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="RLIMIT_AS is enforced on Linux"
)

CHILD = """
import json, resource, sys
cap = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
import pandas as pd
import journeykit as jk
from journeykit.analytics import _backend
log = pd.DataFrame({"user_id": ["a", "a", "b"], "event": ["x", "y", "x"],
                    "timestamp": ["2024-01-01T10:00:00Z", "2024-01-01T10:05:00Z",
                                  "2024-01-01T11:00:00Z"]})
users = jk.measure(jk.read_events(log), {"x": "x", "y": "y"}).funnel()["users"].tolist()
limit = _backend.duckdb_connection().execute(
    "SELECT current_setting('memory_limit')").fetchone()[0]
print(json.dumps({"limit": limit, "users": users}))
"""


def child(cap: int) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(cap)], capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_duckdb_takes_a_third_of_the_address_space_a_capped_process_may_use() -> None:
    got = child(3 * 2**30)
    assert got == {"limit": "1.0 GiB", "users": [2, 1]}


def test_running_out_of_memory_says_so_and_how_to_go_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import journeykit as jk
    from journeykit.analytics import _backend
    from journeykit.errors import JourneyMapError

    users = [f"u{i}" for i in range(20_000)]
    log = pd.DataFrame(
        {
            "user_id": users * 4,
            "event": ["a"] * 20_000 + ["b"] * 20_000 + ["c"] * 20_000 + ["d"] * 20_000,
            "timestamp": pd.date_range("2024-01-01", periods=80_000, freq="s", tz="UTC"),
        }
    )
    events = jk.read_events(log)
    con = _backend.duckdb_connection()
    before = con.execute("SELECT current_setting('memory_limit')").fetchone()
    assert before is not None
    con.execute("SET memory_limit = '1MB'")
    try:
        with pytest.raises(JourneyMapError) as caught:
            jk.measure(events, {step: step for step in "abcd"}).funnel()
    finally:
        con.execute(f"SET memory_limit = '{before[0]}'")
    problem = caught.value.problems[0]
    assert "ran out of memory computing the funnel" in problem.message
    assert "part of the log" in problem.fix
