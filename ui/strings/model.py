"""Strings of the Model page: factors, strategies and the forms that edit them, in English and
Persian (namespace ``model.`` of :mod:`ui.strings`)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "prov_listed": {"en": "listed", "fa": "فهرست‌شده"},
    "prov_derived": {"en": "derived", "fa": "استنتاجی"},
    "prov_user": {"en": "user", "fa": "کاربر"},
    "prov_note": {
        "en": "Provenance: listed = named in the source text, derived = inferred from it, "
              "user = added by a user. Source: [k]:line = line of the k-th source listed below.",
        "fa": "منشأ: فهرست‌شده = در متن منبع آمده، استنتاجی = از متن برداشت شده، "
              "کاربر = افزوده‌ی کاربر. منبع: [k]:سطر = سطری از منبع k در فهرست زیر.",
    },
    "strategies": {"en": "Strategies", "fa": "راهبردها"},
    "col_provenance": {"en": "provenance", "fa": "منشأ"},
    "col_source": {"en": "source", "fa": "منبع"},
    "col_factors": {"en": "factors", "fa": "عوامل"},
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
}

# Keys made at run time (ui.strings.family): prefix -> the values it is completed with.
FAMILIES: dict[str, tuple[str, ...]] = {
    "prov_": ("listed", "derived", "user"),
}
