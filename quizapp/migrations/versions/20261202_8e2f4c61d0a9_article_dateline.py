"""Articles keep their dateline: the year a day-and-month date takes comes from it, so a stored article rebuilt
gives the same cards as the file it was read from.

Revision ID: 8e2f4c61d0a9
Revises: 1601b5d5dcde
Create Date: 2026-12-02 15:30:00.000000

A plain nullable column: articles stored before it have none, as before, until their file is loaded again.
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '8e2f4c61d0a9'
down_revision = '1601b5d5dcde'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('articles', sa.Column('dateline', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_column('dateline')
