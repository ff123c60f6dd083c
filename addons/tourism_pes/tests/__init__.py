from . import test_pes_xml
from . import test_bordereau
from . import test_concurrency
from . import test_attachment_lock
from . import test_reduction
