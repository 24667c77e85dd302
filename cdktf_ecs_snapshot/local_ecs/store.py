"""The endpoint's in-memory state: instances, disks and snapshots, loadable from and savable to one JSON file.

The file format is the same for a seed and for a saved state, so a saved rehearsal can be used as a seed and a
hand-written seed needs only the fields it cares about (everything else has the API's defaults)::

    {
      "region_id": "cn-hangzhou",
      "instances": [{"instance_id": "i-…", "zone_id": "cn-hangzhou-i", "status": "Running",
                     "disks": [{"disk_id": "d-…", "type": "system", "size": 40},
                               {"type": "data", "size": 100, "disk_name": "data1"}]}],
      "disks": [{"disk_id": "d-…", "status": "Available", "size": 20}],
      "snapshots": [{"source_disk_id": "d-…", "snapshot_name": "nightly",
                     "creation_time": "2026-01-01T00:00:00Z", "count": 250}]
    }

A snapshot entry with ``count`` N > 1 becomes N snapshots named ``<snapshot_name>-<i>`` one hour apart, ending
at ``creation_time``. Ids left out are generated. Snapshot ``status`` may be ``progressing`` (stays so until
``ready_in_seconds`` pass, if given), ``accomplished`` or ``failed``.

Saving writes a temporary file and renames it over the target, so a crash never leaves half a state file.
"""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .apierror import ConfigError
from .ids import format_time, new_id, now, parse_time

__all__ = ["Disk", "Instance", "Snapshot", "Store", "check_snapshot_seconds"]


@dataclass
class Instance:
    """An ECS instance: only what disks and ``DescribeInstances`` need."""

    instance_id: str
    region_id: str
    zone_id: str
    instance_name: str = ""
    status: str = "Running"
    instance_type: str = "ecs.g7.large"
    resource_group_id: str = ""
    creation_time: float = 0.0
    tags: dict[str, str] = field(default_factory=dict)


@dataclass
class Disk:
    """A cloud disk; ``attached_time`` empty means never attached (then the API refuses snapshots)."""

    disk_id: str
    region_id: str
    zone_id: str
    type: str = "data"
    category: str = "cloud_essd"
    size: int = 40
    status: str = "Available"
    disk_name: str = ""
    description: str = ""
    instance_id: str = ""
    device: str = ""
    encrypted: bool = False
    performance_level: str = "PL1"
    source_snapshot_id: str = ""
    resource_group_id: str = ""
    delete_with_instance: bool = False
    creation_time: float = 0.0
    attached_time: float = 0.0
    detached_time: float = 0.0
    tags: dict[str, str] = field(default_factory=dict)


@dataclass
class Snapshot:
    """A snapshot; ``ready_at``: when a ``progressing`` one becomes ``accomplished`` (0: never by itself)."""

    snapshot_id: str
    region_id: str
    source_disk_id: str
    source_disk_type: str = "data"
    source_disk_size: int = 40
    snapshot_name: str = ""
    description: str = ""
    status: str = "accomplished"
    category: str = "standard"
    retention_days: int | None = None
    creation_time: float = 0.0
    started_at: float = 0.0
    ready_at: float = 0.0
    resource_group_id: str = ""
    snapshot_type: str = "user"
    usage: str = "none"
    encrypted: bool = False
    instant_access: bool = False
    client_token: str = ""
    tags: dict[str, str] = field(default_factory=dict)


