"""A local stand-in for the ``aliyun/alicloud`` Terraform provider, for offline rehearsals under real Terraform.

Real Terraform launches it like the real provider binary (plugin protocol v6, through ``pyvider``). It keeps no
state of its own: every create, read, update and delete goes through the real Alibaba Cloud SDK
(``alibabacloud_ecs20140526``) to an ECS endpoint, normally the local one from ``cdktf_ecs_snapshot.local_ecs``,
in the same call order as the real provider (see ``provider/README.md``).

Its Terraform schema is generated, per provider version, from ``provider/schemas`` and ``provider/facts`` (the
same files the library's own rules are checked against), so a stack that validates here validates with the
real provider of that version, and ForceNew changes plan as replacements exactly where the real one does.

Modules:
    schema_gen   provider/schemas + provider/facts at a version -> pyvider schemas
    provider     the provider block (region, keys, endpoints { ecs }, ...) and the ECS client it configures
    ecs          SDK calls, waiting, error text (one place that knows the wire)
    planning     plan-time rules shared by resources (conflicts, validation, deprecation warnings)
    resources/   alicloud_ecs_snapshot (+ alias), alicloud_ecs_disk, alicloud_ecs_disk_attachment,
                 data source alicloud_ecs_snapshots
    launcher     the entry point a mirror launcher script calls: ``run(version)``
"""
