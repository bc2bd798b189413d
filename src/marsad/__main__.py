"""``python -m marsad`` is the ``marsad`` command."""
from .cli.main import entry

entry()