class Store:
    """All resources of one endpoint, guarded by ``lock`` (handlers run on many threads)."""

    def __init__(self, region_id: str = "cn-hangzhou", snapshot_seconds: float = 0.0) -> None:
        self.region_id = region_id
        self.snapshot_seconds = check_snapshot_seconds(snapshot_seconds)
        self.lock = threading.RLock()
        self.instances: dict[str, Instance] = {}
        self.disks: dict[str, Disk] = {}
        self.snapshots: dict[str, Snapshot] = {}
        self.client_tokens: dict[str, tuple[str, str]] = {}

    # -- lifecycle -------------------------------------------------------------------------------------------

    def refresh(self, at: float | None = None) -> None:
        """Advance time: finish snapshots whose delay has passed and release those past their retention."""
        moment = now() if at is None else at
        for snap in list(self.snapshots.values()):
            if snap.status == "progressing" and snap.ready_at and moment >= snap.ready_at:
                snap.status = "accomplished"
            if snap.retention_days and snap.creation_time + snap.retention_days * 86400 < moment:
                del self.snapshots[snap.snapshot_id]

    def progress(self, snap: Snapshot, at: float | None = None) -> str:
        """The ``Progress`` field: ``100%`` when done, else the share of the delay that has passed."""
        if snap.status != "progressing":
            return "100%"
        if not snap.ready_at:
            return "0%"
        moment = now() if at is None else at
        span = max(snap.ready_at - snap.started_at, 1e-9)
        return f"{min(99, int(100 * (moment - snap.started_at) / span))}%"

    # -- seeding ---------------------------------------------------------------------------------------------

    def load(self, data: dict[str, Any]) -> None:
        """Add everything in a seed/state document (see the module docstring) to this store.

        Raises ``ConfigError`` (naming the entry) for a document of the wrong shape; nothing is added then.
        """
        _check_seed(data)
        with self.lock:
            self.region_id = str(data.get("region_id", self.region_id))
            for raw in data.get("instances", []):
                self._load_instance(dict(raw))
            for raw in data.get("disks", []):
                self.add_disk(**_with_times(raw))
            for raw in data.get("snapshots", []):
                self._load_snapshots(dict(raw))

    def _load_instance(self, raw: dict[str, Any]) -> None:
        disks = raw.pop("disks", [])
        raw = _with_times(raw)
        inst = self.add_instance(**raw)
        for disk in disks:
            kwargs = _with_times(disk)
            kwargs.setdefault("instance_id", inst.instance_id)
            kwargs.setdefault("zone_id", inst.zone_id)
            self.add_disk(**kwargs)

    def _load_snapshots(self, raw: dict[str, Any]) -> None:
        count = int(raw.pop("count", 1))
        ready_in = raw.pop("ready_in_seconds", None)
        raw = _with_times(raw)
        if ready_in is not None:
            raw["started_at"] = now()
            raw["ready_at"] = now() + float(ready_in)
        if count == 1:
            self.add_snapshot(**raw)
            return
        end = raw.pop("creation_time", now())
        name = raw.pop("snapshot_name", "snapshot")
        raw.pop("snapshot_id", None)
        for index in range(count):
            self.add_snapshot(
                snapshot_name=f"{name}-{index + 1}", creation_time=end - (count - 1 - index) * 3600, **raw
            )

    def add_instance(self, instance_id: str = "", zone_id: str = "", **fields: Any) -> Instance:
        """Add an instance; missing id and zone get a generated id and ``<region>-i``."""
        with self.lock:
            inst = Instance(
                instance_id=instance_id or new_id("i"),
                region_id=str(fields.pop("region_id", self.region_id)),
                zone_id=zone_id or f"{self.region_id}-i",
                **fields,
            )
            inst.creation_time = inst.creation_time or now()
            self.instances[inst.instance_id] = inst
            return inst

    def add_disk(self, disk_id: str = "", zone_id: str = "", **fields: Any) -> Disk:
        """Add a disk; attached to ``instance_id`` if given (status ``In_use``, a device, an attach time)."""
        with self.lock:
            disk = Disk(
                disk_id=disk_id or new_id("d"),
                region_id=str(fields.pop("region_id", self.region_id)),
                zone_id=zone_id or f"{self.region_id}-i",
                **fields,
            )
            disk.creation_time = disk.creation_time or now()
            if disk.instance_id:
                if "status" not in fields:
                    disk.status = "In_use"
                disk.device = disk.device or self.next_device(disk.instance_id, disk.type)
                disk.attached_time = disk.attached_time or disk.creation_time
                if "delete_with_instance" not in fields:
                    disk.delete_with_instance = disk.type == "system"
            elif "attached_time" not in fields and disk.status == "Available":
                # A seeded loose disk is taken as attached before (else it could not be snapshotted).
                disk.attached_time = disk.creation_time
            self.disks[disk.disk_id] = disk
            return disk

    def add_snapshot(self, source_disk_id: str, snapshot_id: str = "", **fields: Any) -> Snapshot:
        """Add a snapshot of ``source_disk_id``; type and size follow the disk when it exists."""
        with self.lock:
            disk = self.disks.get(source_disk_id)
            if disk is not None:
                fields.setdefault("source_disk_type", disk.type)
                fields.setdefault("source_disk_size", disk.size)
                fields.setdefault("encrypted", disk.encrypted)
            snap = Snapshot(
                snapshot_id=snapshot_id or new_id("s"),
                region_id=str(fields.pop("region_id", self.region_id)),
                source_disk_id=source_disk_id,
                **fields,
            )
            snap.creation_time = snap.creation_time or now()
            snap.started_at = snap.started_at or snap.creation_time
            self.snapshots[snap.snapshot_id] = snap
            return snap

    def next_device(self, instance_id: str, disk_type: str) -> str:
        """The next free ``/dev/xvdX`` on an instance; the system disk is ``/dev/xvda``."""
        used = {d.device for d in self.disks.values() if d.instance_id == instance_id}
        if disk_type == "system" and "/dev/xvda" not in used:
            return "/dev/xvda"
        for letter in "bcdefghijklmnopqrstuvwxyz":
            if f"/dev/xvd{letter}" not in used:
                return f"/dev/xvd{letter}"
        return ""

    # -- persistence -----------------------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        """The whole state as a seed document (times as ISO-8601 UTC strings)."""
        with self.lock:
            instances = [_dump(inst) for inst in self.instances.values()]
            disks = [_dump(disk) for disk in self.disks.values()]
            snapshots = [_dump(snap) for snap in self.snapshots.values()]
        return {"region_id": self.region_id, "instances": instances, "disks": disks, "snapshots": snapshots}

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the state to ``path`` atomically (temporary file in the same directory, then rename)."""
        target = Path(path)
        text = json.dumps(self.to_json(), indent=1, sort_keys=True)
        fd, tmp = tempfile.mkstemp(prefix=target.name + ".", suffix=".tmp", dir=target.parent or ".")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


MAX_SEED_COUNT = 100_000
MAX_SNAPSHOT_SECONDS = 86_400.0
_SEED_LISTS = {"instances": Instance, "disks": Disk, "snapshots": Snapshot}
_EXTRA_FIELDS = {"instances": {"disks"}, "disks": set(), "snapshots": {"count", "ready_in_seconds"}}


def check_snapshot_seconds(value: object) -> float:
    """``snapshot_seconds`` as a finite number from 0 to one day; ``ConfigError`` otherwise."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= MAX_SNAPSHOT_SECONDS:
        raise ConfigError(
            f"snapshot_seconds must be a number of seconds from 0 to {MAX_SNAPSHOT_SECONDS:g}; got {value!r:.40}"
        )
    return float(value)


