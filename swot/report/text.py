"""The report's words in English and Persian, and numbers and dates written for each language.

Persian: Persian digits (۰–۹), the Persian decimal separator (٫) and percent sign (٪), dates in
the Solar Hijri (Jalali) calendar by :mod:`jdatetime`. Ids such as ``SO1`` and file names stay
Latin. English: Gregorian dates, Latin digits.
"""

from __future__ import annotations

import datetime as dt
import math

import jdatetime

from swot.model import GROUPS, LANGS, STRATEGY_CLUSTER, SwotError, SwotModel
from swot.report.text_network import NETWORK_REFERENCE, NETWORK_STRINGS

__all__ = [
    "NETWORK_REFERENCES", "REFERENCES", "STRINGS", "cluster_title", "digits", "fmt_date",
    "fmt_int", "fmt_num", "fmt_pct", "group_name", "in_lang", "ltr", "matrix_name", "tr",
]

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")  # not %B: that follows the locale
_FA_DIGITS = str.maketrans("0123456789.-", "۰۱۲۳۴۵۶۷۸۹٫−")

STRINGS: dict[str, dict[str, str]] = {
    "report": {"en": "Decision report", "fa": "گزارش تصمیم"},
    "goal": {"en": "Goal", "fa": "هدف"},
    "date": {"en": "Date", "fa": "تاریخ"},
    "source_file": {"en": "Model file", "fa": "فایل مدل"},
    "source_scenario": {"en": "Scenario", "fa": "سناریو"},
    "source_workshop": {"en": "Workshop (group judgments)", "fa": "کارگاه (قضاوت‌های گروهی)"},
    "source_app": {"en": "Model in the app (its JSON from Export / import)",
                   "fa": "مدل در برنامه (JSON آن از صفحهٔ برون‌بری / درون‌بری)"},
    "illustrative": {
        "en": "The judgments in this model are illustrative, not survey data: do not base a "
              "decision on this ranking until experts have entered their own judgments.",
        "fa": "قضاوت‌های این مدل نمایشی‌اند و از نظرسنجی به دست نیامده‌اند: تا کارشناسان "
              "قضاوت‌های خود را وارد نکرده‌اند، تصمیمی بر پایهٔ این رتبه‌بندی نگیرید.",
    },
    "missing_glyphs": {
        "en": "The report's font has no glyph for these characters of the model's text; the PDF "
              "leaves them out (the HTML shows them): {chars}",
        "fa": "قلم گزارش برای این نویسه‌های متن مدل نشانه‌ای ندارد؛ PDF آن‌ها را نشان نمی‌دهد "
              "(HTML نشان می‌دهد): {chars}",
    },
    "note": {"en": "Note on the judgments", "fa": "یادداشت دربارهٔ قضاوت‌ها"},
    "cannot_rank": {
        "en": "This model cannot be ranked yet. What is missing:",
        "fa": "این مدل هنوز رتبه‌بندی‌پذیر نیست. آنچه کم است:",
    },
    "summary": {"en": "Summary", "fa": "خلاصه"},
    "lead_one": {
        "en": "The leading strategy is {s} with a priority of {p}; the next, {n}, is {g} "
              "behind (relative).",
        "fa": "راهبرد برتر {s} با اولویت {p} است؛ راهبرد بعدی، {n}، به نسبت {g} عقب‌تر است.",
    },
    "lead_only": {"en": "The only strategy is {s}.", "fa": "تنها راهبرد {s} است."},
    "lead_tied": {
        "en": "No single strategy leads: {s} lie within {m} of the first (relative) and are "
              "practically tied; one step on a single judgment can reorder them.",
        "fa": "هیچ راهبردی به‌تنهایی برتر نیست: {s} در فاصلهٔ {m} (نسبی) از نخستین قرار دارند و "
              "عملاً هم‌ترازند؛ یک گام تغییر در یک قضاوت می‌تواند ترتیبشان را عوض کند.",
    },
    "robust": {
        "en": "Under random perturbation of the judgments ({n} Monte Carlo samples, log-normal "
              "spread {sp}, seed {seed}) {s} ranks first in {p} of the samples.",
        "fa": "با اختلال تصادفی قضاوت‌ها ({n} نمونهٔ مونت‌کارلو، پراکندگی لگ‌نرمال {sp}، بذر "
              "{seed}) {s} در {p} نمونه‌ها رتبهٔ نخست را دارد.",
    },
    "robust_tied": {
        "en": "Together the tied leaders rank first in {p} of the samples.",
        "fa": "راهبردهای هم‌تراز روی هم در {p} نمونه‌ها رتبهٔ نخست را دارند.",
    },
    "consistent_all": {
        "en": "All {n} pairwise matrices pass their consistency threshold.",
        "fa": "هر {n} ماتریس مقایسهٔ زوجی از آستانهٔ سازگاری می‌گذرند.",
    },
    "consistent_fail": {
        "en": "{k} of {n} pairwise matrices fail their consistency threshold ({names}); revise "
              "those judgments before relying on the ranking.",
        "fa": "{k} از {n} ماتریس مقایسهٔ زوجی از آستانهٔ سازگاری نمی‌گذرند ({names})؛ پیش از "
              "اتکا به رتبه‌بندی، آن قضاوت‌ها را بازبینی کنید.",
    },
    "ranking": {"en": "Ranking of the strategies", "fa": "رتبه‌بندی راهبردها"},
    "ranking_chart": {"en": "Priority of each strategy", "fa": "اولویت هر راهبرد"},
    "col_rank": {"en": "Rank", "fa": "رتبه"},
    "col_id": {"en": "Id", "fa": "شناسه"},
    "col_strategy": {"en": "Strategy", "fa": "راهبرد"},
    "col_factor": {"en": "Factor", "fa": "عامل"},
    "col_tows": {"en": "TOWS", "fa": "TOWS"},
    "col_priority": {"en": "Priority", "fa": "اولویت"},
    "col_ideal": {"en": "Ideal", "fa": "ایده‌آل"},
    "col_p_first": {"en": "P(rank 1)", "fa": "احتمال نخست بودن"},
    "col_global": {"en": "Global weight", "fa": "وزن کلی"},
    "col_local": {"en": "Local weight", "fa": "وزن محلی"},
    "col_provenance": {"en": "Provenance", "fa": "منشأ"},
    "col_group": {"en": "Group", "fa": "گروه"},
    "col_weight": {"en": "Weight", "fa": "وزن"},
    "col_matrix": {"en": "Matrix", "fa": "ماتریس"},
    "col_n": {"en": "n", "fa": "n"},
    "col_cr": {"en": "CR", "fa": "CR"},
    "col_threshold": {"en": "Threshold", "fa": "آستانه"},
    "col_passes": {"en": "Passes", "fa": "قابل قبول"},
    "col_current": {"en": "Current weight", "fa": "وزن کنونی"},
    "col_at": {"en": "Reversal at weight", "fa": "وارونگی در وزن"},
    "col_below": {"en": "Ahead below", "fa": "جلوتر در وزن کمتر"},
    "col_above": {"en": "Ahead above", "fa": "جلوتر در وزن بیشتر"},
    "col_top": {"en": "First place changes", "fa": "تغییر رتبه‌ی نخست"},
    "col_consensus": {"en": "Consensus S*", "fa": "اجماع S*"},
    "col_item_i": {"en": "Item i", "fa": "مورد i"},
    "col_item_j": {"en": "Item j", "fa": "مورد j"},
    "col_dispersion": {"en": "Spread (sd of ln)", "fa": "پراکندگی (انحراف معیار ln)"},
    "col_lowest": {"en": "Lowest", "fa": "کمترین"},
    "col_highest": {"en": "Highest", "fa": "بیشترین"},
    "col_ri": {"en": "Random index RI", "fa": "شاخص تصادفی RI"},
    "yes": {"en": "yes", "fa": "بله"},
    "no": {"en": "NO", "fa": "خیر"},
    "factors": {"en": "SWOT factors", "fa": "عوامل SWOT"},
    "factors_note": {
        "en": "Global weight = local weight within the group × the group's weight. Provenance: "
              "listed in the source text, derived from it, or entered by a user; with the source "
              "line where there is one.",
        "fa": "وزن کلی = وزن محلی در گروه × وزن گروه. منشأ: فهرست‌شده در متن منبع، "
              "برگرفته از آن، یا واردشده به دست کاربر؛ همراه با سطر منبع در صورت وجود.",
    },
    "listed": {"en": "listed in the text", "fa": "فهرست‌شده در متن"},
    "derived": {"en": "derived", "fa": "برگرفته"},
    "user": {"en": "user", "fa": "کاربر"},
    "line": {"en": "line", "fa": "سطر"},
    "weights": {"en": "Group and factor weights", "fa": "وزن گروه‌ها و عوامل"},
    "group_chart": {"en": "Weight of each SWOT group", "fa": "وزن هر گروه SWOT"},
    "factor_chart": {"en": "Global weight of each factor", "fa": "وزن کلی هر عامل"},
    "consistency": {"en": "Consistency of the judgments", "fa": "سازگاری قضاوت‌ها"},
    "consistency_note": {
        "en": "CR = CI / RI with CI = (lambda_max − n) / (n − 1); a matrix passes when CR ≤ its "
              "threshold (0.05 for n = 3, 0.08 for n = 4, 0.10 beyond). Matrices of two items "
              "are always consistent.",
        "fa": "\u2066CR = CI / RI\u2069 و \u2066CI = (lambda_max − n) / (n − 1)\u2069؛ "
              "ماتریسی قبول است که CR آن از آستانه‌اش "
              "بیشتر نباشد (۰٫۰۵ برای n = 3، ۰٫۰۸ برای n = 4 و ۰٫۱۰ برای بزرگ‌تر). ماتریس‌های "
              "دوموردی همیشه سازگارند.",
    },
    "no_matrices": {"en": "No pairwise matrices (direct weights and ratings only).",
                    "fa": "ماتریس زوجی‌ای نیست (فقط وزن مستقیم و امتیازدهی)."},
    "sensitivity": {"en": "Rank reversals of the one-way sweeps",
                    "fa": "وارونگی رتبه در تحلیل یک‌متغیره"},
    "sensitivity_note": {
        "en": "Each SWOT group's final weight is varied from 0 to 1, the other groups rescaled "
              "in proportion; listed are the weights at which two strategies change places.",
        "fa": "وزن نهایی هر گروه SWOT از ۰ تا ۱ تغییر داده می‌شود و گروه‌های دیگر به همان نسبت "
              "بازمقیاس می‌شوند؛ وزن‌هایی که در آن‌ها دو راهبرد جا عوض می‌کنند فهرست شده‌اند.",
    },
    "sensitivity_shown": {
        "en": "Shown per group: every reversal that changes first place and the nearest "
              "reversal on each side of the current weight ({n} reversals in all; the workbook "
              "lists every one).",
        "fa": "برای هر گروه نشان داده شده‌اند: هر وارونگی که رتبهٔ نخست را تغییر می‌دهد و "
              "نزدیک‌ترین وارونگی در هر سوی وزن کنونی (در مجموع {n} وارونگی؛ کاربرگ اکسل همه را "
              "فهرست می‌کند).",
    },
    "no_reversal": {"en": "no rank reversal between 0 and 1", "fa": "بدون وارونگی رتبه میان ۰ و ۱"},
    "montecarlo": {"en": "Monte Carlo rank probabilities", "fa": "احتمال رتبه‌ها در مونت‌کارلو"},
    "montecarlo_note": {
        "en": "Share of {n} samples in which each strategy takes each rank; every pairwise "
              "judgment a is replaced by a·exp({sp}·Z), Z standard normal (seed {seed}).",
        "fa": "سهم {n} نمونه که در آن هر راهبرد هر رتبه را می‌گیرد؛ هر قضاوت زوجی a با "
              "\u2066a·exp({sp}·Z)\u2069 جایگزین می‌شود که Z نرمال استاندارد است (بذر {seed}).",
    },
    "heat_title": {"en": "Probability of each rank", "fa": "احتمال هر رتبه"},
    "rank_n": {"en": "rank {r}", "fa": "رتبهٔ {r}"},
    "workshop": {"en": "Workshop", "fa": "کارگاه"},
    "participants": {
        "en": "Workshop {code}: {n} participants' judgments, combined by the weighted geometric "
              "mean (ratings by the arithmetic mean of normalised ratings).",
        "fa": "کارگاه {code}: قضاوت‌های {n} شرکت‌کننده با میانگین هندسی وزنی ترکیب شده‌اند "
              "(امتیازها با میانگین حسابی امتیازهای نرمال‌شده).",
    },
    "consensus": {"en": "Consensus per matrix (Goepel's S*, 0 to 1)",
                  "fa": "اجماع در هر ماتریس (S* گوپل، ۰ تا ۱)"},
    "disputed": {"en": "Most disputed comparisons", "fa": "پرمناقشه‌ترین مقایسه‌ها"},
    "method": {"en": "Appendix: method", "fa": "پیوست: روش"},
    "method_steps": {
        "en": "The ranking follows the SWOT–ANP steps of Yüksel & Dağdeviren (2007): "
              "(1) w1: the SWOT groups compared pairwise with respect to the goal; "
              "(2) D: inner dependence among the groups, w2 = D · w1 (D = I without "
              "dependence); (3) local factor weights within each group, global weight = local "
              "weight × the group's w2; (4) S: the strategies compared (or rated) with respect "
              "to each factor, strategy priorities = S · (global factor weights). The same "
              "result is the goal's column of the limit supermatrix of the equivalent network "
              "(goal to groups, groups to factors, factors to strategies).",
        "fa": "رتبه‌بندی گام‌های SWOT–ANP یوکسل و داغ‌دویرن (۲۰۰۷) را دنبال می‌کند: "
              "(۱) w1: مقایسهٔ زوجی گروه‌های SWOT نسبت به هدف؛ (۲) D: وابستگی درونی گروه‌ها، "
              "\u2066w2 = D · w1\u2069 (بدون وابستگی \u2066D = I\u2069)؛ "
              "(۳) وزن محلی عوامل در هر گروه، وزن کلی = وزن "
              "محلی × w2 گروه؛ (۴) S: مقایسه (یا امتیازدهی) راهبردها نسبت به هر عامل، اولویت "
              "راهبردها = S · (وزن کلی عوامل). همین نتیجه ستون هدف در ابرماتریس حدی شبکهٔ "
              "هم‌ارز است (از هدف به گروه‌ها، از گروه‌ها به عوامل و از عوامل به راهبردها).",
    },
    "method_direct": {
        "en": "This model uses direct weights for the groups and factors (normalised, no inner "
              "dependence) in place of steps 1 to 3.",
        "fa": "این مدل به جای گام‌های ۱ تا ۳ وزن مستقیم گروه‌ها و عوامل را به کار می‌برد "
              "(نرمال‌شده، بدون وابستگی درونی).",
    },
    "method_priority": {
        "en": "Priorities of a pairwise matrix A are its principal right eigenvector, "
              "A·w = lambda_max·w, normalised to sum 1 (Harker's method where judgments are "
              "missing).",
        "fa": "اولویت‌های ماتریس زوجی A بردار ویژهٔ راست اصلی آن است، "
              "\u2066A·w = lambda_max·w\u2069، "
              "نرمال‌شده به جمع ۱ (با روش هارکر در صورت نبود قضاوت).",
    },
    "ri_table": {"en": "Random index RI (Alonso & Lamata 2006)",
                 "fa": "شاخص تصادفی RI (آلونسو و لاماتا ۲۰۰۶)"},
    "references": {"en": "References", "fa": "منابع"},
    "repro": {"en": "Reproducibility", "fa": "بازتولیدپذیری"},
    "repro_sha": {"en": "SHA-256 of the model", "fa": "SHA-256 مدل"},
    "repro_engine": {"en": "Engine", "fa": "موتور"},
    "repro_seed": {"en": "Monte Carlo seed", "fa": "بذر مونت‌کارلو"},
    "repro_command": {
        "en": "This command regenerates this report byte for byte:",
        "fa": "این فرمان همین گزارش را بایت به بایت بازتولید می‌کند:",
    },
    "sources": {"en": "Sources", "fa": "منابع متنی"},
    **NETWORK_STRINGS,
}

