"""Strings of the Workshop pages: facilitator, participant, projector, in English and Persian
(namespace ``workshop.`` of :mod:`ui.strings`)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "open_new": {"en": "Open a workshop on the current model",
                 "fa": "گشودن کارگاه روی مدل فعلی"},
    "ws_title": {"en": "Title", "fa": "عنوان"},
    "open": {"en": "Open workshop", "fa": "گشودن کارگاه"},
    "opened": {"en": "Workshop {code} is open.", "fa": "کارگاه {code} گشوده شد."},
    "base_url_bad": {"en": "That is not a web address (http:// or https:// and a host); the links "
                           "below use {url}.",
                     "fa": "این نشانی وب نیست (http:// یا https:// با نام میزبان)؛ پیوندهای زیر "
                           "از {url} استفاده می‌کنند."},
    "base_url": {"en": "Address of this app (for the link)",
                 "fa": "نشانی این برنامه (برای پیوند)"},
    "workshops": {"en": "Workshops", "fa": "کارگاه‌ها"},
    "pick_workshop": {"en": "Workshop", "fa": "کارگاه"},
    "code_is": {"en": "Code: **{code}** — participants open this link:",
                "fa": "کد: **{code}** — شرکت‌کنندگان این پیوند را باز کنند:"},
    "is_closed": {"en": "This workshop is closed to new judgments.",
                  "fa": "این کارگاه برای قضاوت‌های تازه بسته است."},
    "close": {"en": "Close the workshop", "fa": "بستن کارگاه"},
    "reopen": {"en": "Reopen the workshop", "fa": "گشودن دوباره‌ی کارگاه"},
    "participants": {"en": "Participants", "fa": "شرکت‌کنندگان"},
    "nobody": {"en": "Nobody has joined yet.", "fa": "هنوز کسی نپیوسته است."},
    "col_status": {"en": "status", "fa": "وضعیت"},
    "col_revisions": {"en": "revisions", "fa": "بازنگری‌ها"},
    "col_last": {"en": "last submitted", "fa": "آخرین ارسال"},
    "col_max_cr": {"en": "largest CR", "fa": "بیشترین نرخ ناسازگاری"},
    "col_excluded": {"en": "left out", "fa": "کنار گذاشته"},
    "status_joined": {"en": "joined", "fa": "پیوسته"},
    "status_submitted": {"en": "submitted", "fa": "ارسال‌شده"},
    "status_stale": {"en": "on an older model", "fa": "روی مدل قدیمی‌تر"},
    "exclude": {"en": "Leave {name} out of the group results",
                "fa": "{name} از نتایج گروه کنار گذاشته شود"},
    "results": {"en": "Group results", "fa": "نتایج گروه"},
    "no_results": {"en": "Group results appear once someone has submitted judgments.",
                   "fa": "نتایج گروه پس از ارسال نخستین قضاوت‌ها نمایش داده می‌شود."},
    "everyone_out": {"en": "Every participant who submitted is left out.",
                     "fa": "همه‌ی ارسال‌کنندگان کنار گذاشته شده‌اند."},
    "cannot_group": {"en": "Group results cannot be computed: {message}",
                     "fa": "نتایج گروه قابل محاسبه نیست: {message}"},
    "with_everyone": {"en": "everyone", "fa": "همه"},
    "without_left_out": {"en": "without those left out", "fa": "بدون کنارگذاشتگان"},
    "group_ranking": {"en": "Group ranking", "fa": "رتبه‌بندی گروه"},
    "ws_chart_title": {"en": "Group priority of each strategy",
                       "fa": "اولویت گروهی هر راهبرد"},
    "col_item_i": {"en": "item", "fa": "مورد"},
    "col_item_j": {"en": "compared with", "fa": "در مقایسه با"},
    "group_judgments": {"en": "Group judgments (weighted geometric mean, AIJ) and each person's",
                        "fa": "قضاوت‌های گروه (میانگین هندسی وزنی، AIJ) و قضاوت هر نفر"},
    "consensus": {"en": "Consensus per matrix (0 = none, 1 = full)",
                  "fa": "اجماع در هر ماتریس (۰ = هیچ، ۱ = کامل)"},
    "col_consensus": {"en": "consensus", "fa": "اجماع"},
    "disagreements": {"en": "Where people disagree most", "fa": "بیشترین اختلاف نظر"},
    "col_dispersion": {"en": "spread", "fa": "پراکندگی"},
    "col_lowest": {"en": "lowest", "fa": "کمترین"},
    "col_highest": {"en": "highest", "fa": "بیشترین"},
    "downloads": {"en": "Downloads (CSV)", "fa": "دریافت‌ها (CSV)"},
    "dl_group_ranking": {"en": "Group ranking", "fa": "رتبه‌بندی گروه"},
    "dl_group_judgments": {"en": "Group and individual judgments side by side",
                           "fa": "قضاوت‌های گروه و افراد کنار هم"},
    "dl_consensus": {"en": "Consensus per matrix", "fa": "اجماع در هر ماتریس"},
    "dl_disagreements": {"en": "Disagreements", "fa": "اختلاف‌ها"},
    "join_title": {"en": "Workshop {code}: {title}", "fa": "کارگاه {code}: {title}"},
    "your_name": {"en": "Your name", "fa": "نام شما"},
    "join": {"en": "Join", "fa": "پیوستن"},
    "name_empty": {"en": "Type your name to join.", "fa": "برای پیوستن نام خود را بنویسید."},
    "name_taken": {"en": "The name {name} is already taken in this workshop; pick another name "
                         "(to go on with your own judgments, reopen your private link).",
                   "fa": "کسی در این کارگاه نام {name} را به کار می‌برد؛ نام دیگری برگزینید (برای "
                         "ادامه‌ی قضاوت‌های خودتان، پیوند خصوصی‌تان را دوباره باز کنید)."},
    "not_saved": {"en": "Your last change was not saved: {message}",
                  "fa": "آخرین تغییر شما ذخیره نشد: {message}"},
    "kept_unsaved": {
        "en": "Your judgments are kept in this browser tab but are not saved yet; they are "
              "saved as soon as the database answers again (keep this tab open).",
        "fa": "قضاوت‌های شما در همین برگه مرورگر نگه داشته شده‌اند اما هنوز ذخیره نشده‌اند؛ "
              "به محض پاسخ دادن دوباره پایگاه داده ذخیره می‌شوند (این برگه را باز نگه دارید)."},
    "saved_after_outage": {
        "en": "The database answers again: your judgments kept in this tab are saved now.",
        "fa": "پایگاه داده دوباره پاسخ می‌دهد: قضاوت‌هایی که در این برگه نگه داشته شده بود "
              "اکنون ذخیره شد."},
    "model_changed": {
        "en": "The facilitator changed the workshop's model; your judgments start afresh on it.",
        "fa": "تسهیل‌گر مدل کارگاه را تغییر داده است؛ قضاوت‌های شما روی مدل تازه از نو آغاز می‌شود.",
    },
    "your_cr": {"en": "Your consistency per matrix", "fa": "سازگاری شما در هر ماتریس"},
    "matrix": {"en": "Judgments to give", "fa": "قضاوت‌های مورد نظر"},
    "prefill": {"en": "Participants start from the model's judgments (still marked not judged "
                      "until each person confirms them)",
                "fa": "شرکت‌کنندگان از قضاوت‌های مدل آغاز کنند (تا تأیید هر نفر، «قضاوت‌نشده» "
                      "می‌ماند)"},
    "anonymous": {"en": "Anonymous: show participants as Participant 1..n on screen and in files",
                  "fa": "ناشناس: نمایش شرکت‌کنندگان به‌صورت «شرکت‌کننده ۱..n» روی صفحه و در "
                        "پرونده‌ها"},
    "cap": {"en": "Most participants who may join (0: no limit)",
            "fa": "بیشترین شمار شرکت‌کنندگان (۰: بدون محدودیت)"},
    "participant_n": {"en": "Participant {n}", "fa": "شرکت‌کننده {n}"},
    "join_link": {"en": "Shared join link (each person who opens it gets a private link):",
                  "fa": "پیوند مشترک پیوستن (هر کس آن را باز کند پیوند خصوصی خود را می‌گیرد):"},
    "facilitator_link": {
        "en": "Your facilitator link (secret: it opens this view and the results; keep it):",
        "fa": "پیوند تسهیل‌گر شما (محرمانه: این نما و نتایج را باز می‌کند؛ نگهش دارید):"},
    "projector_link": {"en": "Projector view (for the room's screen; refreshes by itself):",
                       "fa": "نمای پروژکتور (برای صفحه‌ی سالن؛ خودبه‌خود تازه می‌شود):"},
    "unlock": {"en": "Open a workshop with its facilitator link",
               "fa": "گشودن کارگاه با پیوند تسهیل‌گر آن"},
    "unlock_button": {"en": "Open", "fa": "گشودن"},
    "none_known": {"en": "No workshop opened in this session yet. Open one, or paste its "
                         "facilitator link below.",
                   "fa": "هنوز کارگاهی در این نشست گشوده نشده است. یکی بگشایید یا پیوند "
                         "تسهیل‌گر آن را در زیر بچسبانید."},
    "invalid_link": {"en": "This link is not valid, or the workshop is not open. Ask the "
                           "facilitator for your link.",
                     "fa": "این پیوند معتبر نیست یا کارگاه باز نیست. پیوند خود را از تسهیل‌گر "
                           "بخواهید."},
    "participant_only": {"en": "This server only serves workshop links. Open the link the "
                               "facilitator gave you.",
                         "fa": "این کارگزار فقط پیوندهای کارگاه را می‌پذیرد. پیوندی را که "
                               "تسهیل‌گر داده است باز کنید."},
    "your_link": {"en": "Your private link: bookmark it to come back to your judgments from "
                        "any browser (do not share it):",
                  "fa": "پیوند خصوصی شما: برای بازگشت به قضاوت‌هایتان از هر مرورگری آن را نگه "
                        "دارید (آن را با کسی در میان نگذارید):"},
    "hello_plain": {"en": "You take part as {name}. Every change is saved at once.",
                    "fa": "شما با نام {name} شرکت می‌کنید. هر تغییر بی‌درنگ ذخیره می‌شود."},
    "round_is": {"en": "Round {n}", "fa": "دور {n}"},
    "judged_count": {"en": "You have judged {done} of {total} matrices.",
                     "fa": "شما {done} ماتریس از {total} ماتریس را قضاوت کرده‌اید."},
    "status_judged": {"en": "judged", "fa": "قضاوت‌شده"},
    "status_incomplete": {"en": "incomplete (blanks leave an item unconnected)",
                          "fa": "ناتمام (جاهای خالی یک مورد را جدا می‌گذارد)"},
    "status_not_yet": {"en": "not yet judged", "fa": "هنوز قضاوت‌نشده"},
    "this_not_judged": {"en": "You have not judged this matrix yet; it does not count until you "
                              "change a judgment or confirm it.",
                        "fa": "هنوز این ماتریس را قضاوت نکرده‌اید؛ تا یک قضاوت را تغییر ندهید یا "
                              "آن را تأیید نکنید به حساب نمی‌آید."},
    "this_incomplete": {"en": "It counts once every item is compared, directly or through "
                              "others: give the missing judgments, or fill the blanks as equal.",
                        "fa": "وقتی به حساب می‌آید که همه‌ی موارد، مستقیم یا از راه موارد دیگر، "
                              "مقایسه شده باشند: قضاوت‌های خالی را بدهید یا جاهای خالی را برابر "
                              "پر کنید."},
    "confirm": {"en": "Confirm this matrix as my judgment",
                "fa": "تأیید این ماتریس به‌عنوان قضاوت من"},
    "rationale": {"en": "Why (optional, one line; saved with your next change)",
                  "fa": "چرا (اختیاری، یک خط؛ با تغییر بعدی شما ذخیره می‌شود)"},
    "feedback": {"en": "Where you stand against the group (round {n})",
                 "fa": "جایگاه شما نسبت به گروه (دور {n})"},
    "col_mine": {"en": "mine", "fa": "من"},
    "col_group_gm": {"en": "group (geometric mean)", "fa": "گروه (میانگین هندسی)"},
    "col_factor": {"en": "mine ÷ group", "fa": "من ÷ گروه"},
    "no_feedback": {"en": "No group figures for this matrix in the last round.",
                    "fa": "برای این ماتریس در دور پیش رقم گروهی نیست."},
    "suggest": {"en": "The one change that would most raise the group's consensus: {pair} in "
                      "“{matrix}” from {current} to {suggested} (S* {before:.3f} → {after:.3f}). "
                      "You may keep your judgment.",
                "fa": "تغییری که بیشترین افزایش اجماع گروه را می‌دهد: {pair} در «{matrix}» از "
                      "{current} به {suggested} (S* {before:.3f} ← {after:.3f}). می‌توانید قضاوت "
                      "خود را نگه دارید."},
    "no_suggest": {"en": "No single change of yours would raise the group's consensus.",
                   "fa": "هیچ تغییر تکی از سوی شما اجماع گروه را بالا نمی‌برد."},
    "col_subgroup": {"en": "subgroup", "fa": "زیرگروه"},
    "col_judged": {"en": "matrices judged", "fa": "ماتریس‌های قضاوت‌شده"},
    "col_judges": {"en": "judged by", "fa": "قضاوت‌کنندگان"},
    "col_band": {"en": "reads as", "fa": "خوانش"},
    "col_opposed": {"en": "opposed", "fa": "متضاد"},
    "band_very_high": {"en": "very high", "fa": "بسیار بالا"},
    "band_high": {"en": "high", "fa": "بالا"},
    "band_moderate": {"en": "moderate", "fa": "متوسط"},
    "band_low": {"en": "low", "fa": "پایین"},
    "band_very_low": {"en": "very low", "fa": "بسیار پایین"},
    "band_n_a": {"en": "fewer than two judges", "fa": "کمتر از دو قضاوت‌کننده"},
    "consensus_note": {
        "en": "Consensus is Goepel's AHP consensus indicator S* (0 none … 1 full; Goepel 2013, "
              "AHP-OS correction for the 1–9 scale), read on his scale: below 0.5 very low, "
              "0.5–0.625 low, 0.625–0.75 moderate, 0.75–0.875 high, above 0.875 very high. It "
              "can read high while one pair is opposed: see the spread per comparison below "
              "(geometric standard deviation: 1 = agreement, 9 = one says 9, another 1/9).",
        "fa": "اجماع همان شاخص اجماع AHP گوپل S* است (۰ هیچ … ۱ کامل؛ گوپل ۲۰۱۳، با تصحیح "
              "AHP-OS برای مقیاس ۱ تا ۹) و با مقیاس او خوانده می‌شود: زیر ۰٫۵ بسیار پایین، "
              "۰٫۵ تا ۰٫۶۲۵ پایین، ۰٫۶۲۵ تا ۰٫۷۵ متوسط، ۰٫۷۵ تا ۰٫۸۷۵ بالا، بالای ۰٫۸۷۵ بسیار "
              "بالا. ممکن است با وجود یک جفت متضاد بالا بخواند: پراکندگی هر مقایسه را در زیر "
              "ببینید (انحراف معیار هندسی: ۱ = توافق، ۹ = یکی ۹ و دیگری ۱/۹)."},
    "unjudged_warning": {
        "en": "{n} matrices nobody has judged yet keep the model's own judgments in the group "
              "ranking.",
        "fa": "{n} ماتریس که هنوز کسی قضاوت نکرده است در رتبه‌بندی گروه با قضاوت‌های خود مدل "
              "می‌آیند."},
    "unjudged_list": {"en": "Matrices nobody has judged yet",
                      "fa": "ماتریس‌هایی که هنوز کسی قضاوت نکرده است"},
    "status_grid": {"en": "Who has judged what (✓ judged, ◐ incomplete, ○ not yet; CR)",
                    "fa": "چه کسی چه چیزی را قضاوت کرده است (✓ قضاوت‌شده، ◐ ناتمام، ○ هنوز؛ CR)"},
    "subgroups_title": {"en": "Subgroups and weights", "fa": "زیرگروه‌ها و وزن‌ها"},
    "overall": {"en": "overall", "fa": "کل"},
    "by_subgroup": {"en": "Group ranking overall and per subgroup",
                    "fa": "رتبه‌بندی گروه در کل و در هر زیرگروه"},
    "rounds_title": {"en": "Delphi rounds", "fa": "دورهای دلفی"},
    "next_round": {"en": "Close round {n} and open round {m}",
                   "fa": "بستن دور {n} و گشودن دور {m}"},
    "next_round_confirm": {"en": "Yes, close this round", "fa": "بله، این دور بسته شود"},
    "round_opened": {"en": "Round {n} is open; everyone starts from their last judgments.",
                     "fa": "دور {n} گشوده شد؛ هر کس از آخرین قضاوت‌های خود آغاز می‌کند."},
    "col_round": {"en": "round", "fa": "دور"},
    "col_submitted": {"en": "participants who submitted", "fa": "شرکت‌کنندگانِ ارسال‌کرده"},
    "col_mean_consensus": {"en": "mean consensus", "fa": "میانگین اجماع"},
    "col_lowest_consensus": {"en": "lowest consensus", "fa": "کمترین اجماع"},
    "rounds_chart": {"en": "Does the panel converge? Consensus and priorities per round",
                     "fa": "آیا گروه همگرا می‌شود؟ اجماع و اولویت‌ها در هر دور"},
    "audit_title": {"en": "Audit trail (every judgment change)",
                    "fa": "ردپای تغییرات (هر تغییر قضاوت)"},
    "show_audit": {"en": "Show the audit trail and offer its download",
                   "fa": "نمایش ردپای تغییرات و امکان دریافت آن"},
    "col_when": {"en": "when", "fa": "زمان"},
    "col_old": {"en": "old", "fa": "پیشین"},
    "col_new": {"en": "new", "fa": "تازه"},
    "col_rationale": {"en": "why", "fa": "چرا"},
    "dl_audit": {"en": "Audit trail", "fa": "ردپای تغییرات"},
    "dl_status": {"en": "Who judged what", "fa": "چه کسی چه چیزی را قضاوت کرد"},
    "projector_title": {"en": "Workshop {code}", "fa": "کارگاه {code}"},
    "joined_judged": {"en": "Joined and judged", "fa": "پیوسته و قضاوت‌کرده"},
    "joined": {"en": "joined", "fa": "پیوسته"},
    "judged_some": {"en": "judged something", "fa": "دست‌کم یک قضاوت"},
    "judged_all": {"en": "judged everything", "fa": "همه را قضاوت کرده"},
    "consensus_chart": {"en": "Consensus per matrix (S*)", "fa": "اجماع در هر ماتریس (S*)"},
    "disputed_chart": {"en": "Most disputed comparisons: each person's judgment (log scale)",
                       "fa": "مقایسه‌های پرمناقشه: قضاوت هر نفر (مقیاس لگاریتمی)"},
    "qr_caption": {"en": "Scan to join", "fa": "برای پیوستن اسکن کنید"},
    "no_consensus_yet": {
        "en": "Consensus and the disputed comparisons show once two people have judged the same "
              "matrix.",
        "fa": "اجماع و مقایسه‌های پرمناقشه وقتی نمایش داده می‌شوند که دست‌کم دو نفر یک ماتریس را "
              "قضاوت کرده باشند."},
    "full": {"en": "This workshop is full; ask the facilitator.",
             "fa": "ظرفیت این کارگاه پر است؛ از تسهیل‌گر بپرسید."},
}

# Keys made at run time (ui.strings.family): prefix -> the values it is completed with.
FAMILIES: dict[str, tuple[str, ...]] = {
    "status_": ("joined", "submitted", "stale", "judged", "incomplete", "not yet"),
    "band_": ("very high", "high", "moderate", "low", "very low", "n/a"),
    "dl_": ("group_ranking", "group_judgments", "consensus", "disagreements", "status", "audit"),
}
