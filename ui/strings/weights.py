"""Strings of the Weights & judgments page, in English and Persian (namespace ``weights.`` of
:mod:`ui.strings`)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "col_missing": {"en": "blank pairs", "fa": "زوج‌های خالی"},
    "col_threshold": {"en": "threshold", "fa": "آستانه"},
    "weighting_mode": {"en": "How are groups and factors weighted?", "fa": "روش وزن‌دهی"},
    "group_weights": {"en": "Group weights", "fa": "وزن گروه‌ها"},
    "factor_weights_in": {"en": "Factor weights: {group}", "fa": "وزن عوامل: {group}"},
    "shares": {"en": "Normalised shares", "fa": "سهم‌های نرمال‌شده"},
    "matrix": {"en": "Judgments to edit", "fa": "قضاوت‌های مورد ویرایش"},
    "cr_summary": {"en": "Consistency of every matrix", "fa": "سازگاری همه‌ی ماتریس‌ها"},
    "direct_note": {
        "en": "Direct weights replace steps 1–3; the strategy judgments below still apply.",
        "fa": "وزن‌های مستقیم جای گام‌های ۱ تا ۳ را می‌گیرند؛ قضاوت‌های راهبردها همچنان به کار می‌روند.",
    },
    "strategy_judgments": {"en": "Strategy judgments", "fa": "قضاوت‌های راهبردها"},
}
