from . import tourism_welcome_consent
