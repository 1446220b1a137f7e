"""Model file version 2: validation and (de)serialisation of the factor-level network.

Fields (docs/model-format.md): ``structure`` (``"hierarchy"`` or ``"network"``),
``judgments.links.<node id>.<cluster>`` = ``{"nodes": [factor ids], "matrix": k x k}`` (what a
factor depends on, or what a strategy feeds back on, in one SWOT group) and
``judgments.clusters.<cluster>`` = ``{"clusters": [...], "matrix": k x k}`` (the clusters a
cluster's nodes link to, compared with respect to it). The structure of these fields is in the
version-2 JSON Schema (:mod:`swot.io_schema`); the checks here are the semantic ones (ids,
clusters, sizes), each problem reported with its JSON path through the checker of
:mod:`swot.io`.
"""

from __future__ import annotations

from typing import Any, Protocol

from swot.io_schema import show as _show
from swot.model import (
    CLUSTER_KEYS,
    GROUPS,
    STRATEGY_CLUSTER,
    ClusterComparison,
    LinkNote,
    LinkSet,
    SourceRef,
    SwotModel,
)


class Checker(Protocol):
    """The part of :class:`swot.io._Checker` used here."""

    def add(self, path: str, message: str) -> None: ...

    def matrix(self, value: object, path: str, items: list[str]) -> None: ...


def _object(value: object) -> dict[str, Any] | None:
    """``value`` if it is an object, else None (its fields are the schema's concern)."""
    return value if isinstance(value, dict) else None


def check_network(check: Checker, judgments: dict[str, Any],
                  group_ids: dict[str, list[str]] | None,
                  strategy_ids: list[str] | None) -> None:
    """Check ``judgments.links`` and ``judgments.clusters`` against the factors and strategies
    (ids unknown when ``group_ids`` or ``strategy_ids`` is None: those checks are skipped)."""
    linked = _check_links(check, judgments.get("links", {}), group_ids, strategy_ids)
    if "clusters" in judgments:
        _check_clusters(check, judgments["clusters"], linked)


def _check_links(check: Checker, links: object, group_ids: dict[str, list[str]] | None,
                 strategy_ids: list[str] | None) -> dict[str, set[str]] | None:
    """Check the link sets; return the clusters each source cluster links to (None if the ids
    are not known)."""
    base = "judgments.links"
    if not isinstance(links, dict):
        return None
    known = group_ids is not None and strategy_ids is not None
    group_of = {fid: g for g, fids in (group_ids or {}).items() for fid in fids}
    linked: dict[str, set[str]] = {c: set() for c in CLUSTER_KEYS}
    for g in GROUPS:
        linked[g].add(STRATEGY_CLUSTER)
    for src, sets in links.items():
        path = f"{base}.{src}"
        if known and src not in group_of and src not in (strategy_ids or []):
            check.add(path, f"unknown node id {_show(src)} (not a factor or a strategy)")
            continue
        if not isinstance(sets, dict):
            continue
        if not sets:
            check.add(path, "no link sets (leave the node out instead)")
        source_cluster = group_of.get(src, STRATEGY_CLUSTER)
        for cluster, entry in sets.items():
            cpath = f"{path}.{cluster}"
            if cluster not in GROUPS:
                check.add(cpath, f"{_show(cluster)} is not a factor cluster (S, W, O or T)")
                continue
            linked[source_cluster].add(cluster)
            _check_link_set(check, entry, cpath, src, cluster,
                            group_of if known else None)
    return linked if known else None


def _check_link_set(check: Checker, entry: object, path: str, src: str, cluster: str,
                    group_of: dict[str, str] | None) -> None:
    obj = _object(entry)
    if obj is None or "nodes" not in obj:
        return
    nodes = obj["nodes"]
    npath = f"{path}.nodes"
    if not isinstance(nodes, list) or not all(isinstance(n, str) for n in nodes):
        return
    if not nodes:
        check.add(npath, "a link set needs at least one node (remove the link set instead)")
        return
    good = True
    for k, node in enumerate(nodes):
        where = f"{npath}[{k}]"
        if node == src:
            check.add(where, f"{_show(node)} cannot link to itself")
        elif nodes.index(node) != k:
            check.add(where, f"{_show(node)} is listed twice")
        elif group_of is not None and node not in group_of:
            check.add(where, f"unknown factor id {_show(node)}")
        elif group_of is not None and group_of[node] != cluster:
            check.add(where, f"{_show(node)} is a factor of group {group_of[node]}, not "
                      f"{cluster}")
        else:
            continue
        good = False
    if good and "matrix" in obj:
        check.matrix(obj["matrix"], f"{path}.matrix", nodes)
    if "notes" in obj:
        _check_notes(check, obj["notes"], f"{path}.notes", nodes)


