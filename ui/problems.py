"""Problems of a model file (:class:`swot.model.Problem`) as readable lines in the session's
language: where (the matrix or weights it concerns, in words, with the JSON path kept in a
left-to-right isolate for reference) and what (the message; in Persian the common ones are
translated, the others kept in English inside an isolate so that they read in order).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from swot.model import Problem, SwotModel
from ui.i18n import ltr
from ui.pairwise import matrix_title
from ui.strings import group_name, tr
from ui.tables import escape_markdown

_INDEX = re.compile(r"(\[\d+\])+$")  # the "[i][j]" of a judgment's path
# the part after an entry's key: ".matrix", ".groups", ".pairwise", ".ratings"
_ENTRY_PART = re.compile(r"^(judgments\.(?:group_dependence|strategies)\.[^.]+)\.\w+$")

# (pattern of the English message, its Persian form with the pattern's groups)
_FA: list[tuple[re.Pattern[str], str]] = [(re.compile(p), f) for p, f in [
    # the store's refusals of a name (swot.store.values.clean_name, swot.store.scenarios)
    (r"^the scenario name is empty$", "نام سناریو خالی است"),
    (r"^the new scenario name is empty$", "نام تازه‌ی سناریو خالی است"),
    (r"^a scenario named '(.+)' already exists$", "سناریویی با نام «{0}» از پیش هست"),
    (r"^missing required field '(.+)'$", "فیلد لازم «{0}» نیامده است"),
    (r"^unknown field$", "فیلد ناشناخته (شاید غلط املایی)"),
    (r"^unknown field \(did you mean '(.+)'\?\)$", "فیلد ناشناخته (شاید منظور «{0}» بوده است)"),
    (r"^(.+) is outside the range of judgments \((.+) to (.+)\)$",
     "{0} بیرون از بازه‌ی قضاوت‌هاست ({1} تا {2})"),
    (r"^(.+) contains a lone surrogate escape \((.+)\), which is not a character; replace it$",
     "{0} یک نویسه‌ی جایگزین تنها ({1}) دارد که نویسه نیست؛ آن را عوض کنید"),
    (r"^(.+) is not one of (.+)$", "{0} یکی از این‌ها نیست: {1}"),
    (r"^expected an object, got (.+)$", "یک شیء انتظار می‌رفت، آمده است: {0}"),
    (r"^expected a list, got (.+)$", "یک فهرست انتظار می‌رفت، آمده است: {0}"),
    (r"^expected true or false, got (.+)$", "true یا false انتظار می‌رفت، آمده است: {0}"),
    (r"^(.+) is not a number$", "{0} عدد نیست"),
    (r"^(.+) is not a positive judgment$", "{0} قضاوت مثبت نیست"),
    (r"^(.+) is not a finite judgment$", "{0} قضاوت متناهی نیست"),
    (r"^(.+) is a negative rating$", "{0} امتیاز منفی است"),
    (r"^the diagonal must be 1, got (.+)$", "قطر ماتریس باید ۱ باشد، آمده است: {0}"),
    (r"^(.+) is not the reciprocal of (.+) \(expected (.+)\)$",
     "{0} معکوس {1} نیست (انتظار: {2})"),
    (r"^unknown factor id (.+)$", "شناسه‌ی عامل ناشناخته: {0}"),
    (r"^unknown id (.+)$", "شناسه‌ی ناشناخته: {0}"),
    (r"^duplicate id (.+) \(also (.+)\)$", "شناسه‌ی تکراری {0} (همچنین در {1})"),
    (r"^label_en and label_fa are both empty$", "عنوان انگلیسی و فارسی هر دو خالی‌اند"),
    (r"^at least two strategies are needed, got (\d+)$",
     "دست‌کم دو راهبرد لازم است، آمده است: {0}"),
    (r"^invalid JSON: (.+)$", "JSON نامعتبر: {0}"),
    (r"^not valid UTF-8 \((.+)\)$", "UTF-8 معتبر نیست ({0})"),
    (r"^unsupported format version (.+) \(this tool reads versions? (.+)\)$",
     "نسخه‌ی قالب {0} پشتیبانی نمی‌شود (این ابزار این نسخه‌ها را می‌خواند: {1})"),
    (r"^at least one rating must be positive$", "دست‌کم یک امتیاز باید مثبت باشد"),
    (r"^en and fa are both empty$", "متن انگلیسی و فارسی هر دو خالی‌اند"),
    (r"^a group is listed twice$", "یک گروه دو بار آمده است"),
    (r"^at least two groups are needed$", "دست‌کم دو گروه لازم است"),
    (r"^(.+) is not a SWOT group \(S, W, O or T\)$", "{0} گروه سوات نیست (S، W، O یا T)"),
    (r"^(.+): not a SWOT group$", "{0}: گروه سوات نیست"),
    (r"^group (.+) has no factors \(each group needs at least one\)$",
     "گروه {0} عاملی ندارد (هر گروه دست‌کم یک عامل لازم دارد)"),
    (r"^factor (.+) is listed twice$", "عامل {0} دو بار آمده است"),
    (r"^missing judgments for factor (.+)$", "قضاوت‌های عامل {0} نیامده است"),
    (r"^(.+) is not a finite rating$", "{0} امتیاز متناهی نیست"),
    (r"^(.+) is not a non-negative finite weight$", "{0} وزن نامنفی و متناهی نیست"),
    (r"^expected a list of (\d+) ratings \(one per strategy\), got (\d+)$",
     "فهرستی از {0} امتیاز (یکی برای هر راهبرد) انتظار می‌رفت، آمده است: {1}"),
    (r"^(.+): a strategy, not a factor$", "{0}: یک راهبرد است، نه یک عامل"),
    (r"^(.+): unknown factor id$", "{0}: شناسه‌ی عامل ناشناخته"),
    (r"^invalid JSON: nested too deeply$", "JSON نامعتبر: تودرتویی بیش از حد"),
    (r"^invalid JSON: a number has too many digits$", "JSON نامعتبر: عددی با رقم‌های بیش از حد"),
    (r"^cannot read the file: (.+)$", "پرونده خوانده نشد: {0}"),
    (r"^this field needs format version 2 \(set \"version\": 2, or run swot-anp migrate\)$",
     "این فیلد نسخه‌ی ۲ قالب را لازم دارد (\u2066\"version\": 2\u2069 بگذارید یا "
     "\u2066swot-anp migrate\u2069 را اجرا کنید)"),
    (r"^no link sets \(leave the node out instead\)$",
     "هیچ مجموعه‌ی پیوندی نیامده است (به‌جای آن، گره را حذف کنید)"),
    (r"^a link set needs at least one node \(remove the link set instead\)$",
     "مجموعه‌ی پیوند دست‌کم یک گره لازم دارد (به‌جای آن، مجموعه را حذف کنید)"),
    (r"^(.+) cannot link to itself$", "{0} نمی‌تواند به خودش پیوند داشته باشد"),
    (r"^a cluster is listed twice$", "یک خوشه دو بار آمده است"),
    (r"^(.+) is listed twice$", "{0} دو بار آمده است"),
    (r"^(.+) is a factor of group (.+), not (.+)$", "{0} عامل گروه {1} است، نه {2}"),
    (r"^(.+) is not a node of this link set$", "{0} گره این مجموعه‌ی پیوند نیست"),
    (r"^unknown node id (.+) \(not a factor or a strategy\)$",
     "شناسه‌ی گره ناشناخته: {0} (نه عامل است و نه راهبرد)"),
    (r"^(.+) is not a factor cluster \(S, W, O or T\)$",
     "{0} خوشه‌ی عامل‌ها نیست (S، W، O یا T)"),
    (r"^(.+) is not a cluster \((.+)\)$", "{0} خوشه نیست ({1})"),
    (r"^(.+): not a cluster \((.+)\)$", "{0}: خوشه نیست ({1})"),
    (r"^no node of cluster (.+) links to (.+): compare only the clusters it links to$",
     "هیچ گره‌ای از خوشه‌ی {0} به {1} پیوند ندارد: فقط خوشه‌هایی را مقایسه کنید که به آن‌ها "
     "پیوند دارد"),
    (r"^cluster (.+) also links to (.+): compare every cluster it links to$",
     "خوشه‌ی {0} به {1} هم پیوند دارد: همه‌ی خوشه‌هایی را که به آن‌ها پیوند دارد مقایسه کنید"),
    (r"^at least two clusters are needed \(one cluster needs no comparison\)$",
     "دست‌کم دو خوشه لازم است (یک خوشه مقایسه لازم ندارد)"),
    (r"^expected (.+), got (.+)$", "انتظار می‌رفت: {0}؛ آمده است: {1}"),  # the rest of its kind
]]


def translated(message: str, language: str) -> str:
    """``message`` in ``language``: a known English message in Persian (quoted values kept
    left to right), any other kept in English in a left-to-right isolate."""
    if language != "fa":
        return message
    for pattern, persian in _FA:
        found = pattern.match(message)
        if found:
            return persian.format(*(ltr(g) for g in found.groups()))
    return ltr(message)


def place_label(model: SwotModel, path: str, language: str) -> str:
    """A readable name for a JSON path into a model file: the judgment matrix (or rating) it
    lies in, a direct weight, the weighting mode; other paths (labels, titles) stay as they
    are, as does a path that names something the model does not have."""
    bare = _INDEX.sub("", path)
    try:
        if bare.startswith("judgments."):
            return matrix_title(model, _ENTRY_PART.sub(r"\1", bare), language)
        if bare == "weighting":
            return tr("weights.weighting_mode", language)
        if bare.startswith("direct_weights.groups."):
            return tr("weights.group_weights", language)
        if bare.startswith("direct_weights.factors."):
            factor = model.factor(bare.removeprefix("direct_weights.factors."))
            return tr("weights.factor_weights_in", language,
                      group=group_name(factor.group, language))
    except KeyError:  # an item the model does not have (e.g. a removed factor)
        pass
    return path


def problem_lines(problems: Iterable[Problem], language: str,
                  model: SwotModel | None = None) -> list[str]:
    """One Markdown bullet per problem: the place in words when it names a judgment matrix
    or weights of ``model``, the message (translated in Persian), the JSON path for reference.
    User text inside messages is shown literally."""
    lines = []
    for p in problems:
        path = str(p.path)
        place = place_label(model, path, language) if model is not None else path
        code = ltr("`" + path.replace("`", "'") + "`")
        where = code if place == path else f"{escape_markdown(place)} ({code})"
        lines.append(f"- {where}: {escape_markdown(translated(p.message, language))}")
    return lines
