from . import regie_maths
