#!/usr/bin/env python3
"""Set up acumat in ./.venv and run it or its tests, with nothing but Python 3.11+ and pip.

    python3 tasks.py run    install acumat and start the web app on http://127.0.0.1:8000
    python3 tasks.py test   install acumat with its test tools and run lint, types and tests

Extra arguments after ``test`` go to pytest (e.g. ``python3 tasks.py test -k diary``).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")


def sh(*args: str | Path) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], cwd=ROOT, check=True)


def quietly(*args: str | Path) -> None:
    """Run an installer step, showing its output only when it fails."""
    done = subprocess.run(
        [str(a) for a in args], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        print(done.stdout + done.stderr, file=sys.stderr)
        raise subprocess.CalledProcessError(done.returncode, done.args)


def ensure_venv(extra: str) -> None:
    """Create .venv and install acumat into it, once per change of pyproject.toml.

    A stamp file remembers what was installed, so a second ``run`` starts at once instead
    of re-running pip.
    """
    if sys.version_info < (3, 11):  # noqa: UP036 - tasks.py may run on an older python3
        sys.exit(f"acumat needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    spec = f".[{extra}]" if extra else "."
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest() + spec
    stamp = VENV / f".installed-{extra or 'app'}"
    if stamp.exists() and stamp.read_text() == wanted and (BIN / "acumat").exists():
        return
    if not (BIN / "python").exists():
        print("Creating .venv ...", flush=True)
        venv.create(VENV, with_pip=True)
        quietly(BIN / "python", "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    print(f"Installing acumat{' with its ' + extra + ' tools' if extra else ''} ...", flush=True)
    pip = (BIN / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check")
    quietly(*pip, "-e", spec)
    stamp.write_text(wanted)


def run(args: list[str]) -> None:
    ensure_venv("")
    sh(BIN / "acumat", "serve", *args)


def test(args: list[str]) -> None:
    ensure_venv("test")
    sh(BIN / "ruff", "check", "src", "tests", "benchmarks", "tasks.py")
    sh(BIN / "ruff", "format", "--check", "src", "tests", "benchmarks", "tasks.py")
    sh(BIN / "mypy", "src", "tests")
    sh(BIN / "python", "-m", "pytest", "-n", "2", *args)


def main() -> None:
    commands = {"run": run, "test": test}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    try:
        commands[sys.argv[1]](sys.argv[2:])
    except subprocess.CalledProcessError as exc:
        sys.exit(exc.returncode)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
