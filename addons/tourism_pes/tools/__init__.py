from . import pes_xml, reduction
