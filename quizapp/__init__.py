"""The quizapp web app: the app factory that wires config, database, error pages and blueprints together."""

from __future__ import annotations

import os
from typing import Any

from flask import Flask

from quizapp import config, db, errors
from quizapp import models as models  # registers every table before migrations compare them
from quizapp.main import bp as main_bp


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Create and configure the quizapp Flask app."""
    app = Flask(__name__, instance_path=config.resolve_instance_path(), instance_relative_config=True)
    os.makedirs(app.instance_path, exist_ok=True)

    config.load(app, test_config)

    db.init_app(app)
    errors.init_app(app)
    app.register_blueprint(main_bp)

    return app
