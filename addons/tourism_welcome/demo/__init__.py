from . import tourism_welcome_contact_demo
