"""Schema version 2: scenario notes, excluded participants, submissions indexed by participant.

Revision ID: v2
Revises: v1
"""

from alembic import op

from swot.store.schema import MIGRATE_V1_V2, for_dialect, split_sql

revision = "v2"
down_revision = "v1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the version 2 columns and index."""
    for statement in split_sql(MIGRATE_V1_V2):
        op.execute(for_dialect(statement, op.get_bind().dialect.name))
