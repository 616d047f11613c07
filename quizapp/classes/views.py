"""Class pages: instructors run their classes and assign decks; students join with a code and leave.

Another instructor's class is as missing as one that does not exist (404), and a student gets 403 on every
instructor page.
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user, login_required
from flask_wtf import FlaskForm

from quizapp.auth import instructor_required, quotas
from quizapp.classes.forms import AssignDeckForm, CreateClassForm, DueDateForm, JoinByCodeForm, RenameClassForm
from quizapp.clock import utcnow
from quizapp.models import Classroom
from quizapp.services.instructor import assignments as assignment_service
from quizapp.services.instructor import classes as class_service
from quizapp.services.study import decks as deck_service
from quizapp.services.study.decks import deck_name

bp = Blueprint("classes", __name__, url_prefix="/classes")


@bp.app_template_filter("join_code")
def join_code_filter(code: str) -> str:
    """Show a join code in two halves, "ABCD-EFGH"."""
    return class_service.display_code(code)


def _see_other(endpoint: str, **values: object) -> ResponseReturnValue:
    return redirect(url_for(endpoint, **values), code=303)


def _own_class_or_404(class_id: int) -> Classroom:
    classroom = class_service.find_class(current_user.id, class_id)
    if classroom is None:
        abort(404)
    return classroom


# --- the list -----------------------------------------------------------------------------------------


@bp.get("/")
@login_required
def index() -> ResponseReturnValue:
    """List the instructor's classes with a form to create one, or the student's classes with a form to join."""
    if current_user.is_instructor:
        return _instructor_index(CreateClassForm())
    return _student_index(JoinByCodeForm())


def _instructor_index(form: CreateClassForm) -> str:
    return render_template(
        "classes/instructor_index.html", summaries=class_service.list_classes(current_user.id), form=form
    )


def _student_index(form: JoinByCodeForm) -> str:
    progress = {
        (row.assignment.classroom.id, row.assignment.deck.id): row.counts
        for row in assignment_service.assignment_progress(current_user.id, utcnow())
    }
    return render_template(
        "classes/student_index.html", classes=class_service.student_classes(current_user.id), progress=progress,
        form=form, now=utcnow(), deck_name=deck_name,
    )


@bp.post("/")
@instructor_required
@quotas.classes
def create() -> ResponseReturnValue:
    """Create a class, then show it with its join code."""
    form = CreateClassForm()
    if not form.validate_on_submit():
        return _instructor_index(form), 400
    classroom = class_service.create_class(current_user, form.name.data)
    flash(_("Class “%(name)s” created. Give your students its code or link.", name=classroom.name), "success")
    return _see_other("classes.detail", class_id=classroom.id)


# --- one class, for its instructor --------------------------------------------------------------------


def _deck_choices(classroom: Classroom) -> list[tuple[int, str]]:
    assigned = {a.deck_id for a in classroom.assignments}
    return [(deck.id, deck_name(deck)) for deck in deck_service.list_decks() if deck.id not in assigned]


def _assign_form(classroom: Classroom) -> AssignDeckForm:
    form = AssignDeckForm()
    form.deck.choices = _deck_choices(classroom)
    return form


def _due_form(deck_id: int) -> DueDateForm:
    return DueDateForm(prefix=f"deck-{deck_id}")


def _render_detail(classroom: Classroom, **forms: FlaskForm) -> str:
    due_forms = {}
    for assignment in classroom.assignments:
        form = forms.get(f"due_{assignment.deck_id}") or _due_form(assignment.deck_id)
        if not form.is_submitted() or form.due.data is None:
            form.due.data = assignment.due_at.date().isoformat() if assignment.due_at else ""
        due_forms[assignment.deck_id] = form
    # The scores page is another part's; link to it once the app has it.
    scores = "scores.index" if "scores.index" in current_app.view_functions else None
    return render_template(
        "classes/detail.html",
        classroom=classroom,
        join_url=url_for("classes.join", code=classroom.join_code, _external=True),
        progress=assignment_service.class_progress(classroom),
        rename_form=forms.get("rename") or RenameClassForm(name=classroom.name),
        assign_form=forms.get("assign") or _assign_form(classroom),
        due_forms=due_forms,
        now=utcnow(),
        deck_name=deck_name,
        scores_endpoint=scores,
    )


@bp.get("/<int:class_id>")
@instructor_required
def detail(class_id: int) -> str:
    """Show a class: its code and link, students, assigned decks with their progress, and what can be changed."""
    return _render_detail(_own_class_or_404(class_id))


@bp.post("/<int:class_id>/rename")
@instructor_required
def rename(class_id: int) -> ResponseReturnValue:
    """Rename the class."""
    classroom = _own_class_or_404(class_id)
    form = RenameClassForm()
    if not form.validate_on_submit():
        return _render_detail(classroom, rename=form), 400
    class_service.rename_class(classroom, form.name.data)
    flash(_("The class is now called “%(name)s”.", name=classroom.name), "success")
    return _see_other("classes.detail", class_id=class_id)


@bp.post("/<int:class_id>/code")
@instructor_required
def new_code(class_id: int) -> ResponseReturnValue:
    """Replace the join code; the old code and link stop working, and the students already in stay."""
    classroom = _own_class_or_404(class_id)
    code = class_service.replace_code(classroom)
    flash(_("The new code is %(code)s; the old code no longer works.", code=class_service.display_code(code)),
          "success")
    return _see_other("classes.detail", class_id=class_id)


@bp.get("/<int:class_id>/delete")
@instructor_required
def confirm_delete(class_id: int) -> str:
    """Ask before deleting the class."""
    return render_template("classes/delete.html", classroom=_own_class_or_404(class_id))


@bp.post("/<int:class_id>/delete")
@instructor_required
def delete(class_id: int) -> ResponseReturnValue:
    """Delete the class; students' answers and reviews stay."""
    classroom = _own_class_or_404(class_id)
    name = classroom.name
    class_service.delete_class(classroom)
    flash(_("Class “%(name)s” deleted.", name=name), "success")
    return _see_other("classes.index")


