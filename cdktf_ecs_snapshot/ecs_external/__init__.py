"""The external-data helper: a small program that Terraform's ``external`` data source runs to read ECS.

Operations ``disk``, ``latest_snapshot`` and ``preflight``; see ``__main__`` for the protocol and exit codes,
``protocol`` for the stringification rule, ``operations`` for the query keys. Read-only API calls only, and
never imports cdktf or cdktn, so each run starts fast and leaves no side effects.
"""

__all__: list[str] = []
