"""Strings of the pairwise and rating editors of one matrix (select boxes and grid), in English
and Persian (namespace ``pairwise.`` of :mod:`ui.strings`)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
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
    "grid_note": {
        "en": "Each cell: how much more important the row item is than the column item "
              "(1 equal, 3 moderately, 5 strongly, 7 very strongly, 9 extremely; 1/3 means the "
              "column item is moderately more important). Changing a cell also sets its mirror "
              "cell to the reciprocal.",
        "fa": "هر خانه: اهمیت مورد سطر نسبت به مورد ستون (۱ برابر، ۳ کمی بیشتر، ۵ بیشتر، ۷ خیلی "
              "بیشتر، ۹ بی‌نهایت بیشتر؛ 1/3 یعنی مورد ستون کمی مهم‌تر است). تغییر هر خانه، خانهٔ "
              "قرینه را هم به مقدار معکوس تنظیم می‌کند.",
    },
    "grid_blank": {"en": "blank", "fa": "خالی"},
    "grid_diagonal": {
        "en": "The diagonal compares an item with itself and stays 1; that change was not kept.",
        "fa": "قطر اصلی هر مورد را با خودش می‌سنجد و همیشه ۱ است؛ آن تغییر اعمال نشد.",
    },
}

# Keys made at run time (ui.strings.family): prefix -> the values it is completed with.
FAMILIES: dict[str, tuple[str, ...]] = {
    "deg_": ("2", "3", "4", "5", "6", "7", "8", "9"),
}
