"""The settings object (``cnngrade.settings``): read once from the environment and the command line."""
from pathlib import Path

from cnngrade.settings import DEFAULT_MEMORY_MB, Settings


def test_defaults_from_an_empty_environment(tmp_path):
    s = Settings.load({}, autograde_dir=tmp_path)
    assert s == Settings(tmp_path, sandbox=True, require_sandbox=False, workers=None, scheduler=None, timeout=None,
                         force=False, memory_mb=DEFAULT_MEMORY_MB, progress=True)


def test_environment_variables(tmp_path):
    s = Settings.load({"CNNGRADE_SANDBOX": "0", "CNNGRADE_REQUIRE_SANDBOX": "1"}, autograde_dir=tmp_path)
    assert (s.sandbox, s.require_sandbox) == (False, True)
    assert Settings.load({"CNNGRADE_SANDBOX": "1"}, autograde_dir=tmp_path).sandbox


def test_the_command_line_wins_and_empty_options_keep_the_default(tmp_path):
    s = Settings.load({"CNNGRADE_SANDBOX": "1"}, autograde_dir=tmp_path, sandbox=False, workers=0, scheduler="",
                      timeout=0, force=True)
    assert (s.sandbox, s.workers, s.scheduler, s.timeout, s.force) == (False, None, None, None, True)
    assert Settings.load({}, autograde_dir=tmp_path, workers=4, timeout=30).but(force=True) == \
        Settings(tmp_path, workers=4, timeout=30, force=True)


def test_default_autograde_dir_is_the_repositorys():
    assert Settings.load({}).autograde_dir == Path(__file__).resolve().parents[2] / "autograde"
