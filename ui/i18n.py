"""User-interface strings in English and Persian, and the right-to-left style for Persian.

``t(key, **values)`` looks a string up in the session's language; ``tr(key, lang, **values)``
in a given one (for pure functions such as the chart builders). Every key exists in both
languages (a test checks it).
"""

from __future__ import annotations

import base64
import functools
import re
from pathlib import Path
from typing import Any

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

LANGS: tuple[str, ...] = ("en", "fa")
LANG_NAMES: dict[str, str] = {"en": "English", "fa": "فارسی"}
LANG_KEY = "lang"

STRINGS: dict[str, dict[str, str]] = {
    "page_model": {"en": "Model", "fa": "مدل"},
    "page_weights": {"en": "Weights & judgments", "fa": "وزن‌ها و قضاوت‌ها"},
    "page_results": {"en": "Results", "fa": "نتایج"},
    "page_io": {"en": "Export / import", "fa": "خروجی / ورودی"},
    "page_sensitivity": {"en": "Sensitivity", "fa": "تحلیل حساسیت"},
    "illustrative": {
        "en": "**The judgments in use are illustrative, not survey data.** {note}",
        "fa": "**قضاوت‌های به‌کاررفته نمونه‌اند و از پیمایش به دست نیامده‌اند.** {note}",
    },
    "illustrative_short": {
        "en": "The judgments in use are illustrative, not survey data.",
        "fa": "قضاوت‌های به‌کاررفته نمونه‌اند و از پیمایش به دست نیامده‌اند.",
    },
    "illustrative_edited": {
        "en": "**Judgments or weights have been changed; the others are still the illustrative "
              "ones, not survey data.**",
        "fa": "**برخی قضاوت‌ها یا وزن‌ها تغییر کرده‌اند؛ بقیه همچنان نمونه‌اند و از پیمایش به "
              "دست نیامده‌اند.**",
    },
    "fa_digits": {"en": "Persian digits", "fa": "ارقام فارسی"},
    "draft_restored": {
        "en": "Your work was brought back from the autosaved draft.",
        "fa": "کار شما از پیش‌نویس ذخیره‌شده بازگردانده شد.",
    },
    "draft_not_saved": {
        "en": "The draft could not be autosaved: {message}",
        "fa": "پیش‌نویس به‌طور خودکار ذخیره نشد: {message}",
    },
    "load_failed": {
        "en": "The shipped model could not be loaded:",
        "fa": "مدل پیش‌فرض بارگذاری نشد:",
    },
    # groups, TOWS types, provenance
    "group_S": {"en": "Strengths", "fa": "قوت‌ها"},
    "group_W": {"en": "Weaknesses", "fa": "ضعف‌ها"},
    "group_O": {"en": "Opportunities", "fa": "فرصت‌ها"},
    "group_T": {"en": "Threats", "fa": "تهدیدها"},
    "prov_listed": {"en": "listed", "fa": "فهرست‌شده"},
    "prov_derived": {"en": "derived", "fa": "استنتاجی"},
    "prov_user": {"en": "user", "fa": "کاربر"},
    "prov_note": {
        "en": "Provenance: listed = named in the source text, derived = inferred from it, "
              "user = added by a user. Source: [k]:line = line of the k-th source listed below.",
        "fa": "منشأ: فهرست‌شده = در متن منبع آمده، استنتاجی = از متن برداشت شده، "
              "کاربر = افزوده‌ی کاربر. منبع: [k]:سطر = سطری از منبع k در فهرست زیر.",
    },
    "tows_other": {"en": "other", "fa": "سایر"},
    # model page
    "goal": {"en": "Goal", "fa": "هدف"},
    "factors": {"en": "Factors", "fa": "عوامل"},
    "strategies": {"en": "Strategies", "fa": "راهبردها"},
    "col_id": {"en": "id", "fa": "شناسه"},
    "col_label": {"en": "label", "fa": "عنوان"},
    "col_provenance": {"en": "provenance", "fa": "منشأ"},
    "col_source": {"en": "source", "fa": "منبع"},
    "col_tows": {"en": "TOWS", "fa": "نوع TOWS"},
    "col_factors": {"en": "factors", "fa": "عوامل"},
    "col_group": {"en": "group", "fa": "گروه"},
    "col_rank": {"en": "rank", "fa": "رتبه"},
    "col_priority": {"en": "priority", "fa": "اولویت"},
    "col_ideal": {"en": "ideal", "fa": "ایده‌آل"},
    "col_weight": {"en": "weight", "fa": "وزن"},
    "col_local": {"en": "local weight", "fa": "وزن محلی"},
    "col_global": {"en": "global weight", "fa": "وزن کلی"},
    "col_matrix": {"en": "matrix", "fa": "ماتریس"},
    "col_missing": {"en": "blank pairs", "fa": "زوج‌های خالی"},
    "col_cr": {"en": "CR", "fa": "نرخ ناسازگاری"},
    "col_threshold": {"en": "threshold", "fa": "آستانه"},
    "col_passes": {"en": "passes", "fa": "قابل قبول"},
    "yes": {"en": "yes", "fa": "بله"},
    "no": {"en": "no", "fa": "خیر"},
    "edit_factors": {"en": "Add, edit or remove a factor", "fa": "افزودن، ویرایش یا حذف عامل"},
    "edit_strategies": {
        "en": "Add, edit or remove a strategy",
        "fa": "افزودن، ویرایش یا حذف راهبرد",
    },
    "new_item": {"en": "(new)", "fa": "(جدید)"},
    "choose_factor": {"en": "Factor", "fa": "عامل"},
    "choose_strategy": {"en": "Strategy", "fa": "راهبرد"},
    "field_group": {"en": "SWOT group", "fa": "گروه سوات"},
    "field_id": {"en": "Id (e.g. S6)", "fa": "شناسه (مثلاً S6)"},
    "field_label_en": {"en": "English label", "fa": "عنوان انگلیسی"},
    "field_label_fa": {"en": "Persian label", "fa": "عنوان فارسی"},
    "field_description": {"en": "Description", "fa": "توضیح"},
    "field_provenance": {"en": "Provenance", "fa": "منشأ"},
    "field_source_file": {"en": "Source file", "fa": "پرونده‌ی منبع"},
    "field_source_line": {"en": "Source line (0 = none)", "fa": "سطر منبع (۰ = ندارد)"},
    "field_tows": {"en": "TOWS type", "fa": "نوع TOWS"},
    "field_factors": {"en": "Factors it draws on", "fa": "عواملی که بر آن‌ها تکیه دارد"},
    "save": {"en": "Save", "fa": "ذخیره"},
    "remove": {"en": "Remove", "fa": "حذف"},
    "saved": {"en": "Saved {id}.", "fa": "{id} ذخیره شد."},
    "removed": {"en": "Removed {id}.", "fa": "{id} حذف شد."},
    "edit_rejected": {"en": "Not saved: {message}", "fa": "ذخیره نشد: {message}"},
    "nothing_to_remove": {
        "en": "Choose an existing item to remove.",
        "fa": "یک مورد موجود را برای حذف انتخاب کنید.",
    },
    # weights page
    "weighting_mode": {"en": "How are groups and factors weighted?", "fa": "روش وزن‌دهی"},
    "mode_direct": {"en": "Direct weights", "fa": "وزن‌دهی مستقیم"},
    "mode_pairwise": {"en": "Pairwise judgments", "fa": "مقایسه‌های زوجی"},
    "group_weights": {"en": "Group weights", "fa": "وزن گروه‌ها"},
    "factor_weights_in": {"en": "Factor weights: {group}", "fa": "وزن عوامل: {group}"},
    "shares": {"en": "Normalised shares", "fa": "سهم‌های نرمال‌شده"},
    "matrix": {"en": "Judgments to edit", "fa": "قضاوت‌های مورد ویرایش"},
    "matrix_groups": {
        "en": "SWOT groups with respect to the goal",
        "fa": "گروه‌های سوات نسبت به هدف",
    },
    "matrix_dependence": {
        "en": "Inner dependence: groups with respect to {group}",
        "fa": "وابستگی درونی: گروه‌ها نسبت به {group}",
    },
    "matrix_factors": {"en": "Factors within {group}", "fa": "عوامل درون {group}"},
    "matrix_strategies": {
        "en": "Strategies with respect to {factor}",
        "fa": "راهبردها نسبت به {factor}",
    },
    "cr_summary": {"en": "Consistency of every matrix", "fa": "سازگاری همه‌ی ماتریس‌ها"},
    "direct_note": {
        "en": "Direct weights replace steps 1–3; the strategy judgments below still apply.",
        "fa": "وزن‌های مستقیم جای گام‌های ۱ تا ۳ را می‌گیرند؛ قضاوت‌های راهبردها همچنان به کار می‌روند.",
    },
    "strategy_judgments": {"en": "Strategy judgments", "fa": "قضاوت‌های راهبردها"},
    # pairwise editor
    "blank": {"en": "(blank: no judgment)", "fa": "(خالی: بدون قضاوت)"},
    "equal": {"en": "{a} and {b} are equally important (1)", "fa": "{a} و {b} هم‌اهمیت‌اند (1)"},
    "more": {
        "en": "{a} is {degree} more important than {b} ({v})",
        "fa": "{a} {degree} مهم‌تر از {b} است ({v})",
    },
    "off_scale": {
        "en": "{a} : {b} = {v} (not on the 1–9 scale)",
        "fa": "{a} : {b} = {v} (خارج از مقیاس ۱ تا ۹)",
    },
    "deg_2": {"en": "between equally and moderately", "fa": "بین هم‌اهمیت و نسبتاً"},
    "deg_3": {"en": "moderately", "fa": "نسبتاً"},
    "deg_4": {"en": "between moderately and strongly", "fa": "بین نسبتاً و به‌شدت"},
    "deg_5": {"en": "strongly", "fa": "به‌شدت"},
    "deg_6": {"en": "between strongly and very strongly", "fa": "بین به‌شدت و بسیار"},
    "deg_7": {"en": "very strongly", "fa": "بسیار"},
    "deg_8": {"en": "between very strongly and extremely", "fa": "بین بسیار و کاملاً"},
    "deg_9": {"en": "extremely", "fa": "کاملاً"},
    "pair": {"en": "{a} vs {b}", "fa": "{a} در برابر {b}"},
    "priorities": {"en": "Priorities", "fa": "اولویت‌ها"},
    "consistency": {
        "en": "λmax = {lam:.3f} · CR = {cr:.3f} (threshold {thr:.2f})",
        "fa": "λmax = {lam:.3f} · نرخ ناسازگاری = {cr:.3f} (آستانه {thr:.2f})",
    },
    "cr_ok": {"en": "consistent enough", "fa": "به‌اندازه‌ی کافی سازگار"},
    "cr_bad": {"en": "too inconsistent", "fa": "بیش از حد ناسازگار"},
    "suggestions": {"en": "Most inconsistent judgments", "fa": "ناسازگارترین قضاوت‌ها"},
    "suggestion": {
        "en": "{pair}: now {current}, suggested {suggested} (CR after: {cr:.3f})",
        "fa": "{pair}: اکنون {current}، پیشنهاد {suggested} (نرخ ناسازگاری پس از آن: {cr:.3f})",
    },
    "apply": {"en": "Apply suggested value", "fa": "اعمال مقدار پیشنهادی"},
    "no_suggestions": {
        "en": "No judgment needs a different value on the 1–9 scale.",
        "fa": "هیچ قضاوتی به مقدار دیگری در مقیاس ۱ تا ۹ نیاز ندارد.",
    },
    "too_small": {
        "en": "Only one item: nothing to compare.",
        "fa": "تنها یک مورد است: چیزی برای مقایسه نیست.",
    },
    "cannot_weigh": {
        "en": "These judgments cannot be weighed yet: {message}",
        "fa": "این قضاوت‌ها هنوز قابل وزن‌دهی نیستند: {message}",
    },
    "rating_of": {"en": "Rating of {s}", "fa": "امتیاز {s}"},
    "ratings_note": {
        "en": "Rated, not compared: priorities are the ratings normalised (blank = not rated).",
        "fa": "امتیازدهی به‌جای مقایسه: اولویت‌ها امتیازهای نرمال‌شده‌اند (خالی = بدون امتیاز).",
    },
    # results page
    "ranking": {"en": "Ranked strategies", "fa": "رتبه‌بندی راهبردها"},
    "top_strategy": {"en": "Top strategy: {s}", "fa": "راهبرد برتر: {s}"},
    "global_weights": {"en": "Global factor weights", "fa": "وزن کلی عوامل"},
    "steps": {"en": "Yüksel–Dağdeviren steps", "fa": "گام‌های روش یوکسل و داغ‌دویرن"},
    "step1_tab": {"en": "Step 1: groups", "fa": "گام ۱: گروه‌ها"},
    "step2_tab": {"en": "Step 2: dependence", "fa": "گام ۲: وابستگی"},
    "step3_tab": {"en": "Step 3: factors", "fa": "گام ۳: عوامل"},
    "step4_tab": {"en": "Step 4: strategies", "fa": "گام ۴: راهبردها"},
    "step1": {
        "en": "Step 1: group weights with respect to the goal",
        "fa": "گام ۱: وزن گروه‌ها نسبت به هدف",
    },
    "step2": {
        "en": "Step 2: inner dependence and interdependent group weights",
        "fa": "گام ۲: وابستگی درونی و وزن وابسته‌ی گروه‌ها",
    },
    "step2_matrix": {
        "en": "Dependence matrix (column = with respect to)",
        "fa": "ماتریس وابستگی (ستون = نسبت به)",
    },
    "step3": {"en": "Step 3: local and global factor weights", "fa": "گام ۳: وزن محلی و کلی عوامل"},
    "step4": {
        "en": "Step 4: strategy priorities with respect to each factor",
        "fa": "گام ۴: اولویت راهبردها نسبت به هر عامل",
    },
    "w_goal": {"en": "w.r.t. goal", "fa": "نسبت به هدف"},
    "w_dep": {"en": "interdependent", "fa": "وابسته"},
    "supermatrices": {"en": "Supermatrices", "fa": "ابرماتریس‌ها"},
    "unweighted": {"en": "Unweighted", "fa": "وزن‌نشده"},
    "weighted": {"en": "Weighted", "fa": "وزن‌دار"},
    "limit": {"en": "Limit", "fa": "حدی"},
    "heat_note": {
        "en": "Column = source node, row = node it influences; hover shows labels.",
        "fa": "ستون = گره مبدأ، سطر = گره اثرپذیر؛ با نگه‌داشتن نشانگر عنوان‌ها دیده می‌شوند.",
    },
    "cannot_rank": {
        "en": "The model cannot be ranked yet:",
        "fa": "مدل هنوز قابل رتبه‌بندی نیست:",
    },
    # export / import
    "export": {"en": "Export", "fa": "خروجی"},
    "import": {"en": "Import", "fa": "ورودی"},
    "csv_lang": {"en": "Labels in the CSV files", "fa": "زبان عنوان‌ها در پرونده‌های CSV"},
    "csv_both": {"en": "both", "fa": "هر دو"},
    "dl_ranking": {"en": "Download the ranking (CSV)", "fa": "دریافت رتبه‌بندی (CSV)"},
    "dl_factors": {"en": "Download the factor weights (CSV)", "fa": "دریافت وزن عوامل (CSV)"},
    "dl_model": {"en": "Download the model (JSON)", "fa": "دریافت مدل (JSON)"},
    "upload": {"en": "Upload a model (JSON)", "fa": "بارگذاری مدل (JSON)"},
    "upload_ok": {"en": "Loaded the model from {name}.", "fa": "مدل از {name} بارگذاری شد."},
    "upload_bad": {
        "en": "{name} is not a valid model; the current model stays. Problems:",
        "fa": "{name} مدل معتبری نیست؛ مدل فعلی حفظ شد. ایرادها:",
    },
    "dl_report_pdf": {"en": "Download report (PDF)", "fa": "دریافت گزارش (PDF)"},
    "dl_report_html": {"en": "Download report (HTML)", "fa": "دریافت گزارش (HTML)"},
    "report_help": {
        "en": "The decision report for the council, in the page's language (made when you "
              "click, a few seconds). With the model JSON from Export / import saved as "
              "model.json, this command regenerates it byte for byte:",
        "fa": "گزارش تصمیم برای شورا، به زبان همین صفحه (با کلیک ساخته می‌شود، چند ثانیه). اگر "
              "JSON مدل را از صفحهٔ خروجی / ورودی با نام model.json ذخیره کنید، این فرمان همان "
              "گزارش را بایت به بایت بازتولید می‌کند:",
    },
    "report_help_ws": {
        "en": "The decision report on the group result (participants left out are not used). "
              "This command regenerates it byte for byte:",
        "fa": "گزارش تصمیم بر پایهٔ نتیجهٔ گروهی (بدون شرکت‌کنندگان کنارگذاشته). این فرمان همان "
              "گزارش را بایت به بایت بازتولید می‌کند:",
    },
    "dl_workbook": {"en": "Download the workbook (Excel)", "fa": "دریافت کاربرگ (اکسل)"},
    "no_csv": {
        "en": "The CSV files need a model that can be ranked.",
        "fa": "برای پرونده‌های CSV مدل باید قابل رتبه‌بندی باشد.",
    },
}


