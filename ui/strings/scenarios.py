"""Strings of the Scenarios page: saved scenarios and their comparison, in English and Persian
(namespace ``scenarios.`` of :mod:`ui.strings`)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "save_current": {"en": "Save the current model as a scenario",
                     "fa": "ذخیره‌ی مدل فعلی به‌عنوان سناریو"},
    "name": {"en": "Name", "fa": "نام"},
    "note": {"en": "Note", "fa": "یادداشت"},
    "save": {"en": "Save scenario", "fa": "ذخیره‌ی سناریو"},
    "saved": {"en": "Saved scenario {name}.", "fa": "سناریوی {name} ذخیره شد."},
    "not_saved": {
        "en": "Scenario {name} was not saved: {message}. The model stays in this session and "
              "the name and note in the form: save again when the database answers.",
        "fa": "سناریوی {name} ذخیره نشد: {message}. مدل در این نشست و نام و یادداشت در فرم "
              "می‌مانند: وقتی پایگاه داده پاسخ داد دوباره ذخیره کنید."},
    "saved_list": {"en": "Saved scenarios", "fa": "سناریوهای ذخیره‌شده"},
    "none_saved": {"en": "No scenarios saved yet.", "fa": "هنوز سناریویی ذخیره نشده است."},
    "col_note": {"en": "note", "fa": "یادداشت"},
    "col_created": {"en": "created", "fa": "ایجاد"},
    "col_updated": {"en": "updated", "fa": "به‌روزرسانی"},
    "manage": {"en": "Load, rename, duplicate, delete or download",
               "fa": "بارگذاری، تغییر نام، رونوشت، حذف یا دریافت"},
    "scenario": {"en": "Scenario", "fa": "سناریو"},
    "load": {"en": "Load into the app", "fa": "بارگذاری در برنامه"},
    "loaded": {"en": "Loaded scenario {name}.", "fa": "سناریوی {name} بارگذاری شد."},
    "new_name": {"en": "New name", "fa": "نام جدید"},
    "rename": {"en": "Rename", "fa": "تغییر نام"},
    "renamed": {"en": "Renamed to {name}.", "fa": "نام به {name} تغییر کرد."},
    "duplicate": {"en": "Duplicate", "fa": "رونوشت"},
    "duplicated": {"en": "Copied as {name}.", "fa": "رونوشت با نام {name} ساخته شد."},
    "confirm_delete": {"en": "Yes, delete this scenario", "fa": "بله، این سناریو حذف شود"},
    "delete": {"en": "Delete", "fa": "حذف"},
    "deleted": {"en": "Deleted scenario {name}.", "fa": "سناریوی {name} حذف شد."},
    "download": {"en": "Download as a model file (JSON)", "fa": "دریافت به‌صورت پرونده‌ی مدل (JSON)"},
    "import": {"en": "Import a model file as a new scenario",
               "fa": "ورود پرونده‌ی مدل به‌عنوان سناریوی جدید"},
    "import_name": {"en": "Name of the new scenario (empty: the file name)",
                    "fa": "نام سناریوی جدید (خالی: نام پرونده)"},
    "upload": {"en": "Model file (JSON)", "fa": "پرونده‌ی مدل (JSON)"},
    "import_bad": {"en": "{name} is not a valid model; nothing was saved. Problems:",
                   "fa": "{name} مدل معتبری نیست؛ چیزی ذخیره نشد. ایرادها:"},
    "imported_note": {"en": "imported from {name}", "fa": "واردشده از {name}"},
    "compare": {"en": "Compare scenarios", "fa": "مقایسه‌ی سناریوها"},
    "compare_pick": {"en": "Scenarios to compare (two or more)",
                     "fa": "سناریوها برای مقایسه (دو یا بیشتر)"},
    "compare_more": {"en": "Choose at least two scenarios.",
                     "fa": "دست‌کم دو سناریو انتخاب کنید."},
    "col_strategy": {"en": "strategy", "fa": "راهبرد"},
    "col_rank_in": {"en": "rank · {name}", "fa": "رتبه · {name}"},
    "col_priority_in": {"en": "priority · {name}", "fa": "اولویت · {name}"},
    "chart_title": {"en": "Priority of each strategy per scenario",
                    "fa": "اولویت هر راهبرد در هر سناریو"},
    "differences": {"en": "What differs from {first}", "fa": "تفاوت‌ها نسبت به {first}"},
    "no_differences": {"en": "{name}: no differences.", "fa": "{name}: بدون تفاوت."},
    "col_path": {"en": "where", "fa": "محل"},
    "col_items": {"en": "items", "fa": "موارد"},
    "col_kind": {"en": "kind", "fa": "نوع"},
    "col_before": {"en": "before", "fa": "پیش"},
    "col_after": {"en": "after", "fa": "پس"},
    "kind_changed": {"en": "changed", "fa": "تغییر"},
    "kind_added": {"en": "added", "fa": "افزوده"},
    "kind_removed": {"en": "removed", "fa": "حذف"},
    "dl_comparison": {"en": "Download the comparison (CSV)", "fa": "دریافت مقایسه (CSV)"},
}

# Keys made at run time (ui.strings.family): prefix -> the values it is completed with.
FAMILIES: dict[str, tuple[str, ...]] = {
    "kind_": ("changed", "added", "removed"),
}
