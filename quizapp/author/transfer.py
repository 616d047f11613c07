"""Instructor pages: import a question file (preview, then confirm) and export the question bank."""

from __future__ import annotations

from pathlib import Path

from flask import Response, current_app, flash, redirect, render_template, request, stream_with_context, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from quizapp.auth import instructor_required, quotas
from quizapp.author.blueprint import bp
from quizapp.author.transfer_forms import ConfirmImportForm, ExportForm, ImportForm
from quizapp.db import utcnow
from quizapp.services.bank import exporting, importing, uploads
from quizapp.services.bank.formats import FormatError, MessageError, decode_text, detect_format

UPLOADS_FOLDER = "imports"


def _uploads() -> Path:
    return Path(current_app.instance_path) / UPLOADS_FOLDER


def translated(error: MessageError) -> str:
    """Say what an import or export error says, in the page's language."""
    # the message is marked with N_() where it is raised; its values are the file's own text
    return _(error.message) % error.params


def _file_error(error: FormatError) -> str:
    return _("Line %(line)d: %(reason)s. Nothing was stored.", line=error.line, reason=translated(error))


def _choose_format(choice: str, filename: str, data: bytes) -> str | None:
    """Return the format chosen, or the one the file's name (and for .txt, its text) tells."""
    if choice != "auto":
        return choice
    return detect_format(filename, decode_text(data))


@bp.route("/import", methods=["GET", "POST"])
@instructor_required
@quotas.imports
def import_questions() -> ResponseReturnValue:
    """Upload a question file and preview what it would create; nothing is stored until confirmed."""
    form = ImportForm()
    if not form.validate_on_submit():
        return render_template("author/import.html", form=form), 400 if form.is_submitted() else 200
    upload = form.file.data
    # Read one byte past the limit: enough to know the file is too large without reading all of it.
    data = upload.stream.read(uploads.MAX_UPLOAD_BYTES + 1)
    if len(data) > uploads.MAX_UPLOAD_BYTES:
        form.file.errors.append(_("The file is larger than %(size)d MB: split it into smaller files.",
                                  size=uploads.MAX_UPLOAD_BYTES // (1024 * 1024)))
    elif not data.strip():
        form.file.errors.append(_("The file is empty."))
    else:
        choice = importing.DeckChoice(slug=form.deck.data or None, name=form.new_deck.data or None)
        try:
            fmt = _choose_format(form.format.data, upload.filename or "", data)
            if fmt is None:
                form.format.errors.append(_("The file's name does not tell its format (.csv, .gift or .txt): "
                                            "choose the format."))
            else:
                plan = importing.plan_import(data, fmt, choice)
                token = uploads.keep_upload(_uploads(), current_user.id, data, {
                    "format": fmt, "deck": choice.slug, "new_deck": choice.name, "language": form.language.data,
                })
                return render_template("author/import_preview.html", plan=plan, language=form.language.data,
                                       confirm=ConfirmImportForm(token=token), filename=upload.filename)
        except FormatError as error:
            form.file.errors.append(_file_error(error))
        except importing.DeckError as error:
            (form.deck if choice.slug else form.new_deck).errors.append(translated(error))
    return render_template("author/import.html", form=form), 400


@bp.post("/import/confirm")
@instructor_required
def confirm_import() -> ResponseReturnValue:
    """Store the previewed file, re-read from what the server kept: all of it, or nothing."""
    form = ConfirmImportForm()
    kept = uploads.kept_upload(_uploads(), current_user.id, form.token.data or "") if form.validate() else None
    if kept is None:
        flash(_("That upload has expired or was imported already. Upload the file again."), "error")
        return redirect(url_for("author.import_questions"), 303)
    data, choices = kept
    deck = importing.DeckChoice(slug=choices.get("deck"), name=choices.get("new_deck"))
    try:
        plan = importing.import_questions(
            data, choices["format"], deck, author_id=current_user.id, language=choices["language"]
        )
    except FormatError as error:
        flash(_file_error(error), "error")
        return redirect(url_for("author.import_questions"), 303)
    except importing.DeckError as error:
        flash(translated(error), "error")
        return redirect(url_for("author.import_questions"), 303)
    uploads.discard_upload(_uploads(), current_user.id, form.token.data)
    count = len(plan.questions)
    message = ngettext("%(num)d question imported into %(deck)s.", "%(num)d questions imported into %(deck)s.",
                       count, deck=plan.deck_title)
    if plan.duplicates:
        message += " " + ngettext("%(num)d was there already and was not added again.",
                                  "%(num)d were there already and were not added again.", len(plan.duplicates))
    flash(message, "success")
    return redirect(url_for("author.index", deck=plan.deck_slug), 303)


@bp.get("/export")
@instructor_required
def export_bank() -> ResponseReturnValue:
    """Show the export form, or, when it is filled in, download the bank (CSV and GIFT streamed)."""
    form = ExportForm(request.args, meta={"csrf": False})
    if "format" not in request.args:
        return render_template("author/export.html", form=form)
    if not form.validate():
        return render_template("author/export.html", form=form), 400
    try:
        selection = exporting.BankSelection.of(form.deck.data or None, form.include_retired.data)
    except exporting.ExportError as error:
        form.deck.errors.append(translated(error))
        return render_template("author/export.html", form=form), 400
    fmt = form.format.data
    headers = {"Content-Disposition": f'attachment; filename="{selection.filename(fmt, utcnow().date())}"'}
    if fmt == "apkg":
        return Response(exporting.apkg_bytes(selection), mimetype=exporting.MEDIA_TYPES[fmt], headers=headers)
    lines = exporting.export_csv(selection) if fmt == "csv" else exporting.export_gift(selection)
    return Response(stream_with_context(lines), content_type=exporting.MEDIA_TYPES[fmt], headers=headers)