REFERENCES: tuple[str, ...] = (
    "Yüksel, İ. & Dağdeviren, M. (2007). Using the analytic network process (ANP) in a SWOT "
    "analysis – A case study for a textile firm. Information Sciences 177, 3364–3382.",
    "Saaty, T. L. (1996). Decision Making with Dependence and Feedback: The Analytic Network "
    "Process. RWS Publications.",
    "Alonso, J. A. & Lamata, M. T. (2006). Consistency in the analytic hierarchy process: a new "
    "approach. Int. J. Uncertainty, Fuzziness and Knowledge-Based Systems 14, 445–459.",
    "Harker, P. T. (1987). Incomplete pairwise comparisons in the analytic hierarchy process. "
    "Mathematical Modelling 9, 837–848.",
    "Goepel, K. D. (2013). Implementing the analytic hierarchy process as a standard method for "
    "multi-criteria decision making in corporations. ISAHP 2013 (consensus index S*).",
)
NETWORK_REFERENCES: tuple[str, ...] = (*REFERENCES[1:2], NETWORK_REFERENCE, *REFERENCES[:1],
                                       *REFERENCES[2:])

GROUP_NAMES: dict[str, dict[str, str]] = {
    "S": {"en": "Strengths", "fa": "قوت‌ها"},
    "W": {"en": "Weaknesses", "fa": "ضعف‌ها"},
    "O": {"en": "Opportunities", "fa": "فرصت‌ها"},
    "T": {"en": "Threats", "fa": "تهدیدها"},
}

