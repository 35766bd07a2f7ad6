"""A private PostgreSQL cluster for the archive tests: initdb into a temporary folder,
start on a free local port, stop and remove at the end. Standard library only, so
``.ci/run`` uses it too:

    python3 tests/pgcluster.py start DIR   # prints the URL
    python3 tests/pgcluster.py stop DIR

initdb refuses to run as root: as root the cluster runs as the ``postgres`` user
(Debian's package creates it), owning the folder.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
from pathlib import Path

USER = "bureaukit"


def find_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    return candidates[0] if candidates else None


def _as_owner(folder: Path) -> list[str]:
    """The command prefix that runs as the cluster's owner (root cannot own a cluster)."""
    if os.geteuid() != 0:
        return []
    try:
        owner = pwd.getpwnam("postgres")
    except KeyError:
        raise RuntimeError("running as root and there is no postgres user to own the cluster") from None
    for p in [folder, *folder.rglob("*")]:
        os.chown(p, owner.pw_uid, owner.pw_gid)
    return ["runuser", "-u", "postgres", "--"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(folder: Path) -> str:
    """Start a cluster in *folder*; return its URL (user ``bureaukit``, no password)."""
    initdb, pg_ctl = find_bin("initdb"), find_bin("pg_ctl")
    if initdb is None or pg_ctl is None:
        raise RuntimeError("PostgreSQL's initdb and pg_ctl are not installed (Debian: apt-get install postgresql)")
    folder.mkdir(parents=True, exist_ok=True)
    prefix = _as_owner(folder)
    data = folder / "data"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE, "check": True, "text": True}
    subprocess.run([*prefix, initdb, "-D", str(data), "-A", "trust", "-U", USER, "-E", "UTF8",
                    "--no-locale", "--no-sync"], **quiet)  # type: ignore[call-overload]
    port = _free_port()
    opts = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60"
    subprocess.run([*prefix, pg_ctl, "-D", str(data), "-o", opts, "-l", str(folder / "log"), "-w",
                    "start"], **quiet)  # type: ignore[call-overload]
    (folder / "url").write_text(f"postgresql://{USER}@127.0.0.1:{port}/postgres", encoding="utf-8")
    return (folder / "url").read_text(encoding="utf-8")


def stop(folder: Path) -> None:
    pg_ctl = find_bin("pg_ctl")
    if pg_ctl is not None and (folder / "data" / "postmaster.pid").exists():
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*prefix, pg_ctl, "-D", str(folder / "data"), "-m", "immediate", "-w", "stop"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    action, where = sys.argv[1], Path(sys.argv[2])
    if action == "start":
        try:
            print(start(where))
        except (RuntimeError, subprocess.CalledProcessError) as exc:
            detail = getattr(exc, "stderr", "") or ""
            sys.exit(f"cannot start PostgreSQL: {exc} {detail}".strip())
    else:
        stop(where)
