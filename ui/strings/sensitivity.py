"""Strings of the Sensitivity page, in English and Persian (namespace ``sensitivity.`` of
:mod:`ui.strings`)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "a_cluster": {"en": "a cluster weight", "fa": "وزن یک خوشه"},
    "one_way": {"en": "One-way sensitivity", "fa": "حساسیت یک‌متغیره"},
    "one_way_note": {
        "en": "One weight goes from 0 to 1, the others keep their proportions. A group's weight "
              "is its final weight (after inner dependence); a factor's is its global weight.",
        "fa": "یک وزن از ۰ تا ۱ تغییر می‌کند و نسبت وزن‌های دیگر ثابت می‌ماند. وزن گروه، وزن "
              "نهایی آن (پس از وابستگی درونی) و وزن عامل، وزن کلی آن است."},
    "vary": {"en": "Vary", "fa": "متغیر"},
    "a_group": {"en": "a SWOT group", "fa": "یک گروه سوات"},
    "a_factor": {"en": "a factor", "fa": "یک عامل"},
    "group": {"en": "Group", "fa": "گروه"},
    "factor": {"en": "Factor", "fa": "عامل"},
    "weight": {"en": "weight", "fa": "وزن"},
    "priority": {"en": "priority", "fa": "اولویت"},
    "current": {"en": "current {w:.3f}", "fa": "فعلی {w:.3f}"},
    "chart_title": {"en": "Priorities as the weight of {name} varies",
                    "fa": "اولویت‌ها با تغییر وزن {name}"},
    "reversals": {"en": "Rank reversals", "fa": "جابه‌جایی رتبه‌ها"},
    "no_reversals": {"en": "No two strategies change order between 0 and 1.",
                     "fa": "هیچ دو راهبردی میان ۰ و ۱ جابه‌جا نمی‌شوند."},
    "only_top": {"en": "Only changes of the first place", "fa": "فقط تغییر رتبه‌ی نخست"},
    "col_ahead_below": {"en": "ahead below", "fa": "پیش‌تر در وزن کمتر"},
    "col_ahead_above": {"en": "ahead above", "fa": "پیش‌تر در وزن بیشتر"},
    "col_top": {"en": "first place changes", "fa": "تغییر رتبه‌ی نخست"},
    "monte_carlo": {"en": "Robustness (Monte Carlo)", "fa": "پایداری (مونت‌کارلو)"},
    "mc_note": {
        "en": "Each sample perturbs the pairwise judgments at random and ranks the strategies "
              "again.",
        "fa": "در هر نمونه قضاوت‌های زوجی به‌طور تصادفی تغییر می‌کنند و راهبردها دوباره "
              "رتبه‌بندی می‌شوند."},
    "method": {"en": "Perturbation", "fa": "نوع تغییر"},
    "method_lognormal": {"en": "log-normal noise", "fa": "نوفه‌ی لگ‌نرمال"},
    "method_saaty": {"en": "steps on Saaty's scale", "fa": "گام روی مقیاس ساعتی"},
    "spread": {"en": "Spread (sigma of log judgment)", "fa": "پراکندگی (سیگمای لگاریتم قضاوت)"},
    "steps": {"en": "Largest step (±k)", "fa": "بزرگ‌ترین گام (±k)"},
    "samples": {"en": "Samples", "fa": "تعداد نمونه"},
    "seed": {"en": "Seed", "fa": "بذر تصادفی"},
    "perturb_direct": {"en": "Also perturb direct weights and ratings",
                       "fa": "وزن‌های مستقیم و امتیازها هم تغییر کنند"},
    "run": {"en": "Run", "fa": "اجرا"},
    "running": {"en": "Sampling…", "fa": "در حال نمونه‌گیری…"},
    "done": {"en": "{n} samples in {s:.2f} s", "fa": "{n} نمونه در {s:.2f} ثانیه"},
    "precision": {"en": "Stop early at standard error (0 = run all samples)",
                  "fa": "توقف زودهنگام در خطای معیار (۰ = همهٔ نمونه‌ها)"},
    "precision_help": {
        "en": "Stop once every rank probability has at most this standard error "
              "(after at least 1,000 samples).",
        "fa": "وقتی خطای معیار همهٔ احتمال‌های رتبه به این مقدار یا کمتر رسید، نمونه‌گیری "
              "متوقف شود (پس از دست‌کم ۱۰۰۰ نمونه)."},
    "std_error": {"en": "largest standard error of a rank probability: {se:.4f}",
                  "fa": "بیشترین خطای معیار احتمال رتبه‌ها: {se:.4f}"},
    "stopped": {"en": "stopped early at {n} of {total} samples",
                "fa": "توقف زودهنگام پس از {n} نمونه از {total}"},
    "heat_title": {"en": "Probability of each rank", "fa": "احتمال هر رتبه"},
    "rank": {"en": "rank", "fa": "رتبه"},
    "strategy": {"en": "strategy", "fa": "راهبرد"},
    "intervals_title": {"en": "Priority intervals (5th to 95th percentile)",
                        "fa": "بازه‌ی اولویت (صدک ۵ تا ۹۵)"},
    "median": {"en": "median", "fa": "میانه"},
    "model_value": {"en": "model", "fa": "مدل"},
    "p_first": {"en": "P(first)", "fa": "احتمال نخست بودن"},
    "quantile_p05": {"en": "5th percentile", "fa": "صدک ۵"},
    "quantile_p50": {"en": "median", "fa": "میانه"},
    "quantile_p95": {"en": "95th percentile", "fa": "صدک ۹۵"},
    "download": {"en": "Download CSV", "fa": "دریافت CSV"},
    "dl_sweep": {"en": "Download the sweep (CSV)", "fa": "دریافت تحلیل یک‌متغیره (CSV)"},
    "dl_reversals": {"en": "Download the rank reversals (CSV)",
                     "fa": "دریافت جابه‌جایی رتبه‌ها (CSV)"},
    "cancel": {"en": "Cancel the run", "fa": "لغو اجرا"},
    "cancelled": {"en": "The run was cancelled; nothing was kept from it.",
                  "fa": "اجرا لغو شد؛ چیزی از آن نگه داشته نشد."},
}

# Keys made at run time (ui.strings.family): prefix -> the values it is completed with.
FAMILIES: dict[str, tuple[str, ...]] = {
    "a_": ("group", "factor", "cluster"),
    "method_": ("lognormal", "saaty"),
    "quantile_": ("p05", "p50", "p95"),
}