def lang() -> str:
    """The session's language code ("en" or "fa")."""
    value = st.session_state.get(LANG_KEY, "en")
    return value if value in LANGS else "en"


DIGITS_KEY = "fa_digits"  # the Persian-digits setting of the sidebar
_NUMBER = re.compile(r"(?<![A-Za-z_\d])\d+(?:\.\d+)?")
_FA_DIGITS = str.maketrans("0123456789.", "۰۱۲۳۴۵۶۷۸۹٫")


def keep_digits_setting() -> None:
    """Keep the sidebar's Persian-digits box in the session (the box exists only in Persian)."""
    st.session_state[DIGITS_KEY] = st.session_state["fa_digits_box"]


def persian_digits(text: str) -> str:
    """``text`` with its numbers in Persian digits (and the Persian decimal separator); digits
    that belong to an id such as ``S1`` or ``SO12`` stay as they are."""
    return _NUMBER.sub(lambda m: m.group().translate(_FA_DIGITS), text)


def persian_digits_on(lang: str) -> bool:
    """Whether numbers are shown in Persian digits (Persian, with the sidebar's setting on)."""
    return lang == "fa" and bool(st.session_state.get(DIGITS_KEY))


DIGITS_FONT = "Vazirmatn FD NL"  # Vazirmatn's digits-only cut: ASCII digits drawn as Persian
_DIGITS_FONT_FILE = Path(__file__).with_name("fonts") / "Vazirmatn-FD-NL-Regular.woff2"


