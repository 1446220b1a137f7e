"""Strings of the factor-level network: the Network page, its results, link-set and cluster
matrices, in English and Persian (namespace ``network.`` of :mod:`ui.strings`)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "load_example": {"en": "Load the Tehran network example (illustrative dependence links)",
                     "fa": "بارگذاری نمونه‌ی شبکه‌ی تهران (پیوندهای وابستگی نمایشی)"},
    "structure": {"en": "Structure", "fa": "ساختار"},
    "structure_hierarchy": {
        "en": "Hierarchy (Yüksel & Dağdeviren: goal → groups → factors → strategies)",
        "fa": "سلسله‌مراتب (یوکسل و داغدویرن: هدف ← گروه‌ها ← عامل‌ها ← راهبردها)"},
    "structure_network": {
        "en": "Network (dependence among factors, feedback from strategies)",
        "fa": "شبکه (وابستگی میان عامل‌ها، بازخورد از راهبردها)"},
    "hierarchy_ignores": {
        "en": "The model has {n} dependence or feedback links; the hierarchy does not use "
              "them. Choose the network structure to rank with them.",
        "fa": "مدل {n} پیوند وابستگی یا بازخورد دارد؛ سلسله‌مراتب از آن‌ها استفاده نمی‌کند. "
              "برای رتبه‌بندی با آن‌ها ساختار شبکه را برگزینید."},
    "grid_title": {"en": "Influence grid: factors", "fa": "جدول اثر: عامل‌ها"},
    "grid_help": {
        "en": "Tick a cell when the row's factor depends on (is influenced by) the column's "
              "factor. Each new link opens its judgments below.",
        "fa": "خانه‌ای را علامت بزنید که عامل سطر به عامل ستون وابسته است (از آن اثر "
              "می‌پذیرد). هر پیوند تازه داوری‌هایش را در پایین باز می‌کند."},
    "feedback_title": {"en": "Feedback grid: strategies", "fa": "جدول بازخورد: راهبردها"},
    "feedback_help": {
        "en": "Tick a cell when the row's strategy feeds back on the column's factor. Give "
              "feedback for every strategy or for none.",
        "fa": "خانه‌ای را علامت بزنید که راهبرد سطر بر عامل ستون بازخورد دارد. بازخورد را "
              "برای همه‌ی راهبردها بدهید یا برای هیچ‌کدام."},
    "self_link": {"en": "A factor cannot depend on itself ({id}); that tick was ignored.",
                  "fa": "عامل نمی‌تواند به خودش وابسته باشد ({id})؛ آن علامت نادیده گرفته شد."},
    "add_link": {"en": "Add or remove one link", "fa": "افزودن یا حذف یک پیوند"},
    "link_from": {"en": "Node (factor or strategy)", "fa": "گره (عامل یا راهبرد)"},
    "link_to": {"en": "depends on / feeds back on factor", "fa": "وابسته به / بازخورد بر عامل"},
    "link_add": {"en": "Add link", "fa": "افزودن پیوند"},
    "link_remove": {"en": "Remove link", "fa": "حذف پیوند"},
    "link_added": {"en": "Link added: {a} depends on {b}.",
                   "fa": "پیوند افزوده شد: {a} به {b} وابسته است."},
    "link_removed": {"en": "Link removed: {a} — {b}.", "fa": "پیوند حذف شد: {a} — {b}."},
    "link_failed": {"en": "Not done: {message}", "fa": "انجام نشد: {message}"},
    "links_none": {"en": "No dependence or feedback links yet.",
                   "fa": "هنوز پیوند وابستگی یا بازخوردی نیست."},
    "judge_link": {"en": "Judgments of a link set or cluster comparison",
                   "fa": "داوری‌های یک مجموعه‌پیوند یا مقایسه‌ی خوشه‌ها"},
    "note_of": {"en": "Why {b} → {a}: {text}", "fa": "چرا {b} ← {a}: {text}"},
    "source_line": {"en": "(source: {file}, line {line})", "fa": "(منبع: {file}، سطر {line})"},
    "clusters_title": {"en": "Cluster comparisons", "fa": "مقایسه‌ی خوشه‌ها"},
    "clusters_equal": {
        "en": "{cluster} link to {targets}: no comparison, so equal weights are used.",
        "fa": "{cluster} به {targets} پیوند دارد: مقایسه‌ای نیست، پس وزن‌های برابر به کار "
              "می‌رود."},
    "clusters_given": {"en": "{cluster} link to {targets}: compared (weights {weights}).",
                       "fa": "{cluster} به {targets} پیوند دارد: مقایسه شده (وزن‌ها {weights})."},
    "clusters_add": {"en": "Compare the clusters {cluster} link to",
                     "fa": "مقایسه‌ی خوشه‌هایی که {cluster} به آن‌ها پیوند دارد"},
    "clusters_remove": {"en": "Back to equal weights for {cluster}",
                        "fa": "بازگشت به وزن‌های برابر برای {cluster}"},
    "cluster_strategies": {"en": "Strategies", "fa": "راهبردها"},
    "cluster_factors": {"en": "{group} factors", "fa": "عامل‌های {group}"},
    "diagram_title": {"en": "Network diagram", "fa": "نمودار شبکه"},
    "diagram_note": {
        "en": "Arrows run from the influencing factor to the factor that depends on it; purple "
              "arrows are feedback from strategies. Every factor also links to the strategies, "
              "and the goal to the groups and their factors (not drawn).",
        "fa": "پیکان‌ها از عامل اثرگذار به عامل وابسته‌اند؛ پیکان‌های بنفش بازخورد راهبردها "
              "هستند. هر عامل به راهبردها نیز پیوند دارد و هدف به گروه‌ها و عامل‌هایشان "
              "(رسم نشده)."},
    "legend_dependence": {"en": "dependence", "fa": "وابستگی"},
    "legend_feedback": {"en": "feedback", "fa": "بازخورد"},
    "matrix_link": {"en": "{node}: {group} factors it depends on",
                    "fa": "{node}: عامل‌های {group} که به آن‌ها وابسته است"},
    "matrix_feedback": {"en": "{node}: {group} factors it feeds back on",
                        "fa": "{node}: عامل‌های {group} که بر آن‌ها بازخورد دارد"},
    "matrix_clusters": {"en": "Clusters compared with respect to {cluster}",
                        "fa": "خوشه‌ها نسبت به {cluster}"},
    "sweep_from": {"en": "With respect to cluster", "fa": "نسبت به خوشه‌ی"},
    "sweep_to": {"en": "Weight of cluster", "fa": "وزن خوشه‌ی"},
    "sweep_name": {"en": "{target} w.r.t. {source}", "fa": "{target} نسبت به {source}"},
    "used_structure": {"en": "Ranked with the structure: {name}.",
                       "fa": "رتبه‌بندی با ساختار: {name}."},
    "with_without": {"en": "Ranking with and without the dependence among factors",
                     "fa": "رتبه‌بندی با و بدون وابستگی میان عامل‌ها"},
    "with": {"en": "with dependence", "fa": "با وابستگی"},
    "without": {"en": "without (hierarchy)", "fa": "بدون (سلسله‌مراتب)"},
    "col_rank_with": {"en": "rank with", "fa": "رتبه با"},
    "col_rank_without": {"en": "rank without", "fa": "رتبه بدون"},
    "col_priority_with": {"en": "priority with", "fa": "اولویت با"},
    "col_priority_without": {"en": "priority without", "fa": "اولویت بدون"},
    "moved_most": {"en": "Factors whose global weight moved most",
                   "fa": "عامل‌هایی که وزن کلی‌شان بیشترین تغییر را داشت"},
    "col_weight_with": {"en": "weight with", "fa": "وزن با"},
    "col_weight_without": {"en": "weight without", "fa": "وزن بدون"},
    "col_change": {"en": "change", "fa": "تغییر"},
    "without_failed": {"en": "The ranking without the dependence cannot be computed: {message}",
                       "fa": "رتبه‌بندی بدون وابستگی محاسبه‌پذیر نیست: {message}"},
    "network_weights_note": {
        "en": "In the network the global factor weights are the shares of the weight that "
              "pass from each factor to the strategies (after the dependence); the heat maps "
              "below show the dependence links inside the factor clusters.",
        "fa": "در شبکه، وزن کلی هر عامل سهمی از وزن است که از آن عامل (پس از وابستگی) به "
              "راهبردها می‌رسد؛ نقشه‌های حرارتی زیر پیوندهای وابستگی درون خوشه‌های عامل‌ها را "
              "نشان می‌دهند."},
}

# Keys made at run time (ui.strings.family): prefix -> the values it is completed with.
FAMILIES: dict[str, tuple[str, ...]] = {
    "structure_": ("hierarchy", "network"),
}
