"""Validation, the plain emitter, the linter and the CLI never import cdktf/cdktn/jsii nor start Node."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

_PROBE = textwrap.dedent("""
    import json, os, sys
    import cdktf_ecs_snapshot
    from cdktf_ecs_snapshot.plain import SnapshotSpec, render
    from cdktf_ecs_snapshot.lint import lint_paths
    from cdktf_ecs_snapshot.cli import main
    render([SnapshotSpec(id="a", disk_id="d-1", retention_days="20")])
    lint_paths(["tests/fixtures/lint/bad"])
    for argv in (["render", "tests/fixtures/specs/sample.yaml"], ["lint", "tests/fixtures/lint/bad"],
                 ["force-new", "--provider-version", "1.230.0"], ["check-import-id", "s-1"], ["rules"]):
        main(argv)
    loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("jsii", "cdktf", "cdktn", "constructs"))
    children = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                with open(f"/proc/{pid}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == os.getpid():
                children.append(pid)
    sys.stderr.write("RESULT " + json.dumps({"modules": loaded, "children": children}) + "\\n")
""")


def _run_probe(env: dict[str, str]) -> dict[str, list[str]]:
    proc = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, env=env, check=False)
    line = next((ln for ln in proc.stderr.splitlines() if ln.startswith("RESULT ")), None)
    assert line is not None, proc.stderr[-2000:]
    result: dict[str, list[str]] = json.loads(line[len("RESULT ") :])
    return result


def test_lazy_core_no_cdk_modules_loaded() -> None:
    assert _run_probe(dict(os.environ))["modules"] == []


def test_lazy_core_works_without_node_on_path() -> None:
    bin_dir = os.path.dirname(sys.executable)
    result = _run_probe(dict(os.environ, PATH=bin_dir))  # only the venv's bin: no node
    assert result == {"modules": [], "children": []}
