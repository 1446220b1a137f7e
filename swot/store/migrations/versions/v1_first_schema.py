"""Schema version 1: scenarios and workshops, participants and submissions.

Revision ID: v1
Revises:
"""

from alembic import op

from swot.store.schema import SCHEMA_V1, for_dialect, split_sql

revision = "v1"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the version 1 tables."""
    for statement in split_sql(SCHEMA_V1):
        op.execute(for_dialect(statement, op.get_bind().dialect.name))
