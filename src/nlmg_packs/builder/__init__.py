"""Plan, decide what is stale, render, write atomically, record in the manifest."""