def listed_names(check: Checker, entry: object, path: str, key: str,
                 allowed: tuple[str, ...] | list[str], noun: str, *,
                 report_unknown: bool) -> tuple[dict[str, Any], list[str]] | None:
    """The object ``entry`` and its list ``entry[key]`` when that names only ``allowed``
    items, each once; else None, a repeated name reported at ``path.key``. Unknown names are
    reported too when ``report_unknown`` (otherwise the schema's enum reports them); a missing
    key or a value that is not a list of strings is the schema's to report. Shared by the
    cluster comparisons here and the group dependence of :mod:`swot.io`."""
    obj = _object(entry)
    if obj is None or key not in obj:
        return None
    names = obj[key]
    where = f"{path}.{key}"
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        return None
    bad = [n for n in names if n not in allowed]
    if bad:
        if report_unknown:
            check.add(where, f"{', '.join(_show(n) for n in bad)}: not a {noun} "
                      f"({', '.join(allowed)})")
        return None
    if len(set(names)) != len(names):
        check.add(where, f"a {noun} is listed twice")
        return None
    return obj, names


def _check_notes(check: Checker, notes: object, path: str, nodes: list[str]) -> None:
    if not isinstance(notes, dict):
        return
    for node in notes:
        if node not in nodes:
            check.add(f"{path}.{node}", f"{_show(node)} is not a node of this link set")


def _check_clusters(check: Checker, clusters: object,
                    linked: dict[str, set[str]] | None) -> None:
    base = "judgments.clusters"
    if not isinstance(clusters, dict):
        return
    for source, entry in clusters.items():
        path = f"{base}.{source}"
        if source not in CLUSTER_KEYS:
            check.add(path, f"{_show(source)} is not a cluster ({', '.join(CLUSTER_KEYS)})")
            continue
        listed = listed_names(check, entry, path, "clusters", CLUSTER_KEYS, "cluster",
                              report_unknown=True)
        if listed is None:
            continue
        obj, names = listed
        cpath = f"{path}.clusters"
        if linked is not None:
            extra = [c for c in names if c not in linked[source]]
            missing = [c for c in CLUSTER_KEYS if c in linked[source] and c not in names]
            if extra:
                check.add(cpath, f"no node of cluster {source} links to "
                          f"{', '.join(extra)}: compare only the clusters it links to")
                continue
            if missing:
                check.add(cpath, f"cluster {source} also links to {', '.join(missing)}: "
                          "compare every cluster it links to")
                continue
        if len(names) < 2:
            check.add(cpath, "at least two clusters are needed (one cluster needs no "
                      "comparison)")
        elif "matrix" in obj:
            check.matrix(obj["matrix"], f"{path}.matrix", names)


def network_from_dict(data: dict[str, Any], array: Any) -> dict[str, Any]:
    """The network fields of :class:`SwotModel` from a valid model dict (``array`` turns
    JSON rows into a matrix)."""
    judgments = data["judgments"]
    links = judgments.get("links", {})
    comparisons = judgments.get("clusters", {})
    order = [*(f["id"] for g in GROUPS for f in data["factors"][g]),
             *(s["id"] for s in data["strategies"])]
    return {
        "structure": data.get("structure", "hierarchy"),
        "links": {
            src: {c: _link_set(links[src][c], array) for c in GROUPS if c in links[src]}
            for src in order if src in links
        },
        "cluster_comparisons": {
            c: ClusterComparison(tuple(comparisons[c]["clusters"]),
                                 array(comparisons[c]["matrix"]))
            for c in CLUSTER_KEYS if c in comparisons
        },
    }


def _link_set(entry: dict[str, Any], array: Any) -> LinkSet:
    notes = {
        node: LinkNote(
            text=n.get("text", ""),
            source=SourceRef(n["source"]["file"], n["source"]["line"]) if "source" in n
            else None,
            illustrative=n.get("illustrative", False))
        for node, n in entry.get("notes", {}).items()
    }
    return LinkSet(tuple(entry["nodes"]), array(entry["matrix"]), notes)


def _link_dict(link: LinkSet, rows: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"nodes": list(link.nodes), "matrix": rows(link.matrix)}
    if link.notes:
        out["notes"] = {}
        for node, note in link.notes.items():
            entry: dict[str, Any] = {}
            if note.text:
                entry["text"] = note.text
            if note.source is not None:
                entry["source"] = {"file": note.source.file, "line": note.source.line}
            if note.illustrative:
                entry["illustrative"] = True
            out["notes"][node] = entry
    return out


def network_to_dict(model: SwotModel, rows: Any) -> dict[str, Any]:
    """``judgments.links`` and ``judgments.clusters`` of a model (absent when empty); ``rows``
    turns a matrix into JSON rows."""
    out: dict[str, Any] = {}
    if model.links:
        out["links"] = {
            src: {c: _link_dict(ls, rows) for c, ls in sets.items()}
            for src, sets in model.links.items()
        }
    if model.cluster_comparisons:
        out["clusters"] = {
            c: {"clusters": list(cc.clusters), "matrix": rows(cc.matrix)}
            for c, cc in model.cluster_comparisons.items()
        }
    return out


__all__ = [
    "check_network",
    "network_from_dict",
    "network_to_dict",
]
