"""Strings of the app's frame: page titles, sidebar, the autosaved draft, in English and Persian
(namespace ``app.`` of :mod:`ui.strings`)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "page_model": {"en": "Model", "fa": "مدل"},
    "page_weights": {"en": "Weights & judgments", "fa": "وزن‌ها و قضاوت‌ها"},
    "page_results": {"en": "Results", "fa": "نتایج"},
    "page_io": {"en": "Export / import", "fa": "خروجی / ورودی"},
    "page_sensitivity": {"en": "Sensitivity", "fa": "تحلیل حساسیت"},
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
    "page_scenarios": {"en": "Scenarios", "fa": "سناریوها"},
    "page_workshop": {"en": "Workshop", "fa": "کارگاه"},
    "page_network": {"en": "Network", "fa": "شبکه"},
}
