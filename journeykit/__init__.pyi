# ruff: noqa: I001
# The public API of journeykit, listed once: every name a learner reaches as `jk.<name>`.
#
# This stub is the one list. `journeykit/__init__.py` reads it when the package is
# imported (lazy_loader.attach_stub) and serves each name from its module on first
# use, so `import journeykit` loads none of the heavy layers; the same list gives
# `__all__` and `dir(journeykit)`, and type checkers and editors read this file in
# place of `__init__.py`. Write each name as `name as name` (a stub's re-export). The
# order is the layers', bottom up (ARCHITECTURE.md), not the alphabet's.
# A new public name is one line here; tests/test_packaging.py checks that each
# resolves and that every `jk.<name>` the course and docs use is listed.

from ._version import __version__ as __version__

# frameworks and lanes, as data
from .catalogue import (
    LANES as LANES,
    Fact as Fact,
    FieldPath as FieldPath,
    FieldSpec as FieldSpec,
    Framework as Framework,
    FrameworkStage as FrameworkStage,
    crosswalk as crosswalk,
    facts as facts,
    framework_ids as framework_ids,
    frameworks_table as frameworks_table,
    get_framework as get_framework,
)

# every failure a learner sees
from .errors import (
    JourneyMapError as JourneyMapError,
    Problem as Problem,
)

# journey maps and their files
from .model import (
    SCHEMA_VERSION as SCHEMA_VERSION,
    JourneyMap as JourneyMap,
    MergeWarning as MergeWarning,
    Persona as Persona,
    Stage as Stage,
    changes as changes,
    evidence_table as evidence_table,
    example as example,
    example_names as example_names,
    load_map as load_map,
    map_path as map_path,
    maps_dir as maps_dir,
    priorities as priorities,
    roadmap as roadmap,
    save_map as save_map,
)

# figures, and the kit's look for your own plotly charts
from .figures import (
    compare as compare,
    plot_blueprint as plot_blueprint,
    plot_canvas as plot_canvas,
    plot_class_coverage as plot_class_coverage,
    plot_class_heatmap as plot_class_heatmap,
    plot_class_spread as plot_class_spread,
    plot_class_top as plot_class_top,
    plot_crosswalk as plot_crosswalk,
    plot_emotions as plot_emotions,
    plot_framework as plot_framework,
    plot_frameworks as plot_frameworks,
    plot_funnel as plot_funnel,
    plot_map as plot_map,
    plot_priorities as plot_priorities,
    plot_transitions as plot_transitions,
)
from .figures.theme import template as template

# a map as a file
from .export import (
    export_map as export_map,
    read_csv as read_csv,
    to_csv as to_csv,
    to_html as to_html,
    to_image as to_image,
    to_markdown as to_markdown,
    to_mermaid as to_mermaid,
)

# the editor
from .editing import (
    Editor as Editor,
    editor as editor,
)

# slide decks
from .slides import (
    build_course as build_course,
    build_deck as build_deck,
)

# paper: blank canvases, maps and persona cards to print (journeykit print)
from .paper import (
    print_canvas as print_canvas,
    print_map as print_map,
    print_personas as print_personas,
)

# a coach's feedback on a map
from .coaching import (
    Finding as Finding,
    Review as Review,
    review as review,
)

# marking a map, and a self-paced learner's progress
from .assessment import (
    Rubric as Rubric,
    rubric as rubric,
)
from .exercises import progress as progress

# a whole class's maps, for the debrief
from .debrief import (
    Rollup as Rollup,
    rollup as rollup,
)

# the workshop room (journeykit workshop)
from .workshop import Room as Room

# measuring a journey on an event log (the analytics extra)
from .analytics import (
    EventLog as EventLog,
    Measurement as Measurement,
    measure as measure,
    pattern as pattern,
    prefix as prefix,
    read_events as read_events,
)
