"""Strings of the Results page: ranking, the Yüksel–Dağdeviren steps, supermatrices, in English
and Persian (namespace ``results.`` of :mod:`ui.strings`)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "col_rank": {"en": "rank", "fa": "رتبه"},
    "col_priority": {"en": "priority", "fa": "اولویت"},
    "col_ideal": {"en": "ideal", "fa": "ایده‌آل"},
    "col_local": {"en": "local weight", "fa": "وزن محلی"},
    "col_global": {"en": "global weight", "fa": "وزن کلی"},
    "priorities": {"en": "Priorities", "fa": "اولویت‌ها"},
    "ranking": {"en": "Ranked strategies", "fa": "رتبه‌بندی راهبردها"},
    "top_strategy": {"en": "Top strategy: {s}", "fa": "راهبرد برتر: {s}"},
    "global_weights": {"en": "Global factor weights", "fa": "وزن کلی عوامل"},
    "steps": {"en": "Yüksel–Dağdeviren steps", "fa": "گام‌های روش یوکسل و داغ‌دویرن"},
    "step_tab_1": {"en": "Step 1: groups", "fa": "گام ۱: گروه‌ها"},
    "step_tab_2": {"en": "Step 2: dependence", "fa": "گام ۲: وابستگی"},
    "step_tab_3": {"en": "Step 3: factors", "fa": "گام ۳: عوامل"},
    "step_tab_4": {"en": "Step 4: strategies", "fa": "گام ۴: راهبردها"},
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
}

# Keys made at run time (ui.strings.family): prefix -> the values it is completed with.
FAMILIES: dict[str, tuple[str, ...]] = {
    "step_tab_": ("1", "2", "3", "4"),
}
