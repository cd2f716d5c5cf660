"""Files and folders acumat creates are its owner's alone, and are written whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from acumat.files import copy_private, create_private_file, make_private_folder, write_whole
from tests.conftest import mode

pytestmark = pytest.mark.usefixtures("usual_umask")


def test_every_folder_it_creates_is_private(tmp_path: Path) -> None:
    make_private_folder(tmp_path / "a" / "b" / "c")
    assert [mode(tmp_path / p) for p in ("a", "a/b", "a/b/c")] == [0o700] * 3


def test_an_existing_folder_keeps_its_mode(tmp_path: Path) -> None:
    (tmp_path / "shared").mkdir(mode=0o755)
    make_private_folder(tmp_path / "shared" / "mine")
    assert (mode(tmp_path / "shared"), mode(tmp_path / "shared" / "mine")) == (0o755, 0o700)


def test_a_new_database_file_and_its_folder_are_private(tmp_path: Path) -> None:
    path = tmp_path / "home" / "acumat.db"
    create_private_file(path)
    assert (mode(path.parent), mode(path), path.read_bytes()) == (0o700, 0o600, b"")


def test_a_file_written_whole_is_private_and_leaves_no_partial(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("older")
    target.chmod(0o644)
    write_whole(target, b"new")
    assert (target.read_bytes(), mode(target)) == (b"new", 0o600)
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_a_private_copy_has_the_bytes_and_mode_0600(tmp_path: Path) -> None:
    source = tmp_path / "source.db"
    source.write_bytes(b"\x00\x01data")
    source.chmod(0o644)
    copy_private(source, tmp_path / "copy.db")
    assert ((tmp_path / "copy.db").read_bytes(), mode(tmp_path / "copy.db")) == (
        b"\x00\x01data",
        0o600,
    )


def test_a_small_text_file_is_read_whole_and_refusals_say_what_to_do(tmp_path: Path) -> None:
    from acumat.errors import InvalidInput
    from acumat.files import read_text_file

    good = tmp_path / "good.csv"
    good.write_bytes("\ufeffdate,pain\n".encode())
    assert read_text_file(good, "--csv", 1024) == "date,pain\n"
    latin = tmp_path / "latin.csv"
    latin.write_bytes(b"caf\xe9")
    big = tmp_path / "big.csv"
    big.write_bytes(b"x" * 2048)
    for path, limit, said in (
        (tmp_path / "missing.csv", 1024, "there is no file at"),
        (tmp_path, 1024, "is a folder; name the file in it"),
        (big, 1024, "is larger than 1 KB"),
        (latin, 1024, "is not UTF-8 text; save it as UTF-8 and try again"),
    ):
        with pytest.raises(InvalidInput) as refused:
            read_text_file(path, "--csv", limit)
        (problem,) = refused.value.problems
        assert problem.field == "--csv"
        assert said in problem.message
