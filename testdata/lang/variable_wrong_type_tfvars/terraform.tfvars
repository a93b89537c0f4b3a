ports = "eighty"
