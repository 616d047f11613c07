"""Instructor pages: add an article; question_bank makes draft questions from it, in a deck of its own."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from quizapp.auth import instructor_required, quotas
from quizapp.author.blueprint import bp
from quizapp.author.forms_articles import AUTO_LANGUAGE, ArticleForm
from quizapp.services.bank import articles as article_service
from quizapp.services.study.decks import deck_name


def _refusal(error: article_service.AddArticleError) -> str:
    """Say in words for the instructor why the article was not added."""
    if isinstance(error, article_service.AlreadyAddedError):
        deck = error.article.deck
        return _("This text was added already, as the deck “%(title)s”.",
                 title=deck_name(deck) if deck else error.article.file)
    return _("question_bank cannot read this article: %(reason)s.", reason=error.reason)


@bp.route("/articles/new", methods=["GET", "POST"])
@instructor_required
@quotas.articles
def add_article() -> ResponseReturnValue:
    """Add an article, pasted or uploaded; its questions are drafts until an instructor approves them."""
    form = ArticleForm()
    if not form.is_submitted():
        form.language.data = AUTO_LANGUAGE
        return render_template("author/article_new.html", form=form)
    if not form.validate():
        return render_template("author/article_new.html", form=form), 400
    try:
        added = article_service.add_article(
            form.article_bytes(),
            language=form.article_language,
            added_by_id=current_user.id,
            title=form.title.data,
            upload_name=form.file.data.filename if form.uploaded else None,
        )
    except article_service.AddArticleError as error:
        field = form.file if form.uploaded else form.text
        field.errors = [*field.errors, _refusal(error)]
        return render_template("author/article_new.html", form=form), 400
    if added.drafts or added.joined:
        flash(ngettext("Article added: %(num)d draft question to review.",
                       "Article added: %(num)d draft questions to review.", added.drafts), "success")
        if added.joined:
            flash(ngettext("%(num)d question already in the bank states a fact of this article too; it is in the "
                           "article's deck as well.",
                           "%(num)d questions already in the bank state facts of this article too; they are in the "
                           "article's deck as well.", added.joined), "info")
    else:
        flash(_("Article added, but question_bank found no fact to ask about in it: its deck has no question."),
              "info")
    return redirect(url_for("author.index", deck=added.deck.slug, status="draft"), code=303)
