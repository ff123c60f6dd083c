from . import benefits
