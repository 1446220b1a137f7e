"""Strings shared by several pages: SWOT groups, table columns, yes and no, weighting modes, in
English and Persian (namespace ``common.`` of :mod:`ui.strings`)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "group_S": {"en": "Strengths", "fa": "قوت‌ها"},
    "group_W": {"en": "Weaknesses", "fa": "ضعف‌ها"},
    "group_O": {"en": "Opportunities", "fa": "فرصت‌ها"},
    "group_T": {"en": "Threats", "fa": "تهدیدها"},
    "tows_other": {"en": "other", "fa": "سایر"},
    "goal": {"en": "Goal", "fa": "هدف"},
    "col_id": {"en": "id", "fa": "شناسه"},
    "col_label": {"en": "label", "fa": "عنوان"},
    "col_tows": {"en": "TOWS", "fa": "نوع TOWS"},
    "col_group": {"en": "group", "fa": "گروه"},
    "col_weight": {"en": "weight", "fa": "وزن"},
    "col_matrix": {"en": "matrix", "fa": "ماتریس"},
    "col_cr": {"en": "CR", "fa": "نرخ ناسازگاری"},
    "col_passes": {"en": "passes", "fa": "قابل قبول"},
    "yes": {"en": "yes", "fa": "بله"},
    "no": {"en": "no", "fa": "خیر"},
    "mode_direct": {"en": "Direct weights", "fa": "وزن‌دهی مستقیم"},
    "mode_pairwise": {"en": "Pairwise judgments", "fa": "مقایسه‌های زوجی"},
    "col_name": {"en": "name", "fa": "نام"},
    "confirm_first": {"en": "Tick the confirmation box first.",
                      "fa": "ابتدا گزینه‌ی تأیید را علامت بزنید."},
}

# Keys made at run time (ui.strings.family): prefix -> the values it is completed with.
FAMILIES: dict[str, tuple[str, ...]] = {
    "group_": ("S", "W", "O", "T"),
    "mode_": ("direct", "pairwise"),
}
