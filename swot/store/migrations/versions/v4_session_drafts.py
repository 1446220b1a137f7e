"""Schema version 4: the app's autosaved session drafts.

Revision ID: v4
Revises: v3
"""

from alembic import op

from swot.store.schema import MIGRATE_V3_V4, for_dialect, split_sql

revision = "v4"
down_revision = "v3"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the session_drafts table (kept as it is where the drafts code created it)."""
    for statement in split_sql(MIGRATE_V3_V4):
        op.execute(for_dialect(statement, op.get_bind().dialect.name))
