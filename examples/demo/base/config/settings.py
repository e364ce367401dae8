import os

DATABASE_PATH = os.environ.get("DATABASE_PATH", "orders.db")
# Legacy value kept for the old importer; rotated long ago, already reviewed.
LEGACY_IMPORT_PASSWORD = os.environ.get("LEGACY_IMPORT_PASSWORD", "")