_MATRIX_NAMES: dict[str, dict[str, str]] = {
    "groups": {"en": "SWOT groups w.r.t. the goal", "fa": "گروه‌های SWOT نسبت به هدف"},
    "group_dependence": {"en": "Groups w.r.t. {g} (inner dependence)",
                         "fa": "گروه‌ها نسبت به {g} (وابستگی درونی)"},
    "factors": {"en": "Factors of {g}", "fa": "عوامل {g}"},
    "strategies": {"en": "Strategies w.r.t. {f}", "fa": "راهبردها نسبت به {f}"},
}


def tr(key: str, lang: str, **values: str) -> str:
    """The string ``key`` in ``lang`` with ``{name}`` placeholders filled."""
    if lang not in LANGS:
        raise SwotError(f"unknown language {lang!r} (expected one of {', '.join(LANGS)})")
    text = STRINGS[key][lang]
    return text.format(**values) if values else text


def in_lang(text: dict[str, str], lang: str) -> str:
    """``text`` in ``lang``, else in the other language (a model's title or goal); the report,
    the workbook and ``swot-anp rank`` name a model alike."""
    return text[lang] or text["en"] or text["fa"]


def group_name(group: str, lang: str) -> str:
    """``Strengths (S)`` / ``قوت‌ها (S)``."""
    return f"{GROUP_NAMES[group][lang]} ({group})"


