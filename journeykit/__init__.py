"""JourneyKit: customer journey mapping in Jupyter, for classes and workshops.

The public API is listed once, in ``__init__.pyi`` beside this file: type
checkers and editors read it there, and :func:`lazy_loader.attach_stub` reads
it here, so that each name loads its module on first use. Heavy layers (pandas
tables, plotly figures, ipywidgets, nbconvert, Ibis and DuckDB) stay unloaded
until a learner's code needs them, and a first cell does not wait for them.

Examples
--------
>>> import journeykit as jk
>>> jk.get_framework("five-stage").stage_names
['Awareness', 'Consideration', 'Purchase', 'Retention', 'Advocacy']
>>> jk.example("clothing-store").stage("Decision").touchpoints
['Checkout page', 'Shopping cart', 'Customer service chat']
>>> "plot_map" in jk.__all__ and "plot_map" in dir(jk)
True
"""

import lazy_loader

from ._notebook import install_friendly_errors

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
__all__ = [
    name for name in __all__ if not name.startswith("_")
]  # __version__ is served, not starred

install_friendly_errors()
