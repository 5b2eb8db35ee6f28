# Spanish readers expect the 24-hour clock: "14:30".
TIME_FORMAT = "H:i"
