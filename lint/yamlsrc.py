"""YAML loading that remembers where each key was written.

Rule and config errors must name the file and line, so mappings load as
``SourceMap`` (a dict that knows the line of each key). Booleans follow
YAML 1.2 as Vale's loader does: only true/false, so a swap key such as
``no`` stays a string.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lint.errors import CopydeskError

# A config or rule file holds a few hundred values; an alias bomb ("billion
# laughs") expands a few lines to billions. Documents that would expand past
# this many nodes are refused before anything is built from them.
MAX_EXPANDED_NODES = 1_000_000

# PyYAML is imported on first use (about 12 ms): a run whose packs all come
# from the pack cache (see packs.load_pack) never needs it.


class SourceMap(dict):
    """A mapping with the 1-based line of itself and of each key."""

    line: int = 0
    key_lines: dict

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


@lru_cache(maxsize=None)
def _line_loader():
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class _LineLoader(base):
        pass

    # Drop YAML 1.1 booleans (yes/no/on/off); keep true/false.
    _LineLoader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in base.yaml_implicit_resolvers.copy().items()
    }
    _LineLoader.add_implicit_resolver(
        "tag:yaml.org,2002:bool",
        re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
        list("tTfF"),
    )

    def _construct_mapping(loader, node) -> SourceMap:
        loader.flatten_mapping(node)
        result = SourceMap()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if key in result:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            result[key] = loader.construct_object(value_node, deep=True)
            result.key_lines[key] = key_node.start_mark.line + 1
        return result

    _LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

    def construct_document(loader, node):
        if _expanded_size(node) > MAX_EXPANDED_NODES:
            raise yaml.constructor.ConstructorError(
                None, None, f"aliases expand to over {MAX_EXPANDED_NODES:,} values (an alias bomb?)", node.start_mark
            )
        return base.construct_document(loader, node)

    _LineLoader.construct_document = construct_document
    return _LineLoader


def _expanded_size(root) -> int:
    """How many nodes the document has with every alias expanded, counted
    without expanding: an alias is the very node it names, so each node's
    size is computed once (post-order, no recursion)."""
    sizes: dict[int, int] = {}
    stack = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        children = _children(node)
        if children_done:
            sizes[id(node)] = min(1 + sum(sizes[id(c)] for c in children), MAX_EXPANDED_NODES + 1)
            continue
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in sizes)
    return sizes[id(root)]


def _children(node) -> list:
    value = node.value
    if not isinstance(value, list):
        return []
    if value and isinstance(value[0], tuple):  # a mapping: (key, value) pairs
        return [part for pair in value for part in pair]
    return value


def load_yaml(text: str, path: str, error_type: type[CopydeskError] = CopydeskError):
    """Parse YAML text; a syntax error becomes ``error_type`` naming path and line."""
    import yaml

    try:
        return yaml.load(text, Loader=_line_loader())  # noqa: S506 - safe loader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise error_type(f"invalid YAML: {problem}", path, line) from None
    except yaml.YAMLError as exc:
        raise error_type(f"invalid YAML: {exc}", path) from None
