# American readers expect "2:30 PM", not Django's "2:30 p.m.", wherever a time is shown.
TIME_FORMAT = "g:i A"
DATETIME_FORMAT = "N j, Y, g:i A"
SHORT_DATETIME_FORMAT = "m/d/Y g:i A"
