"""Every write to the panel app, as `<noun>_<verb>(*, actor, ...)` (see docs/architecture.md)."""
