"""The quizapp web app: the app factory that wires config, database, error pages and blueprints together."""

from __future__ import annotations

import os
from typing import Any

from flask import Flask
from flask_wtf.csrf import CSRFProtect

from quizapp import auth, config, db, errors, i18n, labels, reference, security, urls
from quizapp import models as models  # registers every table before migrations compare them
from quizapp.author import bp as author_bp
from quizapp.classes import bp as classes_bp
from quizapp.main import bp as main_bp
from quizapp.reports import bp as reports_bp
from quizapp.reports import scores_bp
from quizapp.study import bp as study_bp

csrf = CSRFProtect()


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Create and configure the quizapp Flask app."""
    app = Flask(__name__, instance_path=config.resolve_instance_path(), instance_relative_config=True)
    os.makedirs(app.instance_path, exist_ok=True)

    config.load(app, test_config)
    urls.init_app(app)  # first: a rule is compiled with its converter when its blueprint is registered
    security.init_app(app)

    db.init_app(app)
    csrf.init_app(app)
    i18n.init_app(app)
    auth.init_app(app)
    errors.init_app(app)
    labels.init_app(app)
    app.register_blueprint(main_bp)
    app.register_blueprint(study_bp)
    app.register_blueprint(reports_bp)
    app.register_blueprint(scores_bp)
    app.register_blueprint(author_bp)
    app.register_blueprint(classes_bp)
    reference.init_app(app)  # only with BENCH_REFERENCE: a yardstick for bench/serve.py

    return app
