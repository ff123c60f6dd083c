from . import test_desk_payment
from . import test_desk_concurrency
from . import test_desk_tour
