"""The history store is shared safely and never half-written.

Commands that only read open the store read-only: they never block each other and need no
write access. A command that finds the store held waits a bounded time, then names the
process holding it. One import (or sync) is one transaction. A full disk says so, in the
system's words.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner
from fupan.sync.api import init_workspace
from fupan.sync.cli.app import cli
from fupan.sync.errors import StoreError, StoreLockedError
from fupan.sync.flows.sync import sync_workbook
from fupan.sync.ingest.schema import TABLES
from fupan.sync.periods import Period
from fupan.sync.samples import writers
from fupan.sync.store.history import Store
from fupan.sync.store.importer import import_reports
from fupan.sync.workspace import Workspace

pytestmark = pytest.mark.slow  # real processes holding the store

TODAY = date(2026, 11, 25)

# `fupan ARGS` in a process of its own.
FUPAN = "import sys; from fupan.sync.cli.app import main; main()"


def reports(folder: Path, seller) -> list[Path]:
    """Six small reports that carry their own dates (no --period needed), in import order."""
    folder.mkdir(parents=True, exist_ok=True)
    return [
        writers.write_feedback(folder / "feedback.txt", seller),
        writers.write_business_daily(folder / "BusinessReport-by-date.csv", seller),
        writers.write_returns(folder / "returns.txt", seller),
        writers.write_sp_campaign_csv(folder / "sp-campaigns.csv", seller),
        writers.write_sd_xlsx(folder / "sd-targeting.xlsx", seller),
        writers.write_performance(folder / "performance.json", seller),
    ]


@pytest.fixture(scope="module")
def synced(tmp_path_factory, seller) -> Path:
    """A workspace after one `fupan sync`: a store with history and a reviewed workbook."""
    ws = init_workspace(tmp_path_factory.mktemp("synced") / "shop")
    reports(ws.reports, seller)
    sync_workbook(ws, today=TODAY)
    return ws.root


@pytest.fixture
def workspace(synced, tmp_path) -> Workspace:
    """This test's own copy of the synced workspace."""
    root = tmp_path / "shop"
    shutil.copytree(synced, root)
    return Workspace.load(root)