def matrix_name(path: str, model: SwotModel, lang: str) -> str:
    """A readable name for the judgment matrix at JSON ``path``."""
    parts = path.split(".")
    if parts[:2] == ["judgments", "groups"]:
        return _MATRIX_NAMES["groups"][lang]
    kind, key = parts[1], parts[2] if len(parts) > 2 else ""
    if kind in ("group_dependence", "factors") and key in GROUPS:
        return _MATRIX_NAMES[kind][lang].format(g=group_name(key, lang))
    if kind == "strategies":
        return _MATRIX_NAMES["strategies"][lang].format(f=key)
    if kind == "clusters" and key in (*GROUPS, STRATEGY_CLUSTER):
        return tr("matrix_clusters", lang, cluster=cluster_title(key, lang))
    if kind == "links" and len(parts) > 3 and parts[3] in GROUPS:
        feedback = key in model.strategy_ids()
        node = key
        if feedback or key in model.factor_ids():
            item = model.strategy(key) if feedback else model.factor(key)
            node = f"{key} · {_short(item.label(lang))}"  # as the app's titles
        return tr("matrix_feedback" if feedback else "matrix_link", lang, node=node,
                  group=group_name(parts[3], lang))
    return path


def cluster_title(key: str, lang: str) -> str:
    """The name of a model cluster: ``Weaknesses (W) factors`` or ``Strategies``."""
    if key == STRATEGY_CLUSTER:
        return tr("cluster_strategies", lang)
    return tr("cluster_factors", lang, group=group_name(key, lang))


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def ltr(text: str, lang: str) -> str:
    """Latin ``text`` (a file name, a path, a command) kept left to right inside Persian:
    wrapped in a Unicode left-to-right isolate (LRI ... PDI) in a Persian report."""
    return f"\u2066{text}\u2069" if lang == "fa" else text


