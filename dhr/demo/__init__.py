"""Fictional demonstration data: `manage.py seed_demo` for trying the service locally."""