@functools.cache
def _digits_font_css() -> str:
    data = base64.b64encode(_DIGITS_FONT_FILE.read_bytes()).decode("ascii")
    return (f"<style>@font-face {{font-family: '{DIGITS_FONT}'; font-display: block; "
            f"src: url(data:font/woff2;base64,{data}) format('woff2');}}</style>")


def shown_number(text: str, lang: str) -> str:
    """``text`` as shown in ``lang``: Persian digits in Persian when the setting is on (never
    used for files meant for machines)."""
    return persian_digits(text) if lang == "fa" and st.session_state.get(DIGITS_KEY) else text


def lookup(table: dict[str, dict[str, str]], key: str, lang: str, **values: object) -> str:
    """The string ``key`` of ``table`` in ``lang``, formatted with ``values`` (the lookup of
    this module's strings and of the pages that keep their own table)."""
    text = table[key][lang]
    return text.format(**values) if values else text


def tr(key: str, lang: str, **values: object) -> str:
    """The string ``key`` in ``lang``, formatted with ``values``."""
    return lookup(STRINGS, key, lang, **values)


def t(key: str, **values: object) -> str:
    """The string ``key`` in the session's language, formatted with ``values``, numbers in
    Persian digits when that setting is on (option labels of select boxes use :func:`tr`,
    which keeps ASCII digits)."""
    return shown_number(tr(key, lang(), **values), lang())


