"""Schema version 3: private links, workshop settings, rounds, subgroups, audit trail.

Revision ID: v3
Revises: v2
"""

from alembic import op

from swot.store.schema import MIGRATE_V2_V3, for_dialect, split_sql

revision = "v3"
down_revision = "v2"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the version 3 columns, indexes and the judgment_changes table."""
    for statement in split_sql(MIGRATE_V2_V3):
        op.execute(for_dialect(statement, op.get_bind().dialect.name))
