"""Strings of the Export / import page and the report buttons, in English and Persian (namespace
``export.`` of :mod:`ui.strings`)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
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

# Keys made at run time (ui.strings.family): prefix -> the values it is completed with.
FAMILIES: dict[str, tuple[str, ...]] = {
    "dl_report_": ("pdf", "html"),
}
