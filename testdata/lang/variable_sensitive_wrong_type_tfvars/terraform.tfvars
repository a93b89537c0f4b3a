token = "secret"
