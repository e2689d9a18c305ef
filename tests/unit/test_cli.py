"""The command line (``cnngrade.cli``): one sub-command per verb, each with its own --help."""
import subprocess
import sys

import pytest

from cnngrade.cli import build_parser

VERBS = ["prove", "sync", "check-engine", "bench", "bench-grading", "student-edition", "collect", "autograde",
         "report", "similarity", "bench-similarity"]


def test_every_verb_is_a_sub_command_with_its_own_function():
    parser = build_parser()
    actions = [a for a in parser._actions if a.dest == "command"][0]
    assert sorted(actions.choices) == sorted(VERBS)
    for verb, sub in actions.choices.items():
        assert sub.get_default("func").__name__ == "cmd_" + verb.replace("-", "_"), verb


@pytest.mark.parametrize("verb", VERBS)
def test_help_of_each_verb(verb, capsys):
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args([verb, "--help"])
    assert exit_.value.code == 0
    assert f"python -m cnngrade {verb}" in capsys.readouterr().out


def test_autograde_options_as_the_makefile_passes_them():
    args = build_parser().parse_args(["autograde", "01-one-by-one", "--force", "--workers", "3", "--scheduler",
                                      "tcp://h:8786", "--timeout", "20", "--no-sandbox"])
    assert (args.chapters, args.force, args.workers, args.scheduler, args.timeout, args.no_sandbox) == \
        (["01-one-by-one"], True, 3, "tcp://h:8786", 20, True)


def test_no_command_is_an_error():
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args([])
    assert exit_.value.code == 2


def test_python_dash_m_cnngrade_help():
    proc = subprocess.run([sys.executable, "-m", "cnngrade", "--help"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and "autograde" in proc.stdout and "prove" in proc.stdout
