from . import pes_xml
