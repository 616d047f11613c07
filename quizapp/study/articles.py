"""The article page: a whole article, with the sentences of the card the student came from marked."""

from __future__ import annotations

from flask import abort, render_template, request
from flask_login import current_user, login_required

from quizapp.services.study import articles as article_service
from quizapp.services.study.decks import article_title
from quizapp.study.blueprint import bp


@bp.get("/articles/<int:article_id>")
@login_required
def article(article_id: int) -> str:
    """Show an article the user may read; ?card=ID marks the sentences that card's fact comes from."""
    found = article_service.readable_article(current_user, article_id)
    if found is None:
        abort(404)
    card_id = request.args.get("card", "")
    marked = article_service.card_sentences(card_id, found) if card_id else []
    return render_template(
        "study/article.html", article=found, title=article_title(found),
        paragraphs=article_service.paragraphs(found.text, marked), marked=bool(marked),
    )