@bp.post("/<int:class_id>/students/<int:user_id>/remove")
@instructor_required
def remove_student(class_id: int, user_id: int) -> ResponseReturnValue:
    """Take a student out of the class."""
    classroom = _own_class_or_404(class_id)
    student = class_service.remove_student(classroom, user_id)
    if student is None:
        abort(404)
    flash(_("%(name)s is no longer in the class.", name=student.username), "success")
    return _see_other("classes.detail", class_id=class_id)


@bp.post("/<int:class_id>/decks")
@instructor_required
def assign(class_id: int) -> ResponseReturnValue:
    """Assign a deck to the class, with an optional due date."""
    classroom = _own_class_or_404(class_id)
    form = _assign_form(classroom)
    if not form.validate_on_submit():
        return _render_detail(classroom, assign=form), 400
    try:
        assignment = assignment_service.assign_deck(classroom, form.deck.data, form.due.day)
    except class_service.ClassError as exc:
        form.deck.errors = [str(exc)]
        return _render_detail(classroom, assign=form), 400
    flash(_("“%(deck)s” is assigned to the class.", deck=deck_name(assignment.deck)), "success")
    return _see_other("classes.detail", class_id=class_id)


@bp.post("/<int:class_id>/decks/<int:deck_id>/due")
@instructor_required
def change_due(class_id: int, deck_id: int) -> ResponseReturnValue:
    """Change or clear an assigned deck's due date (an empty date clears it)."""
    classroom = _own_class_or_404(class_id)
    form = _due_form(deck_id)
    if not any(a.deck_id == deck_id for a in classroom.assignments):
        abort(404)
    if not form.validate_on_submit():
        return _render_detail(classroom, **{f"due_{deck_id}": form}), 400
    assignment = assignment_service.set_due_date(classroom, deck_id, form.due.day)
    if assignment is None:
        abort(404)
    if form.due.day is None:
        flash(_("“%(deck)s” has no due date now.", deck=deck_name(assignment.deck)), "success")
    else:
        flash(_("“%(deck)s” is due on %(day)s.", deck=deck_name(assignment.deck), day=form.due.day.isoformat()),
              "success")
    return _see_other("classes.detail", class_id=class_id)


@bp.post("/<int:class_id>/decks/<int:deck_id>/unassign")
@instructor_required
def unassign(class_id: int, deck_id: int) -> ResponseReturnValue:
    """Take a deck off the class; what students studied of it stays theirs."""
    classroom = _own_class_or_404(class_id)
    if not assignment_service.unassign_deck(classroom, deck_id):
        abort(404)
    flash(_("The deck is no longer assigned to the class."), "success")
    return _see_other("classes.detail", class_id=class_id)


# --- joining and leaving, for students ----------------------------------------------------------------


@bp.route("/join/<code>", methods=["GET", "POST"])
@login_required
def join(code: str) -> ResponseReturnValue:
    """Show the class a join link names with a Join button; posting joins it."""
    classroom = class_service.find_by_code(code)
    if classroom is None:
        message = _(
            "No class has this code. Check the link with your instructor: they may have replaced the code with a "
            "new one."
        )
        return render_template("classes/join.html", classroom=None, message=message, form=JoinByCodeForm()), 404
    form = FlaskForm()
    if form.validate_on_submit():
        return _join(classroom.join_code)
    return render_template("classes/join.html", classroom=classroom, form=form,
                           member=class_service.is_member(classroom.id, current_user.id))


@bp.post("/join")
@login_required
def join_by_code() -> ResponseReturnValue:
    """Join the class whose code the student typed."""
    if current_user.is_instructor:
        abort(403)
    form = JoinByCodeForm()
    if not form.validate_on_submit():
        return _student_index(form), 400
    return _join(form.code.data)


def _join(code: str) -> ResponseReturnValue:
    try:
        result = class_service.join_class(current_user, code)
    except class_service.ClassError as exc:
        flash(str(exc), "error")
        return _see_other("classes.index")
    if result.joined:
        flash(_("You joined “%(name)s”.", name=result.classroom.name), "success")
    else:
        flash(_("You are already in “%(name)s”.", name=result.classroom.name), "info")
    return _see_other("classes.index")


@bp.post("/<int:class_id>/leave")
@login_required
def leave(class_id: int) -> ResponseReturnValue:
    """Leave a class; what the student studied stays theirs."""
    classroom = class_service.leave_class(current_user.id, class_id)
    if classroom is None:
        abort(404)
    flash(_("You left “%(name)s”.", name=classroom.name), "success")
    return _see_other("classes.index")
