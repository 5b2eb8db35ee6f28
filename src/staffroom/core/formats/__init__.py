"""How each language writes dates and times, where we differ from Django's defaults
(``FORMAT_MODULE_PATH`` points here; what is not set here comes from Django)."""