def _check_entry(where: str, raw: object, kind: type, extra: set[str]) -> None:
    if not isinstance(raw, dict):
        raise ConfigError(f"seed {where} must be a JSON object; got a JSON {type(raw).__name__}")
    allowed = {f.name for f in dataclasses.fields(kind)} | extra
    unknown = sorted(str(k) for k in raw if k not in allowed)
    if unknown:
        raise ConfigError(f"seed {where}: unknown field(s) {', '.join(unknown)}")
    for key in _TIME_FIELDS:
        value = raw.get(key)
        if value is not None and not isinstance(value, str) and (
            isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < 1e11
        ):
            raise ConfigError(f"seed {where}: {key} must be an ISO-8601 time or epoch seconds")


def _check_seed(data: object) -> None:
    """Refuse a seed document of the wrong shape with a message naming the entry (safe to show)."""
    if not isinstance(data, dict):
        raise ConfigError(f"a seed must be a JSON object; got a JSON {type(data).__name__}")
    unknown = sorted(str(k) for k in data if k not in ("region_id", *_SEED_LISTS))
    if unknown:
        raise ConfigError(f"seed: unknown key(s) {', '.join(unknown)}; expected region_id, instances, disks, snapshots")
    if "region_id" in data and not isinstance(data["region_id"], str):
        raise ConfigError("seed region_id must be a string")
    total = 0
    for key, kind in _SEED_LISTS.items():
        entries = data.get(key, [])
        if not isinstance(entries, list):
            raise ConfigError(f"seed {key} must be a JSON array; got a JSON {type(entries).__name__}")
        for i, raw in enumerate(entries):
            _check_entry(f"{key}[{i}]", raw, kind, _EXTRA_FIELDS[key])
            if key == "instances":
                disks = raw.get("disks", [])
                if not isinstance(disks, list):
                    raise ConfigError(f"seed {key}[{i}].disks must be a JSON array")
                for j, disk in enumerate(disks):
                    _check_entry(f"{key}[{i}].disks[{j}]", disk, Disk, set())
            if key == "snapshots":
                count = raw.get("count", 1)
                if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= MAX_SEED_COUNT:
                    raise ConfigError(
                        f"seed snapshots[{i}].count must be an integer from 1 to {MAX_SEED_COUNT}; got {count!r:.40}"
                    )
                total += count
                if "ready_in_seconds" in raw:
                    check_snapshot_seconds(raw["ready_in_seconds"])
    if total > MAX_SEED_COUNT:
        raise ConfigError(f"a seed may hold at most {MAX_SEED_COUNT} snapshots; got {total}")


_TIME_FIELDS = ("creation_time", "attached_time", "detached_time", "started_at", "ready_at")


def _time(value: Any) -> float:
    if isinstance(value, str):
        return parse_time(value) if value else 0.0
    return float(value or 0)


def _with_times(raw: dict[str, Any]) -> dict[str, Any]:
    kwargs = dict(raw)
    for key in _TIME_FIELDS:
        if key in kwargs:
            kwargs[key] = _time(kwargs[key])
    return kwargs


def _dump(item: Instance | Disk | Snapshot) -> dict[str, Any]:
    data = dataclasses.asdict(item)
    for key in _TIME_FIELDS:
        if key in data:
            data[key] = format_time(data[key]) if data[key] else ""
    return data
