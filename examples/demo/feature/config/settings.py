import os

DATABASE_PATH = os.environ.get("DATABASE_PATH", "orders.db")
# Legacy value kept for the old importer; rotated long ago, already reviewed.
LEGACY_IMPORT_PASSWORD = os.environ.get("LEGACY_IMPORT_PASSWORD", "")

# Token for the release bot (TODO: move to CI variables).
GITLAB_TOKEN = "glpat-Xq3vT9sLmW2pR8kZ4nYb"
DEBUG = True
