"""The model: journey maps, their parts, and how they are checked, tabulated and saved.

Layer 3, on top of the catalogue. Its modules, from the bottom up:

* :mod:`.items`: :class:`Item`, a list item with attributes, and its saved form;
* :mod:`.values`: what a field may hold, by its kind (every value is checked here);
* :mod:`.parts`: :class:`Persona` and :class:`Stage`, holding the schema's fields;
* :mod:`.migrations`: the saved format's version and the steps from older ones;
* :mod:`.reading`: reads saved-file data, collecting every problem;
* :mod:`.characters`: which characters a field may hold;
* :mod:`.files`: atomic writes, file locks and safe JSON reading;
* :mod:`.merging`: three-way merges of two versions of one map;
* :mod:`.saving`: saving to a file another editor may be saving to (merging);
* :mod:`.tables`: the tidy table of a map (stage, lane, item);
* the method's tables: :mod:`.evidence` (how much rests on assumptions, and where),
  :mod:`.changes` (what a future state removes, adds and keeps), :mod:`.priorities`
  (opportunities on the impact/effort matrix, and the roadmap);
* :mod:`.journey_map`: :class:`JourneyMap`, built from the modules above;
* :mod:`.storage`: :func:`load_map` and :func:`save_map`;
* :mod:`.examples`: the maps in ``datasets/``; :mod:`.workspace`: ``my_maps/``.

Nothing here imports plotly, ipywidgets or nbconvert, or any layer above.
"""

from __future__ import annotations

from .changes import changes
from .embedded import MAP_MIME, embed, embedded_map
from .evidence import EvidenceCounts, evidence_counts, evidence_table
from .examples import datasets_dir, example, example_names
from .files import (
    BACKUP_SUFFIX,
    CONFLICT_MARK,
    MAX_FILE_BYTES,
    MAX_KEPT_ASIDE,
    MAX_KEPT_ASIDE_IN_FOLDER,
    kept_aside,
    read_json,
    write_bytes_atomic,
    write_text_atomic,
)
from .items import Item
from .journey_map import JourneyMap, Observer
from .merging import Merge, merge_saved
from .migrations import SCHEMA_VERSION
from .parts import Persona, Stage
from .priorities import priorities, roadmap
from .saving import MergeWarning, SaveReport, save_merging
from .storage import dumps, load_map, save_map
from .tables import map_to_frame
from .values import MAX_TEXT_CHARS, field_path, normalize_lane_value, normalize_value, type_name
from .workspace import MAPS_DIR_ENV, map_path, maps_dir

__all__ = [
    "MAP_MIME",
    "embed",
    "evidence_counts",
    "evidence_table",
    "embedded_map",
    "BACKUP_SUFFIX",
    "CONFLICT_MARK",
    "MAPS_DIR_ENV",
    "MAX_FILE_BYTES",
    "MAX_KEPT_ASIDE",
    "MAX_KEPT_ASIDE_IN_FOLDER",
    "MAX_TEXT_CHARS",
    "SCHEMA_VERSION",
    "EvidenceCounts",
    "Item",
    "JourneyMap",
    "Merge",
    "MergeWarning",
    "Observer",
    "Persona",
    "SaveReport",
    "Stage",
    "changes",
    "datasets_dir",
    "dumps",
    "example",
    "example_names",
    "field_path",
    "kept_aside",
    "load_map",
    "map_path",
    "map_to_frame",
    "maps_dir",
    "merge_saved",
    "normalize_lane_value",
    "normalize_value",
    "priorities",
    "read_json",
    "roadmap",
    "save_map",
    "save_merging",
    "type_name",
    "write_bytes_atomic",
    "write_text_atomic",
]