def group_name(group: str, lang: str) -> str:
    """The name of a SWOT group (S, W, O, T) in ``lang``."""
    return tr(f"group_{group}", lang)


def tows_name(tows: str, lang: str) -> str:
    """A TOWS type as shown: SO, ST, WO and WT as they are, "other" in ``lang``."""
    return tr("tows_other", lang) if tows == "other" else tows


# Right-to-left for text only: markdown, headings, captions, alerts, widget labels, HTML
# tables, expander and tab titles. Sliders, selects and charts keep their own direction,
# since a blanket ``direction: rtl`` breaks Streamlit's sliders.
RTL_CSS = """
<style>
[data-testid="stMarkdownContainer"], [data-testid="stCaptionContainer"],
[data-testid="stHeading"], [data-testid="stAlertContainer"], [data-testid="stWidgetLabel"],
[data-testid="stTable"], [data-testid="stExpander"] summary, [data-testid="stTab"],
[data-testid="stSidebarNavLink"] {
  direction: rtl;
  text-align: right;
}
[data-testid="stTable"] th, [data-testid="stTable"] td { text-align: right !important; }
[data-testid="stTabs"] [role="tablist"] { direction: rtl; }
[data-testid="stFileUploaderDropzone"] { direction: rtl; }
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] p,
[data-testid="stFileUploaderDropzoneInstructions"] span { font-size: 0; }
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] p::after {
  content: "انتخاب پرونده"; font-size: 0.875rem;
}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {
  content: "یک پرونده تا ۲۰۰ مگابایت"; font-size: 0.875rem;
}
</style>
"""
# The uploader's own button and limit ("Upload", "200MB per file • JSON") cannot be passed in
# another language: in Persian the CSS above hides them behind Persian text.


