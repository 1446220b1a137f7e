"""Strings about how far a ranking can be trusted: consistency beside every ranking, near ties,
the illustrative notice, unjudged comparisons, in English and Persian (namespace ``trust.`` of
:mod:`ui.strings`)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
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
    "cannot_rank": {
        "en": "The model cannot be ranked yet:",
        "fa": "مدل هنوز قابل رتبه‌بندی نیست:",
    },
    "tied": {"en": "Practically tied: {names}", "fa": "تقریباً هم‌تراز: {names}"},
    "tied_note": {
        "en": "Their priorities lie within {margin:.0%} of the first's ({first:.4f}); one step "
              "in a single judgment moves them more than that, so these judgments do not tell "
              "them apart.",
        "fa": "اولویت آن‌ها کمتر از {margin:.0%} با اولویت نخست ({first:.4f}) فاصله دارد؛ یک پله "
              "تغییر در یک قضاوت بیش از این جابه‌جایشان می‌کند، پس این قضاوت‌ها آن‌ها را از هم "
              "جدا نمی‌کنند.",
    },
    "ahead": {
        "en": "{gap:.1%} ahead of {second} (a near tie is a gap under {margin:.0%}).",
        "fa": "{gap:.1%} جلوتر از {second} (فاصله‌ی کمتر از {margin:.0%} هم‌ترازی شمرده می‌شود).",
    },
    "all_pass": {
        "en": "Consistency: all {n} pairwise matrices pass their threshold.",
        "fa": "سازگاری: هر {n} ماتریس مقایسه‌ی زوجی از آستانه‌ی خود می‌گذرند.",
    },
    "some_fail": {
        "en": "Consistency: {k} of {n} pairwise matrices fail their threshold, so this ranking "
              "is not sound until they are revised:",
        "fa": "سازگاری: {k} ماتریس از {n} ماتریس مقایسه‌ی زوجی از آستانه‌ی خود نمی‌گذرند؛ تا "
              "بازنگری نشوند این رتبه‌بندی قابل اتکا نیست:",
    },
    "failing_row": {
        "en": "{matrix}: CR {cr:.3f} > {thr:.2f}",
        "fa": "{matrix}: نرخ ناسازگاری {cr:.3f} > {thr:.2f}",
    },
    "all_pass_scenarios": {
        "en": "Consistency: every pairwise matrix of the {n} scenarios passes its threshold.",
        "fa": "سازگاری: همه‌ی ماتریس‌های مقایسه‌ی زوجی هر {n} سناریو از آستانه‌ی خود می‌گذرند.",
    },
    "some_fail_scenarios": {
        "en": "Consistency: these matrices fail their threshold, so the rankings of their "
              "scenarios are not sound until they are revised:",
        "fa": "سازگاری: این ماتریس‌ها از آستانه‌ی خود نمی‌گذرند؛ تا بازنگری نشوند رتبه‌بندی "
              "سناریوهایشان قابل اتکا نیست:",
    },
    "load_and_open": {"en": "Load it and open the matrix", "fa": "بارگذاری و باز کردن ماتریس"},
    "col_moved": {"en": "moved: {name}", "fa": "جابه‌جایی: {name}"},
    "moved_note": {
        "en": "Moved = places gained (▲) or lost (▼) since {first}.",
        "fa": "جابه‌جایی = پله‌های بالا رفته (▲) یا پایین آمده (▼) نسبت به {first}.",
    },
    "notice_passing": {
        "en": "Every one of the {n} pairwise matrices in use passes its consistency threshold "
              "(computed from the current judgments).",
        "fa": "هر {n} ماتریس مقایسه‌ی زوجی در حال استفاده از آستانه‌ی سازگاری خود می‌گذرند "
              "(محاسبه‌شده از قضاوت‌های فعلی).",
    },
    "notice_failing": {
        "en": "{k} of the {n} pairwise matrices in use fail their consistency threshold "
              "(computed from the current judgments; see Results).",
        "fa": "{k} ماتریس از {n} ماتریس مقایسه‌ی زوجی در حال استفاده از آستانه‌ی سازگاری خود "
              "نمی‌گذرند (محاسبه‌شده از قضاوت‌های فعلی؛ صفحه‌ی نتایج را ببینید).",
    },
    "notice_unrankable": {
        "en": "The current judgments cannot be ranked yet (see Results).",
        "fa": "قضاوت‌های فعلی هنوز قابل رتبه‌بندی نیستند (صفحه‌ی نتایج را ببینید).",
    },
    "prov_title": {"en": "About these judgments", "fa": "درباره‌ی این قضاوت‌ها"},
    "prov_edited": {
        "en": "Some judgments were changed after the illustrative set was loaded, so the file's "
              "note is no longer shown. Describe them yourself below.",
        "fa": "برخی قضاوت‌ها پس از بارگذاری مجموعه‌ی نمونه تغییر کرده‌اند و یادداشت پرونده دیگر "
              "نمایش داده نمی‌شود. خودتان آن‌ها را در زیر توصیف کنید.",
    },
    "prov_illustrative": {
        "en": "These judgments are illustrative, not from experts or a survey",
        "fa": "این قضاوت‌ها نمونه‌اند و از کارشناسان یا پیمایش به دست نیامده‌اند",
    },
    "prov_note": {"en": "Where the judgments come from", "fa": "منشأ قضاوت‌ها"},
    "prov_save": {"en": "Save this description", "fa": "ذخیره‌ی این توصیف"},
    "prov_saved": {
        "en": "Saved: the downloads and scenarios now carry this description.",
        "fa": "ذخیره شد: خروجی‌ها و سناریوها اکنون این توصیف را دارند.",
    },
    "why_unlinked": {
        "en": "{matrix}: {items} not yet compared with {ref} or anything linked to it; enter at "
              "least one judgment for each, or fill the blanks as equal.",
        "fa": "{matrix}: {items} هنوز با {ref} یا چیزی که به آن پیوسته است مقایسه نشده است؛ "
              "برای هر یک دست‌کم یک قضاوت وارد کنید یا جاهای خالی را برابر پر کنید.",
    },
    "why_unrated": {
        "en": "{matrix}: {items} not yet rated.",
        "fa": "{matrix}: {items} هنوز امتیاز نگرفته است.",
    },
    "why_no_positive": {
        "en": "{matrix}: every rating is 0; at least one must be above 0.",
        "fa": "{matrix}: همه‌ی امتیازها صفرند؛ دست‌کم یکی باید بیشتر از صفر باشد.",
    },
    "why_no_judgments": {
        "en": "{matrix}: no judgments yet.",
        "fa": "{matrix}: هنوز قضاوتی ندارد.",
    },
    "why_no_group_weight": {
        "en": "Direct weights: every group weight is 0; at least one must be above 0.",
        "fa": "وزن‌دهی مستقیم: وزن همه‌ی گروه‌ها صفر است؛ دست‌کم یکی باید بیشتر از صفر باشد.",
    },
    "why_no_factor_weight": {
        "en": "Direct weights: every factor weight in {group} is 0; at least one must be above 0.",
        "fa": "وزن‌دهی مستقیم: وزن همه‌ی عوامل {group} صفر است؛ دست‌کم یکی باید بیشتر از صفر "
              "باشد.",
    },
    "why_invalid": {
        "en": "{matrix}: these judgments cannot be weighed ({detail}).",
        "fa": "{matrix}: این قضاوت‌ها قابل وزن‌دهی نیستند ({detail}).",
    },
    "fill_all": {
        "en": "Fill every blank as equal (to be judged)",
        "fa": "پر کردن همه‌ی جاهای خالی با «برابر» (برای قضاوت بعدی)",
    },
    "fill_matrix": {
        "en": "Fill this matrix's blanks as equal (to be judged)",
        "fa": "پر کردن جاهای خالی این ماتریس با «برابر» (برای قضاوت بعدی)",
    },
    "accept_all": {
        "en": "Accept every placeholder as judged",
        "fa": "پذیرفتن همه‌ی مقادیر موقت به‌عنوان قضاوت",
    },
    "accept_matrix": {
        "en": "Accept this matrix's {n} placeholders as judged",
        "fa": "پذیرفتن {n} مقدار موقت این ماتریس به‌عنوان قضاوت",
    },
    "todo_title": {
        "en": "Not yet judged: {n} comparisons",
        "fa": "هنوز قضاوت‌نشده: {n} مقایسه",
    },
    "todo_empty": {
        "en": "Every comparison in use has been judged.",
        "fa": "همه‌ی مقایسه‌های در حال استفاده قضاوت شده‌اند.",
    },
    "to_be_judged": {"en": "to be judged", "fa": "برای قضاوت"},
    "matrix_placeholders": {
        "en": "{n} comparisons here are placeholders (equal, to be judged), marked ◌.",
        "fa": "{n} مقایسه در اینجا مقدار موقت‌اند (برابر، برای قضاوت) و با ◌ نشان داده شده‌اند.",
    },
    "rests_on_placeholders": {
        "en": "This ranking rests on {n} placeholder comparisons not yet judged, in {k} matrices "
              "(see the to-do list on the Weights page).",
        "fa": "این رتبه‌بندی بر {n} مقایسه‌ی موقت و هنوز قضاوت‌نشده در {k} ماتریس تکیه دارد "
              "(فهرست کارهای صفحه‌ی وزن‌ها را ببینید).",
    },
    "judged_by": {"en": "Strategies judged by", "fa": "روش قضاوت راهبردها"},
    "kind_pairwise": {"en": "pairwise comparison", "fa": "مقایسه‌ی زوجی"},
    "kind_ratings": {"en": "ratings", "fa": "امتیازدهی"},
    "live_title": {"en": "Live ranking", "fa": "رتبه‌بندی زنده"},
    "live_unrankable": {"en": "Cannot be ranked yet.", "fa": "هنوز قابل رتبه‌بندی نیست."},
    "live_tied": {"en": "Practically tied: {names}", "fa": "تقریباً هم‌تراز: {names}"},
    "live_consistent": {"en": "All matrices pass their CR threshold.",
                        "fa": "همه‌ی ماتریس‌ها از آستانه‌ی نرخ ناسازگاری می‌گذرند."},
    "live_failing": {"en": "{k} matrices fail their CR threshold.",
                     "fa": "{k} ماتریس از آستانه‌ی نرخ ناسازگاری نمی‌گذرند."},
    "live_note": {"en": "(places moved, change of priority) since the last edit",
                  "fa": "(جابه‌جایی، تغییر اولویت) نسبت به ویرایش پیشین"},
    "open_matrix": {"en": "Open on the Weights page", "fa": "باز کردن در صفحه‌ی وزن‌ها"},
    "dl_consistency": {
        "en": "Download the consistency of every matrix (CSV)",
        "fa": "دریافت سازگاری همه‌ی ماتریس‌ها (CSV)",
    },
}

# Keys made at run time (ui.strings.family): prefix -> the values it is completed with.
FAMILIES: dict[str, tuple[str, ...]] = {
    "kind_": ("pairwise", "ratings"),
    "why_": ("no_positive", "no_judgments"),
}
