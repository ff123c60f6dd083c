from . import indicators