def ltr(text: str) -> str:
    """``text`` in a left-to-right isolate: a file name, path or timestamp keeps its order
    inside Persian text (``/tmp/x.db`` would otherwise read ``tmp/x.db/``)."""
    return f"\u2066{text}\u2069"


def isolate(text: str, lang: str) -> str:
    """``text`` in a right-to-left isolate in Persian, so that widgets and charts that lay
    text out left to right (select boxes, plotly) keep Persian sentences with Latin ids in
    reading order."""
    return f"\u2067{text}\u2069" if lang == "fa" else text


def columns(spec: int | list[float], lang: str, **kwargs: Any) -> list[DeltaGenerator]:
    """``st.columns`` in reading order: the first column is on the right in Persian."""
    if lang != "fa":
        return st.columns(spec, **kwargs)
    return st.columns(spec if isinstance(spec, int) else spec[::-1], **kwargs)[::-1]


def inject_rtl() -> None:
    """Add the right-to-left text style to the page when the language is Persian."""
    if lang() == "fa":
        st.html(RTL_CSS)
    if persian_digits_on(lang()):  # the charts draw their numbers with it (ui.charts)
        st.html(_digits_font_css())


SHOWN_LANG_KEY = "lang_shown"  # the language the browser was last sent


def mark_language_shown() -> None:
    """Record that this run's widgets went out in the session's language (end of a run)."""
    st.session_state[SHOWN_LANG_KEY] = lang()


def resend(key: str, default: object) -> None:
    """Right after a language switch, set the widget ``key`` to its own value (``default``
    when it has none) before it is drawn, so that Streamlit sends the value to the browser
    again: a keyed select box otherwise keeps showing the text of its old language
    (Streamlit 1.67). Only then, so that choices pending in an unsubmitted form survive other
    reruns."""
    switched = st.session_state.get(SHOWN_LANG_KEY, lang()) != lang()
    if switched or key not in st.session_state:
        st.session_state[key] = st.session_state.get(key, default)