def digits(text: str, lang: str) -> str:
    """``text`` with Persian digits, decimal separator and minus sign in Persian."""
    return text.translate(_FA_DIGITS) if lang == "fa" else text


def fmt_num(value: float, lang: str, places: int = 3) -> str:
    """A number to ``places`` decimals; an em dash for NaN."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return digits(f"{value:.{places}f}", lang)


def fmt_int(value: int, lang: str) -> str:
    """An integer with thousands separators (Persian: ٬)."""
    text = f"{value:,}"
    return text.replace(",", "٬").translate(_FA_DIGITS) if lang == "fa" else text


def fmt_pct(value: float, lang: str, places: int = 1) -> str:
    """A share as a percentage: ``45.2%`` / ``۴۵٫۲٪``."""
    if math.isnan(value):
        return "—"
    text = f"{100 * value:.{places}f}"
    return digits(text, lang) + "٪" if lang == "fa" else text + "%"


def fmt_date(day: dt.date, lang: str) -> str:
    """``29 November 2026`` or, in Persian, the Jalali date ``۸ آذر ۱۴۰۵``."""
    if lang == "fa":
        j = jdatetime.date.fromgregorian(date=day)
        return digits(f"{j.day} {jdatetime.date.j_months_fa[j.month - 1]} {j.year}", lang)
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"
