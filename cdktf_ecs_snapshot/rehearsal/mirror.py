"""Write the Terraform filesystem mirror and CLI configuration that point Terraform at the provider doubles.

Layout (Terraform's "unpacked" mirror layout)::

    DIR/mirror/registry.terraform.io/aliyun/alicloud/<version>/linux_amd64/terraform-provider-alicloud_v<version>
    DIR/mirror/registry.terraform.io/hashicorp/external/<version>/linux_amd64/terraform-provider-external_v<version>
    DIR/terraformrc

Each file in the mirror is a stable launcher script, not the double itself: Terraform hashes the whole folder
into ``.terraform.lock.hcl``, so anything that changes (the double's code) must live elsewhere, here in the
installed package's ``provider/`` folder. The script's shebang is the absolute path of the current Python, and
it knows its version, so ``version = "1.230.0"`` in a stack gets the 1.230.0 schema (ForceNew and all).

The CLI configuration is the reference's config C without ``dev_overrides`` (which would make every command print
an override warning and, for the external double, is not needed): ``filesystem_mirror`` for the doubled
providers plus ``direct { exclude = [...] }``, so ``terraform init`` works offline and other providers still
come from the registry when there is a network.
"""

from __future__ import annotations

import os
import platform
import stat
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "ALICLOUD_VERSIONS",
    "EXTERNAL_VERSIONS",
    "Mirror",
    "launcher_text",
    "platform_dir",
    "terraformrc_text",
    "write_mirror",
]

#: Provider versions mirrored by default: every version users may pin and each side of every ForceNew change.
ALICLOUD_VERSIONS = ("1.120.0", "1.230.0", "1.231.0", "1.238.0", "1.239.0", "1.289.0")
#: hashicorp/external versions pinned by cdktf-cdktf-provider-external 11.0.1 and cdktn-provider-external 14.0.2.
EXTERNAL_VERSIONS = ("2.3.5", "2.4.2")

ALICLOUD_SOURCE = "registry.terraform.io/aliyun/alicloud"
EXTERNAL_SOURCE = "registry.terraform.io/hashicorp/external"


def platform_dir() -> str:
    """Terraform's ``<os>_<arch>`` folder name for this machine."""
    arch = {"x86_64": "amd64", "amd64": "amd64", "aarch64": "arm64", "arm64": "arm64"}.get(
        platform.machine().lower(), platform.machine().lower()
    )
    return f"{sys.platform if sys.platform != 'linux2' else 'linux'}_{arch}"


def launcher_text(kind: str, version: str, python: str | None = None) -> str:
    """The launcher script for one provider version (``kind`` is ``alicloud`` or ``external``)."""
    entry = {"alicloud": "run", "external": "run_external"}[kind]
    return (
        f"#!{python or sys.executable}\n"
        f"# {kind} provider double v{version}, written by `python -m cdktf_ecs_snapshot.rehearsal setup`.\n"
        "# Terraform hashes this file into .terraform.lock.hcl: keep it stable; the code lives in the package.\n"
        "import sys\n"
        "sys.dont_write_bytecode = True\n"
        "from cdktf_ecs_snapshot.rehearsal.loader import load_double\n"
        f"load_double().{entry}({version!r})\n"
    )


def terraformrc_text(mirror: Path) -> str:
    sources = f'"{ALICLOUD_SOURCE}", "{EXTERNAL_SOURCE}"'
    return (
        "# Written by `python -m cdktf_ecs_snapshot.rehearsal setup`: the aliyun/alicloud and hashicorp/external\n"
        "# providers come from local doubles in the mirror below; everything else from the registry.\n"
        "provider_installation {\n"
        "  filesystem_mirror {\n"
        f'    path    = "{mirror}"\n'
        f"    include = [{sources}]\n"
        "  }\n"
        "  direct {\n"
        f"    exclude = [{sources}]\n"
        "  }\n"
        "}\n"
        "disable_checkpoint = true\n"
    )


@dataclass(frozen=True)
class Mirror:
    """What ``write_mirror`` produced."""

    root: Path
    mirror: Path
    terraformrc: Path
    launchers: tuple[Path, ...]

    def env(self) -> dict[str, str]:
        return {"TF_CLI_CONFIG_FILE": str(self.terraformrc), "CHECKPOINT_DISABLE": "1"}


def _write_if_changed(path: Path, text: str, mode: int | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    if mode is not None:
        path.chmod(mode)


def write_mirror(
    root: str | os.PathLike[str],
    alicloud_versions: Iterable[str] = ALICLOUD_VERSIONS,
    external_versions: Iterable[str] = EXTERNAL_VERSIONS,
    python: str | None = None,
) -> Mirror:
    """Write (idempotently: unchanged files are left alone) the mirror and ``terraformrc`` under ``root``."""
    base = Path(root).resolve()
    mirror = base / "mirror"
    exec_mode = stat.S_IRWXU | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH
    launchers: list[Path] = []
    for kind, source, versions in (
        ("alicloud", ALICLOUD_SOURCE, alicloud_versions),
        ("external", EXTERNAL_SOURCE, external_versions),
    ):
        for version in versions:
            path = (
                mirror / source / version / platform_dir() / f"terraform-provider-{source.rsplit('/', 1)[1]}_v{version}"
            )
            _write_if_changed(path, launcher_text(kind, version, python), exec_mode)
            launchers.append(path)
    rc = base / "terraformrc"
    _write_if_changed(rc, terraformrc_text(mirror))
    return Mirror(base, mirror, rc, tuple(launchers))