def fupan(*args: object, wrap: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    command = [*(wrap or []), sys.executable, "-c", FUPAN, *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=600)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def contents(path: Path) -> dict[str, object]:
    """What a store holds: the files imported, and the rows of every table."""
    with Store.open(path, read_only=True) as store:
        found: dict[str, object] = {"imports": list(store.imports().file)}
        found.update({name: len(store.table(name)) for name in TABLES})
        return found


# Read-only commands ----------------------------------------------------------------------


def with_permissions_enforced() -> list[str]:
    """A command prefix under which file permissions apply. Root ignores them, so for root
    the command runs under setpriv without the capabilities that override them."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root, which ignores file permissions, and setpriv is missing")
    caps = "-dac_override,-dac_read_search,-fowner"
    return ["setpriv", f"--bounding-set={caps}", f"--inh-caps={caps}"]


@contextmanager
def read_only(root: Path, *, keep: tuple[Path, ...] = ()) -> Iterator[list[str]]:
    """`root` and all in it read-only (but the folders in `keep`) for the block; yields the
    command prefix under which that is enforced."""
    wrap = with_permissions_enforced()
    inside = [p for p in root.rglob("*") if not any(p == k or k in p.parents for k in keep)]
    files = [p for p in inside if p.is_file()]
    folders = [root, *(p for p in inside if p.is_dir())]
    for f in files:
        f.chmod(0o444)
    for d in folders:
        d.chmod(0o555)
    try:
        probe = [*wrap, sys.executable, "-c", "open(__import__('sys').argv[1], 'w')"]
        r = subprocess.run([*probe, root / "probe"], capture_output=True, text=True)
        if r.returncode == 0:
            (root / "probe").unlink()
            pytest.skip("this file system does not enforce read-only permissions")
        if "PermissionError" not in r.stderr:
            pytest.skip(f"cannot run a command without write access here: {r.stderr.strip()}")
        yield wrap
    finally:
        for d in folders:
            d.chmod(0o755)
        for f in files:
            f.chmod(0o644)


def files_in(root: Path) -> dict[str, str]:
    return {p.name: digest(p) for p in root.iterdir() if p.is_file()}


def test_read_only_commands_work_in_a_read_only_folder(workspace, tmp_path):
    root = workspace.root
    snapshots = root / "snapshots"  # `minutes` freezes the workbook here: its own output
    snapshots.mkdir()
    out = tmp_path / "minutes"
    out.mkdir()
    before = files_in(root)
    with read_only(root, keep=(snapshots,)) as wrap:
        runs = {
            "kpis": fupan("kpis", "--workspace", root, wrap=wrap),
            "sync --dry-run": fupan("sync", "--dry-run", "--workspace", root, wrap=wrap),
            "minutes": fupan("minutes", "--workspace", root, "--out", out / "m.md", wrap=wrap),
            "check": fupan("check", workspace.reports, wrap=wrap),
        }
        refused = fupan("import", "--workspace", root, wrap=wrap)
    for name, r in runs.items():
        assert r.returncode == 0, f"{name}: {r.stderr}"
        assert "Traceback" not in r.stderr, name
    assert "Dry run: nothing was written." in runs["sync --dry-run"].stdout
    assert "sp-campaigns.csv" in runs["check"].stdout
    assert (out / "m.md").read_text(encoding="utf-8").startswith("#")
    # Nothing was written beside the store (no .wal) and the store is as it was.
    assert files_in(root) == before
    # A command that writes is refused in a sentence, with what still works.
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "cannot be opened: Permission denied" in refused.stderr
    assert "commands that only read" in refused.stderr


KILLED = textwrap.dedent(
    """
    import os, sys
    from fupan.sync.store.importer import import_reports
    from fupan.sync.periods import Period
    from fupan.sync.store.history import Store
    store = Store.open(sys.argv[1])
    import_reports([sys.argv[2]], store=store, period=Period.parse(sys.argv[3]))
    os._exit(0)  # killed after the commit, before the store was tidied (checkpointed)
    """
)
COUNT = (
    "import sys; from fupan.sync.store.history import Store; "
    "print(len(Store.open(sys.argv[1], read_only=True).imports()))"
)


def test_a_killed_writers_leftovers_read_in_a_read_only_folder(workspace, tmp_path, seller):
    week = Period.parse("2026-11-16..2026-11-22")
    extra = writers.write_business_asin(tmp_path / "BusinessReport.csv", seller, week)
    killed = subprocess.run(
        [sys.executable, "-c", KILLED, workspace.store_path, extra, str(week)], capture_output=True
    )
    assert killed.returncode == 0, killed.stderr
    wal = workspace.store_path.with_name("history.duckdb.wal")
    assert wal.exists()  # the last import lives only in the write-ahead log
    before = files_in(workspace.root)
    with read_only(workspace.root) as wrap:
        count = [*wrap, sys.executable, "-c", COUNT, workspace.store_path]
        r = subprocess.run(count, capture_output=True, text=True)
        kpis = fupan("kpis", "--workspace", workspace.root, wrap=wrap)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "7"  # the six synced files and the one in the log
    assert kpis.returncode == 0, kpis.stderr
    assert files_in(workspace.root) == before  # the log was read, not replayed into the file


HOLD = textwrap.dedent(
    """
    import sys, time
    from fupan.sync.store.history import Store
    path, mode, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
    store = Store.open(path, read_only=mode == "read", wait=0)
    print("holding", flush=True)
    if seconds:
        time.sleep(seconds)
    else:
        sys.stdin.readline()
    store.close()
    """
)


@contextmanager
def holding(path: Path, mode: str, seconds: float = 0.0) -> Iterator[subprocess.Popen[str]]:
    """Another process with the store open ("read" or "write"): until the block ends, or
    for `seconds`."""
    p = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path), mode, str(seconds)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = p.stdout.readline()  # type: ignore[union-attr]
        assert line == "holding\n", p.stderr.read()  # type: ignore[union-attr]
        yield p
    finally:
        p.stdin.close()  # type: ignore[union-attr]
        p.wait(timeout=60)
        p.stdout.close()  # type: ignore[union-attr]
        p.stderr.close()  # type: ignore[union-attr]


def test_read_only_commands_never_block_each_other(workspace, tmp_path, monkeypatch):
    monkeypatch.setenv("FUPAN_STORE_WAIT", "0")  # a command that had to wait fails at once
    root = str(workspace.root)
    commands = [
        ["kpis", "--workspace", root],
        ["sync", "--dry-run", "--workspace", root],
        ["minutes", "--workspace", root, "--out", str(tmp_path / "m.md")],
    ]
    with holding(workspace.store_path, "read") as a, holding(workspace.store_path, "read") as b:
        assert a.poll() is None and b.poll() is None  # two processes read it at once
        for args in commands:  # ... and a third runs each read-only command beside them
            r = CliRunner().invoke(cli, args)
            assert r.exit_code == 0, f"{args[0]}: {r.output}"


def test_a_writer_waits_then_names_the_reader_holding_the_store(workspace, monkeypatch):
    monkeypatch.setenv("FUPAN_STORE_WAIT", "0.5")
    with holding(workspace.store_path, "read") as reader:
        started = time.monotonic()
        r = CliRunner().invoke(cli, ["import", "--workspace", str(workspace.root)])
        waited = time.monotonic() - started
        assert reader.poll() is None
    assert r.exit_code == 1 and isinstance(r.exception, SystemExit)
    assert waited >= 0.5
    assert f'The history store "{workspace.store_path}" is in use: process {reader.pid}' in r.output
    assert "has it open to read" in r.output and "waited 0.5 s" in r.output
    assert f"kill {reader.pid}" in r.output
    if Path(f"/proc/{os.getpid()}/cmdline").exists():  # the holder's own command line
        assert "from fupan.sync.store.history import Store" in r.output


def test_a_reader_waits_then_names_the_writer_holding_the_store(workspace, monkeypatch):
    monkeypatch.setenv("FUPAN_STORE_WAIT", "0.3")
    with holding(workspace.store_path, "write") as writer:
        r = CliRunner().invoke(cli, ["kpis", "--workspace", str(workspace.root)])
    assert r.exit_code == 1 and isinstance(r.exception, SystemExit)
    assert f"process {writer.pid}" in r.output and "has it open to import or sync" in r.output
    assert "Wait for it to finish, then run this command again" in r.output


def test_a_writer_gets_the_store_once_the_holder_lets_go(workspace):
    with holding(workspace.store_path, "write", seconds=1.0):
        started = time.monotonic()
        with Store.open(workspace.store_path, wait=60) as store:  # retries with back-off
            waited = time.monotonic() - started
            assert len(store.imports()) == 6
    assert 0.5 <= waited < 60  # it got the store once the holder let go, a second later
    with (
        holding(workspace.store_path, "write"),
        pytest.raises(StoreLockedError, match=r"is in use: process \d+"),
    ):
        Store.open(workspace.store_path, read_only=True, wait=0)


def test_the_wait_is_a_number_of_seconds(workspace, monkeypatch):
    monkeypatch.setenv("FUPAN_STORE_WAIT", "a while")
    r = CliRunner().invoke(cli, ["kpis", "--workspace", str(workspace.root)])
    assert r.exit_code == 2 and '$FUPAN_STORE_WAIT is "a while"' in r.output


def test_a_workspace_without_a_store_yet_reads_as_empty(tmp_path, seller):
    ws = init_workspace(tmp_path / "shop")
    ws.store_path.unlink()  # as before the first import
    with Store.open(ws.store_path, read_only=True) as store:
        assert store.imports().empty and store.table("ads").empty and not store.marketplaces()
        with pytest.raises(StoreError, match="opened read-only"):
            import_reports(reports(tmp_path / "in", seller)[:1], store=store, today=TODAY)
    r = CliRunner().invoke(cli, ["kpis", "--workspace", str(ws.root)])
    assert "no dated data" in r.output and isinstance(r.exception, SystemExit)
    assert not ws.store_path.exists()  # reading created nothing


def test_a_store_lacking_a_newer_table_reads_it_as_empty(tmp_path, seller):
    path = tmp_path / "history.duckdb"
    with Store.open(path) as store:
        import_reports(reports(tmp_path / "in", seller)[:2], store=store, today=TODAY)
    con = duckdb.connect(str(path))
    con.execute("DROP TABLE orders")  # a store written before orders were kept
    con.close()
    with Store.open(path, read_only=True) as store:
        assert store.table("orders").empty
        assert len(store.table("business_daily")) == seller.days
    con = duckdb.connect(str(path), read_only=True)
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    con.close()
    assert "orders" not in tables  # the file itself was not changed


def test_a_file_that_is_not_a_store_is_named(tmp_path):
    path = tmp_path / "history.duckdb"
    path.write_text("a spreadsheet saved under the store's name\n" * 200, encoding="utf-8")
    for read_only in (False, True):
        with pytest.raises(StoreError) as raised:
            Store.open(path, read_only=read_only, wait=0)
        assert f'The history store "{path}" cannot be opened' in str(raised.value)
        assert "not a valid DuckDB database file. If it is not a fupan history store" in str(
            raised.value
        )


# One import, one transaction ---------------------------------------------------------------


def fail_on_insert(monkeypatch: pytest.MonkeyPatch, n: int, exc: BaseException) -> list[str]:
    """Make the `n`th file's rows fail to store; returns the tables written so far."""
    written: list[str] = []
    real = Store._insert

    def insert(self, spec, frame):
        written.append(spec.name)
        if len(written) == n:
            raise exc
        real(self, spec, frame)

    monkeypatch.setattr(Store, "_insert", insert)
    return written


@pytest.mark.parametrize(
    "failure",
    [OSError(errno.EIO, os.strerror(errno.EIO)), RuntimeError("a bug in a reader")],
    ids=["disk", "bug"],
)
def test_one_import_stores_all_its_files_or_none(tmp_path, seller, monkeypatch, failure):
    first, *five = reports(tmp_path / "in", seller)
    path = tmp_path / "history.duckdb"
    with Store.open(path) as store:
        import_reports([first], store=store, today=TODAY)
    before = contents(path)
    real = Store._insert
    written = fail_on_insert(monkeypatch, 3, failure)
    with Store.open(path) as store, pytest.raises((StoreError, RuntimeError)) as raised:
        import_reports(five, store=store, today=TODAY)
    assert len(written) == 3  # the first two files were written before the third failed
    if isinstance(failure, OSError):
        assert "cannot be written: Input/output error" in str(raised.value)
        assert "Nothing from this run was stored" in str(raised.value)
    else:
        assert raised.value is failure
    assert contents(path) == before  # ... and none of them is in the store
    monkeypatch.setattr(Store, "_insert", real)
    with Store.open(path) as store:
        done = import_reports(five, store=store, today=TODAY)
    assert len(done.imported) == 5 and len(contents(path)["imports"]) == 6


def test_a_sync_stores_all_its_files_or_none(tmp_path, seller, monkeypatch):
    ws = init_workspace(tmp_path / "shop")
    reports(ws.reports, seller)[0].unlink()  # five files
    workbook = digest(ws.workbook)
    before = contents(ws.store_path)
    real = Store._insert
    written = fail_on_insert(monkeypatch, 3, OSError(errno.EIO, os.strerror(errno.EIO)))
    r = CliRunner().invoke(cli, ["sync", "--workspace", str(ws.root)])
    assert r.exit_code == 1 and isinstance(r.exception, SystemExit), r.output
    assert "cannot be written: Input/output error" in r.output
    assert len(written) == 3 and contents(ws.store_path) == before
    assert digest(ws.workbook) == workbook  # nothing imported, nothing written
    monkeypatch.setattr(Store, "_insert", real)
    r = CliRunner().invoke(cli, ["sync", "--workspace", str(ws.root)])
    assert r.exit_code == 0, r.output
    assert r.output.count("imported ") == 5 and len(contents(ws.store_path)["imports"]) == 5


# A full disk -------------------------------------------------------------------------------

NO_SPACE = os.strerror(errno.ENOSPC)  # "No space left on device"


def duckdb_commit_fails(self: Store) -> None:
    """What DuckDB does when the write-ahead log cannot be written: it undoes the
    transaction, then raises (so a ROLLBACK after it finds no transaction)."""
    self._con.execute("ROLLBACK")
    raise duckdb.TransactionException(
        f'TransactionContext Error: Failed to commit: Could not write file "{self.path}.wal": '
        f"{NO_SPACE}"
    )


@pytest.mark.parametrize("where", ["insert", "commit"])
def test_a_full_disk_gives_the_systems_message(tmp_path, seller, monkeypatch, where):
    ws = init_workspace(tmp_path / "shop")
    reports(ws.reports, seller)
    before = contents(ws.store_path)
    if where == "insert":
        fail_on_insert(monkeypatch, 2, OSError(errno.ENOSPC, NO_SPACE))
    else:
        monkeypatch.setattr(Store, "_commit", duckdb_commit_fails)
    r = CliRunner().invoke(cli, ["import", "--workspace", str(ws.root)])
    assert r.exit_code == 1 and isinstance(r.exception, SystemExit), r.output
    assert f'The history store "{ws.store_path}" cannot be written: {NO_SPACE}.' in r.output
    assert "Nothing from this run was stored" in r.output
    assert "Free some space on that disk" in r.output
    assert "rollback" not in r.output.lower() and "TransactionContext" not in r.output
    assert contents(ws.store_path) == before


FULL_DISK = textwrap.dedent(
    """
    import json, os, subprocess, sys
    from fupan.sync.store.history import Store
    disk, reports, fupan = sys.argv[1], sys.argv[2], sys.argv[3]
    shop = os.path.join(disk, "shop")

    def run(*args):
        r = subprocess.run([sys.executable, "-c", fupan, *args], capture_output=True, text=True)
        with Store.open(os.path.join(shop, "history.duckdb"), read_only=True) as store:
            imported = len(store.imports())
        return {"code": r.returncode, "err": r.stderr, "imported": imported}

    steps = {"init": run("init", shop)}
    filler = os.open(os.path.join(disk, "filler"), os.O_WRONLY | os.O_CREAT)
    size = 0
    try:
        while True:
            size += os.write(filler, bytes(16384))
    except OSError:
        pass
    os.ftruncate(filler, max(0, size - 32768))  # 32 KB left: less than one import needs
    os.close(filler)
    steps["full"] = run("import", "--workspace", shop, reports)
    os.remove(os.path.join(disk, "filler"))
    steps["room"] = run("import", "--workspace", shop, reports)
    print(json.dumps(steps))
    """
)


def test_a_full_disk_for_real(tmp_path, seller):
    """On a small file system of its own (a tmpfs in a private mount namespace)."""
    if sys.platform != "linux" or shutil.which("unshare") is None:
        pytest.skip("needs Linux's unshare to mount a small file system")
    folder = tmp_path / "in"
    reports(folder, seller)
    disk = tmp_path / "disk"
    disk.mkdir()
    mount = 'mount -t tmpfs -o size=4m tmpfs "$0" || exit 97; exec "$@"'
    command = ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", mount, disk]
    command += [sys.executable, "-c", FULL_DISK, disk, folder, FUPAN]
    r = subprocess.run(list(map(str, command)), capture_output=True, text=True, timeout=600)
    if r.returncode == 97 or r.stderr.startswith("unshare:"):
        pytest.skip(f"mounting a small file system is not permitted here: {r.stderr.strip()}")
    assert r.returncode == 0, r.stderr
    steps = json.loads(r.stdout)
    assert steps["init"]["code"] == 0, steps["init"]["err"]
    full = steps["full"]
    assert full["code"] == 1 and "Traceback" not in full["err"], full["err"]
    assert f"{NO_SPACE}." in full["err"] and "history.duckdb" in full["err"]
    assert "Free some space on that disk" in full["err"]
    assert full["imported"] == 0  # nothing of that run is in the store
    room = steps["room"]
    assert room["code"] == 0 and room["imported"] == 6, room["err"]
