"""The report's words for network models (structure ``"network"``), in English and Persian.

Merged into :data:`swot.report.text.STRINGS`; the titles of link-set and cluster-comparison
matrices read as the app's (``ui/strings/network.py``).
"""

from __future__ import annotations

NETWORK_STRINGS: dict[str, dict[str, str]] = {
    "structure": {"en": "Network structure", "fa": "ساختار شبکه"},
    "structure_used": {"en": "Structure", "fa": "ساختار"},
    "structure_hierarchy": {
        "en": "hierarchy (Yüksel & Dağdeviren: goal, SWOT groups, factors, strategies)",
        "fa": "سلسله‌مراتب (یوکسل و داغ‌دویرن: هدف، گروه‌های SWOT، عوامل، راهبردها)"},
    "structure_network": {
        "en": "network (dependence among the factors, feedback from the strategies)",
        "fa": "شبکه (وابستگی میان عوامل، بازخورد از راهبردها)"},
    "structure_intro": {
        "en": "This model is ranked as a network: besides the hierarchy (goal, SWOT groups, "
              "factors, strategies) it has {d} dependence links among the factors and {f} "
              "feedback links from the strategies to the factors; {i} of these {n} links are "
              "marked illustrative.",
        "fa": "این مدل به صورت شبکه رتبه‌بندی شده است: افزون بر سلسله‌مراتب (هدف، گروه‌های "
              "SWOT، عوامل، راهبردها)، {d} پیوند وابستگی میان عوامل و {f} پیوند بازخورد از "
              "راهبردها به عوامل دارد؛ {i} پیوند از این {n} پیوند نمایشی علامت خورده‌اند.",
    },
    "factors_note_network": {
        "en": "Global weight (network): the share of the weight that passes from the factor to "
              "the strategies after the dependence among factors (see Network structure). "
              "Provenance: listed in the source text, derived from it, or entered by a user; "
              "with the source line where there is one.",
        "fa": "وزن کلی (شبکه): سهمی از وزن که پس از وابستگی میان عوامل از عامل به راهبردها "
              "می‌رسد (بنگرید به ساختار شبکه). منشأ: فهرست‌شده در متن منبع، برگرفته از آن، یا "
              "واردشده به دست کاربر؛ همراه با سطر منبع در صورت وجود.",
    },
    "links": {"en": "Dependence and feedback links", "fa": "پیوندهای وابستگی و بازخورد"},
    "links_note": {
        "en": "A row reads “node depends on factor” (dependence) or “strategy feeds back on "
              "factor” (feedback). Local priority: the factor's priority among the factors of "
              "its group that the node depends on, from the link set's pairwise judgments.",
        "fa": "هر سطر چنین خوانده می‌شود: «گره به عامل وابسته است» (وابستگی) یا «راهبرد بر عامل "
              "بازخورد دارد» (بازخورد). اولویت محلی: اولویت عامل در میان عوامل همان گروه که گره "
              "به آن‌ها وابسته است، از قضاوت‌های زوجی مجموعه‌پیوند.",
    },
    "col_node": {"en": "Node", "fa": "گره"},
    "col_on": {"en": "Depends on / feeds back on", "fa": "وابسته به / بازخورد بر"},
    "col_kind": {"en": "Kind", "fa": "نوع"},
    "col_local_priority": {"en": "Local priority", "fa": "اولویت محلی"},
    "col_why": {"en": "Why — source", "fa": "چرایی — منبع"},
    "col_illustrative": {"en": "Illustrative", "fa": "نمایشی"},
    "kind_dependence": {"en": "dependence", "fa": "وابستگی"},
    "kind_feedback": {"en": "feedback", "fa": "بازخورد"},
    "links_none": {"en": "No dependence or feedback links yet: the network ranks as the "
                         "hierarchy.",
                   "fa": "هنوز پیوند وابستگی یا بازخوردی نیست: شبکه همان رتبه‌بندی "
                         "سلسله‌مراتب را می‌دهد."},
    "no_note": {"en": "(no note)", "fa": "(بدون یادداشت)"},
    "clusters_title": {"en": "Cluster comparisons", "fa": "مقایسهٔ خوشه‌ها"},
    "clusters_note": {
        "en": "Where the nodes of a cluster link to two or more clusters, those clusters are "
              "weighed by a pairwise comparison with respect to it (as in SuperDecisions); "
              "without one they count equally. A cluster that links to one cluster only gives "
              "it all the weight.",
        "fa": "جایی که گره‌های یک خوشه به دو خوشه یا بیشتر پیوند دارند، آن خوشه‌ها با مقایسهٔ "
              "زوجی نسبت به آن وزن می‌گیرند (مانند SuperDecisions)؛ بدون مقایسه هم‌وزن‌اند. "
              "خوشه‌ای که تنها به یک خوشه پیوند دارد همهٔ وزن را به آن می‌دهد.",
    },
    "col_wrt": {"en": "With respect to", "fa": "نسبت به"},
    "col_cluster": {"en": "Cluster", "fa": "خوشه"},
    "col_basis": {"en": "Basis", "fa": "مبنا"},
    "basis_compared": {"en": "pairwise comparison", "fa": "مقایسهٔ زوجی"},
    "basis_equal": {"en": "equal, by default (no comparison given)",
                    "fa": "برابر، به طور پیش‌فرض (مقایسه‌ای داده نشده)"},
    "no_cluster_choice": {
        "en": "No cluster links to more than one cluster: there is nothing to compare.",
        "fa": "هیچ خوشه‌ای به بیش از یک خوشه پیوند ندارد: چیزی برای مقایسه نیست.",
    },
    "cluster_strategies": {"en": "Strategies", "fa": "راهبردها"},
    "cluster_factors": {"en": "{group} factors", "fa": "عوامل {group}"},
    "with_without": {"en": "Ranking with and without the dependence among factors",
                     "fa": "رتبه‌بندی با و بدون وابستگی میان عوامل"},
    "with_without_note": {
        "en": "“Without” is the same model ranked as a hierarchy (Yüksel & Dağdeviren "
              "steps, the links left out).",
        "fa": "«بدون» همین مدل است که به صورت سلسله‌مراتب (گام‌های یوکسل و داغ‌دویرن، بی "
              "پیوندها) رتبه‌بندی شده است.",
    },
    "col_rank_with": {"en": "Rank with", "fa": "رتبه با"},
    "col_priority_with": {"en": "Priority with", "fa": "اولویت با"},
    "col_rank_without": {"en": "Rank without", "fa": "رتبه بدون"},
    "col_priority_without": {"en": "Priority without", "fa": "اولویت بدون"},
    "moved_most": {"en": "Factors whose global weight moved most",
                   "fa": "عواملی که وزن کلی‌شان بیشترین تغییر را داشت"},
    "col_weight_with": {"en": "Weight with", "fa": "وزن با"},
    "col_weight_without": {"en": "Weight without", "fa": "وزن بدون"},
    "col_change": {"en": "Change", "fa": "تغییر"},
    "moved_note": {
        "en": "In the network a factor's global weight is the share of the weight that passes "
              "from it to the strategies, after the dependence. The {k} largest changes of {n} "
              "are shown; the workbook lists every factor's weight.",
        "fa": "در شبکه، وزن کلی هر عامل سهمی از وزن است که پس از وابستگی از آن به راهبردها "
              "می‌رسد. {k} تغییر بزرگ‌تر از {n} نشان داده شده است؛ کاربرگ اکسل وزن همهٔ عوامل "
              "را دارد.",
    },
    "without_failed": {
        "en": "The ranking without the dependence cannot be computed: {message}",
        "fa": "رتبه‌بندی بدون وابستگی محاسبه‌پذیر نیست: {message}",
    },
    "method_network": {
        "en": "The ranking follows the analytic network process (Saaty 1996, 2005) on a "
              "factor-level network with the clusters Goal, SWOT groups (with an "
              "interdependent copy of the groups when their inner dependence is judged), the "
              "factors of S, W, O and T, and the strategies. (1) Unweighted supermatrix W: "
              "each node's column holds the local priorities of the nodes it links to — goal "
              "to groups (w1), groups to groups (inner dependence D), groups to their factors "
              "(local factor weights), each factor to the strategies (S), each factor to the "
              "factors it depends on and each strategy to the factors it feeds back on (the "
              "link sets' pairwise priorities). (2) Weighted supermatrix: each block of a "
              "node's column is multiplied by the weight of its cluster from the cluster "
              "comparison with respect to the node's cluster (equal weights where none is "
              "given), and the column is renormalised to sum 1. (3) Limit supermatrix: the "
              "exact Cesàro limit, lim (1/N) · ∑ W^k for k = 1 … N, computed exactly and not "
              "by raising W to one power, so that cyclic (periodic) and reducible networks "
              "get their average rather than one phase. (4) The ranking is read from the "
              "goal's column of the limit: the strategies' entries, normalised to sum 1 "
              "(Saaty 2005, the synthesised priorities of the alternatives; SuperDecisions' "
              "“Normals”). The goal column is read because the goal starts the process: "
              "without feedback it holds the share of the goal's weight that ends in each "
              "strategy; with feedback, the mix of the stationary vectors reached from the "
              "goal. Feedback is given for every strategy or for none. A factor's global "
              "weight is the share of the weight that passes from it to the strategies; "
              "without links the network ranks exactly as the hierarchy.",
        "fa": "رتبه‌بندی فرایند تحلیل شبکه‌ای (ساعتی ۱۹۹۶، ۲۰۰۵) را بر شبکه‌ای در سطح عوامل "
              "دنبال می‌کند با خوشه‌های هدف، گروه‌های SWOT (و رونوشت وابستهٔ گروه‌ها هنگامی که "
              "وابستگی درونی آن‌ها قضاوت شده باشد)، عوامل S و W و O و T، و راهبردها. "
              "(۱) ابرماتریس ناموزون W: ستون هر گره اولویت‌های محلی گره‌هایی را دارد که به "
              "آن‌ها پیوند دارد — از هدف به گروه‌ها (w1)، از گروه‌ها به گروه‌ها (وابستگی درونی "
              "D)، از گروه‌ها به عوامل خود (وزن محلی عوامل)، از هر عامل به راهبردها (S)، از هر "
              "عامل به عواملی که به آن‌ها وابسته است و از هر راهبرد به عواملی که بر آن‌ها "
              "بازخورد دارد (اولویت‌های زوجی مجموعه‌پیوندها). (۲) ابرماتریس موزون: هر بلوک "
              "ستون یک گره در وزن خوشه‌اش، از مقایسهٔ خوشه‌ها نسبت به خوشهٔ آن گره، ضرب می‌شود "
              "(وزن برابر اگر مقایسه‌ای نباشد) و ستون دوباره به جمع ۱ نرمال می‌شود. "
              "(۳) ابرماتریس حدی: حد دقیق چزارو، "
              "\u2066lim (1/N) · ∑ W^k, k = 1 … N\u2069، "
              "که دقیق محاسبه می‌شود و نه با یک توان W، تا شبکه‌های دوره‌ای و تحویل‌پذیر "
              "میانگین خود را بگیرند نه یک فاز را. (۴) رتبه‌بندی از ستون هدف در ابرماتریس حدی "
              "خوانده می‌شود: درایه‌های راهبردها، نرمال‌شده به جمع ۱ (ساعتی ۲۰۰۵، اولویت‌های "
              "ترکیبی گزینه‌ها؛ «Normals» در SuperDecisions). ستون هدف خوانده می‌شود چون فرایند "
              "از هدف آغاز می‌شود: بدون بازخورد سهمی از وزن هدف را دارد که به هر راهبرد می‌رسد؛ "
              "با بازخورد، آمیزه‌ای از بردارهای ایستایی که از هدف به آن‌ها می‌رسیم. بازخورد برای "
              "همهٔ راهبردها داده می‌شود یا برای هیچ‌کدام. وزن کلی هر عامل سهمی از وزن است که "
              "از آن به راهبردها می‌رسد؛ بدون پیوند، شبکه دقیقاً همان رتبه‌بندی سلسله‌مراتب را "
              "می‌دهد.",
    },
    "hierarchy_ignores": {
        "en": "The model has {n} dependence or feedback links; this hierarchy does not use them "
              "(rank it with the network structure to include them).",
        "fa": "مدل {n} پیوند وابستگی یا بازخورد دارد؛ این سلسله‌مراتب از آن‌ها استفاده نمی‌کند "
              "(برای به حساب آوردنشان آن را با ساختار شبکه رتبه‌بندی کنید).",
    },
    "method_network_direct": {
        "en": "This model uses direct weights for the groups and factors (normalised, no inner "
              "dependence) in place of the goal-to-groups and groups-to-factors judgments.",
        "fa": "این مدل به جای قضاوت‌های هدف به گروه‌ها و گروه‌ها به عوامل، وزن مستقیم گروه‌ها و "
              "عوامل را به کار می‌برد (نرمال‌شده، بدون وابستگی درونی).",
    },
    "matrix_link": {"en": "{node}: {group} factors it depends on",
                    "fa": "{node}: عوامل {group} که به آن‌ها وابسته است"},
    "matrix_feedback": {"en": "{node}: {group} factors it feeds back on",
                        "fa": "{node}: عوامل {group} که بر آن‌ها بازخورد دارد"},
    "matrix_clusters": {"en": "Clusters compared with respect to {cluster}",
                        "fa": "خوشه‌ها نسبت به {cluster}"},
}

NETWORK_REFERENCE = (
    "Saaty, T. L. (2005). Theory and Applications of the Analytic Network Process: Decision "
    "Making with Benefits, Opportunities, Costs, and Risks. RWS Publications."
)
